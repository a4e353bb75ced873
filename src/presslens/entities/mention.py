"""One mention of a name in the text, before mentions are merged into entities."""

from __future__ import annotations

from dataclasses import dataclass, replace

from presslens.document import Span
from presslens.entities.names import key

# The entity types of the public contract.
PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"
TYPES = (PERSON, ORG, PLACE)


@dataclass(frozen=True)
class Mention:
    """A span naming a person, organisation or place.

    ``name`` is the name as written without determiner, possessive or place
    qualifier ("Foreign Intelligence Service" in "the Russian Foreign
    Intelligence Service"); ``full`` is the name worth showing as the entity's
    name ("Russian Foreign Intelligence Service"). ``qualifier`` is the place
    word that was stripped, kept so that two organisations of different sides
    are never merged. ``lemma`` is a dictionary form when the language inflects
    names (Russian "Москву" -> "Москва"). ``aliases`` are names the text defines
    as the same thing, such as an acronym in parentheses.
    """

    span: Span
    type: str
    name: str
    full: str
    qualifier: str | None = None
    lemma: str | None = None
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = "ner"

    @property
    def key(self) -> str:
        return key(self.lemma or self.name)

    def with_(self, **changes: object) -> Mention:
        return replace(self, **changes)  # type: ignore[arg-type]

    def propagated(self, span: Span, written: str) -> Mention:
        """A further occurrence of this mention's name at ``span``, written ``written``.

        It keeps the name, type, qualifier and lemma, not titles or aliases (those
        belong to the place where the text gave them).
        """
        return Mention(
            span=span,
            type=self.type,
            name=self.name,
            full=written,
            qualifier=self.qualifier,
            lemma=self.lemma,
            source="propagated",
        )


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def inside_any(span: Span, spans: tuple[Span, ...] | list[Span]) -> bool:
    """Whether ``span`` lies within one of ``spans`` (boilerplate, say)."""
    return any(s <= span[0] and span[1] <= e for s, e in spans)
