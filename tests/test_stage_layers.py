"""Every stage reads only the layers it declares in ``needs``.

Why: the pipeline orders stages by ``needs`` alone, so a stage that reads an
undeclared layer works only by the luck of the default order and breaks when run
with ``--stages`` or beside a plug-in. Each stage runs here on the English seed
dispatch with every other layer present, through a layer map that records reads.
"""

from __future__ import annotations

from typing import Any

import pytest

from presslens import stages as registry
from presslens.document import Document
from presslens.pipeline import Pipeline
from presslens.settings import get_settings


class RecordingLayers(dict):
    """A layer map that notes every name looked up, present or not."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read: set[str] = set()

    def get(self, key: Any, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)


def layers_read(stage: registry.Stage, analysed: Document) -> set[str]:
    """The layers ``stage`` looks up when run on ``analysed`` without its own layer."""
    layers = RecordingLayers({k: v for k, v in analysed.layers.items() if k != stage.adds})
    doc = Document(analysed.text, analysed.source, analysed.metadata, layers)
    stage.run(doc)
    return layers.read


@pytest.fixture(scope="module")
def analysed_seed(seed_text: str) -> Document:
    doc = Document(seed_text)
    Pipeline.default()(doc)
    return doc


@pytest.mark.parametrize("name", registry.DEFAULT_STAGES)
def test_stage_reads_only_declared_layers(name: str, analysed_seed: Document) -> None:
    stage = registry.build(name, get_settings())
    undeclared = layers_read(stage, analysed_seed) - set(stage.needs) - {stage.adds}
    assert not undeclared, f"stage {name!r} reads {sorted(undeclared)} without needing them"


def test_an_undeclared_read_is_caught(analysed_seed: Document) -> None:
    class Sneaky:
        name = adds = "sneaky"
        needs: tuple[str, ...] = ("anatomy",)

        def run(self, doc: Document) -> Any:
            return doc.layer("language")

    assert layers_read(Sneaky(), analysed_seed) - set(Sneaky.needs) == {"language"}
