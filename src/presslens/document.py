"""The Document: one text plus stand-off layers of character spans.

Every annotation presslens makes is a ``(start, end)`` pair of character offsets
into ``Document.text`` (end exclusive). Stages never copy or rewrite the text and
never mutate a layer another stage added: they read layers and add their own, so
anyone can tell which stage owns which layer (as spaCy components do).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from presslens.vocabulary import BASES, Basis, QuoteKind

__all__ = ["BASES", "Basis", "QuoteKind", "Span"]  # the vocabulary, re-exported for stages

Span = tuple[int, int]


@dataclass(frozen=True)
class Source:
    """Where a document came from: the path as given, a URL, and the input format."""

    path: str | None = None
    url: str | None = None
    format: str = "text"


@dataclass(frozen=True)
class Dateline:
    """A dispatch dateline such as ``MOSCOW, June 20. /TASS/.``."""

    span: Span
    place: str | None = None
    date: str | None = None
    agency: str | None = None


@dataclass(frozen=True)
class Anatomy:
    """The parts of a dispatch, as spans into the text."""

    headline: Span | None = None
    standfirst: Span | None = None
    dateline: Dateline | None = None
    boilerplate: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    byline: Span | None = None


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with every mention of it merged."""

    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    span: Span | None
    text: str
    entity: str | None = None


@dataclass(frozen=True)
class Quote:
    """Reported speech: the content, the cue that reports it, who said it and through whom."""

    id: str
    kind: QuoteKind
    span: Span
    cue: Span | None
    speaker: Speaker | None
    via: str | None = None
    # The exact pieces of a quote interrupted by its attribution or running over
    # several paragraphs; ``span`` runs from the first piece's start to the last's end.
    parts: tuple[Span, ...] = ()
    # The probability of the learned model that found the attribution (the English
    # open-cue classifier); None where quotation marks and cue words found it. A reader
    # weighs an inferred attribution differently from one the text spells out.
    score: float | None = None


@dataclass(frozen=True)
class Sourcing:
    """How a claim-bearing sentence or clause is sourced."""

    span: Span
    basis: Basis
    cue: Span | None = None
    source: str | None = None


@dataclass(frozen=True)
class TechniqueSpan:
    """A persuasion technique (PTC label) found on a span."""

    span: Span
    technique: str
    score: float
    quote: str | None = None


@dataclass(frozen=True)
class Repetition:
    """A passage that occurs more than once in the same document."""

    spans: tuple[Span, ...]


@dataclass
class Metadata:
    """What is known about a document besides its text."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class LayerExistsError(RuntimeError):
    """Raised when a stage tries to replace a layer another stage already added."""


@dataclass
class Document:
    """A text and its stand-off layers.

    >>> doc = Document("MOSCOW, June 20. /TASS/. Text.")
    >>> doc.add_layer("language", "en")
    >>> doc.layer("language")
    'en'
    """

    text: str
    source: Source = field(default_factory=Source)
    metadata: Metadata = field(default_factory=Metadata)
    layers: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The document's identity: sha256 of its text (re-ingesting is idempotent)."""
        return text_id(self.text)

    def add_layer(self, name: str, value: Any) -> None:
        if name in self.layers:
            raise LayerExistsError(f"layer {name!r} was already added")
        self.layers[name] = value

    def has(self, name: str) -> bool:
        return name in self.layers

    def layer(self, name: str, default: Any = None) -> Any:
        return self.layers.get(name, default)

    def slice(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    # Typed views of the contract's layers (empty or None when the stage did not run).

    @property
    def language(self) -> str | None:
        """The ``language`` layer, else the language the metadata names."""
        return self.layer("language") or self.metadata.language

    @property
    def anatomy(self) -> Anatomy | None:
        return self.layer("anatomy")

    @property
    def entities(self) -> list[Entity]:
        return list(self.layer("entities", ()))

    @property
    def quotes(self) -> list[Quote]:
        return list(self.layer("quotes", ()))

    @property
    def scare_quotes(self) -> list[Span]:
        return list(self.layer("scare_quotes", ()))

    @property
    def uncredited_quotes(self) -> list[Quote]:
        return list(self.layer("uncredited_quotes", ()))

    @property
    def quotations(self) -> list[Quote]:
        """Every quotation a span can sit in: the quotes, then the uncredited ones."""
        return [*self.quotes, *self.uncredited_quotes]

    @property
    def sourcing(self) -> list[Sourcing]:
        return list(self.layer("sourcing", ()))

    @property
    def techniques(self) -> list[TechniqueSpan]:
        return list(self.layer("techniques", ()))

    @property
    def repetitions(self) -> list[Repetition]:
        return list(self.layer("repetitions", ()))


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
