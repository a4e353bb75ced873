"""From groups of mentions to the contract's :class:`~presslens.document.Entity` records."""

from __future__ import annotations

from presslens.document import Entity, Span
from presslens.entities.mention import PERSON, Mention
from presslens.entities.names import is_acronym, is_all_caps, tokens


def best_name(group: list[Mention]) -> str:
    """The fullest proper name: spelled in mixed case, not an acronym, most words.

    "Russian Foreign Intelligence Service" beats "SVR" and "Foreign Intelligence
    Service"; "Moscow" beats the dateline's "MOSCOW". Ties go to the first mention.
    """

    def score(indexed: tuple[int, str]) -> tuple[int, int, int, int]:
        i, name = indexed
        return (not is_acronym(name), not is_all_caps(name), len(tokens(name)), -i)

    names = [m.name if m.type == PERSON else (m.lemma or m.full) for m in group]
    return max(enumerate(names), key=score)[1]


def _spans(group: list[Mention]) -> tuple[Span, ...]:
    spans = sorted({m.span for m in group})
    # A mention nested in another of the same entity adds nothing.
    return tuple(
        s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)
    )


def to_entities(groups: list[list[Mention]]) -> list[Entity]:
    """Entities with ids "e1", "e2", ... in order of first mention."""
    ordered = sorted((g for g in groups if g), key=lambda g: min(m.span for m in g))
    out = []
    for n, group in enumerate(ordered, start=1):
        titles = tuple(dict.fromkeys(t for m in group for t in m.titles))
        out.append(
            Entity(
                id=f"e{n}",
                name=best_name(group),
                type=group[0].type,
                mentions=_spans(group),
                titles=titles,
            )
        )
    return out
