"""The stage protocol and the registry of stages a pipeline can run.

A stage is a small object with a ``name`` (by convention the name of the layer it
adds), the layers it ``needs`` and the one layer
it ``adds``. ``run(doc)`` returns that layer's value; the pipeline stores it. Stages
load their models lazily, once per process, so building a pipeline is cheap.

Stages register themselves by name with :func:`register`; the registry maps a
name to a factory so that engines can rebuild the same pipeline in a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any, Protocol, runtime_checkable

from presslens.document import Document
from presslens.settings import Settings


@runtime_checkable
class Stage(Protocol):
    name: str
    needs: tuple[str, ...]
    adds: str

    def run(self, doc: Document) -> Any:
        """Return the value of the layer named by ``adds``."""
        ...


StageFactory = Callable[[Settings], Stage]

# name -> "module:attribute" of a factory taking Settings. Modules are imported only
# when their stage is used, so `presslens extract` never loads spaCy.
_BUILTIN: dict[str, str] = {
    "anatomy": "presslens.stages.anatomy:AnatomyStage",
    "language": "presslens.stages.language:LanguageStage",
    "syntax": "presslens.stages.syntax:SyntaxStage",
    "entities": "presslens.stages.entities:EntitiesStage",
    "repetitions": "presslens.stages.repetitions:RepetitionsStage",
    "quotes": "presslens.stages.quotes:QuotesStage",
    "scare_quotes": "presslens.stages.scare_quotes:ScareQuotesStage",
    "uncredited_quotes": "presslens.stages.uncredited_quotes:UncreditedQuotesStage",
    "sourcing": "presslens.stages.sourcing:SourcingStage",
    "manipulation": "presslens.stages.manipulation:ManipulationStage",
    "techniques": "presslens.stages.techniques:TechniquesStage",
}
_EXTRA: dict[str, StageFactory] = {}

DEFAULT_STAGES: tuple[str, ...] = (
    "anatomy",
    "language",
    "syntax",
    "entities",
    "repetitions",
    "quotes",
    "scare_quotes",
    "uncredited_quotes",
    "sourcing",
    "manipulation",
    "techniques",
)


def register(name: str, factory: StageFactory) -> None:
    """Make a stage available to pipelines under ``name`` (plug-ins use this)."""
    _EXTRA[name] = factory


def available() -> list[str]:
    return sorted({*_BUILTIN, *_EXTRA})


def is_available(name: str) -> bool:
    """Whether the stage's module exists in this installation."""
    if name in _EXTRA:
        return True
    target = _BUILTIN.get(name)
    if target is None:
        return False
    try:
        import_module(target.split(":")[0])
    except ModuleNotFoundError:
        return False
    return True


def build(name: str, settings: Settings) -> Stage:
    if name in _EXTRA:
        return _EXTRA[name](settings)
    try:
        target = _BUILTIN[name]
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; available: {', '.join(available())}") from None
    module, attr = target.split(":")
    return getattr(import_module(module), attr)(settings)
