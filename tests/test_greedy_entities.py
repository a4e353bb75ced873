"""The Python-decoded entity recogniser gives the entities spaCy's own loop gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("spacy")

from presslens.greedy_entities import GreedyEntities
from presslens.spacy_models import spacy_pipeline
from presslens.stages.syntax import mark_paragraphs
from presslens.syntax_bounds import make_doc

# Invented text: multi-word names next to sentence and paragraph starts, names on
# the last token, whitespace tokens, numbers, dates and money, titles.
TEXT = (
    "BRIGHTWATER, March 3 (Harbour Wire) - The Ministry of Coastal Affairs said on "
    "Tuesday that Elena Varga-Holt, 54, had resigned.\n\n"
    "New York Life Mutual paid $4.5 million to 1,200 fishermen in Port Alder last "
    "year , according to   the Westbrook Institute.\n"
    'Ms Varga-Holt told   reporters : "I leave with my head high." She thanked '
    "Prime Minister Tomas Ekwueme\n\nand the Blue Lantern Party. Twenty-two percent "
    "of voters in Lower Fenwick back Ekwueme\n\nSecond World War veterans met on "
    "Sunday at 10 a.m. in the Hall of Flags\n\n"
    "Ekwueme"
)


def _before_ner(text: str) -> Any:
    """``text`` through presslens's pipeline up to, not including, the recogniser."""
    nlp = spacy_pipeline()
    doc = make_doc(nlp, text)
    mark_paragraphs(doc)
    for name, component in nlp.pipeline:
        if name == "ner":
            break
        doc = component(doc)
    return doc


def _entities(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.i, t.ent_iob_, t.ent_type_, t.ent_kb_id_) for t in doc]


def _texts(seed_text: str, example_path: Path) -> list[str]:
    return [TEXT, seed_text, example_path.read_text(encoding="utf-8"), "Ekwueme", " "]


def test_the_pipeline_uses_the_python_decoder() -> None:
    ner = spacy_pipeline().get_pipe("ner")
    assert isinstance(ner, GreedyEntities)
    assert ner._moves is not None  # the shipped model is one it reproduces


def test_same_entities_as_spacy_one_by_one(seed_text: str, example_path: Path) -> None:
    ner = spacy_pipeline().get_pipe("ner")
    for text in _texts(seed_text, example_path):
        doc = _before_ner(text)
        expected = _entities(ner.inner(doc.copy()))
        assert _entities(ner(doc.copy())) == expected


def test_same_entities_as_spacy_in_batches(seed_text: str, example_path: Path) -> None:
    ner = spacy_pipeline().get_pipe("ner")
    docs = [_before_ner(t) for t in _texts(seed_text, example_path)]
    expected = [_entities(d) for d in ner.inner.pipe([d.copy() for d in docs])]
    assert [_entities(d) for d in ner.pipe([d.copy() for d in docs], batch_size=4)] == expected


def test_preset_entities_go_to_spacy() -> None:
    """With entities set before the recogniser runs, spaCy's moves keep them: the
    original component decides."""
    from spacy.tokens import Span

    ner = spacy_pipeline().get_pipe("ner")
    doc = _before_ner(TEXT)
    doc.set_ents([Span(doc, 2, 3, label="ORG")], default="unmodified")
    expected = _entities(ner.inner(doc.copy()))
    assert _entities(ner(doc.copy())) == expected
