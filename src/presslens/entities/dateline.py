"""Mentions from the dateline: its place and its agency ("MOSCOW, June 20. /TASS/.").

The anatomy stage has already parsed the dateline, and it is more reliable there
than any model on an all-caps line: the place is a place and the agency an
organisation by the dateline's grammar. These mentions replace whatever the NER
made of the same characters.
"""

from __future__ import annotations

from presslens.document import Anatomy, Span
from presslens.entities.mention import ORG, PLACE, Mention, overlaps


def _find(text: str, needle: str | None, within: Span) -> Span | None:
    if not needle:
        return None
    start, end = within
    at = text.find(needle, start, end)
    if at < 0:
        at = text[start:end].casefold().find(needle.casefold())
        if at < 0:
            return None
        at += start
    return at, at + len(needle)


def dateline_mentions(text: str, anatomy: Anatomy | None) -> list[Mention]:
    """The dateline's place (PLACE) and agency (ORG) as mentions, when anatomy found them."""
    dateline = anatomy.dateline if anatomy else None
    if dateline is None:
        return []
    out = []
    for needle, type_ in ((dateline.place, PLACE), (dateline.agency, ORG)):
        span = _find(text, needle, dateline.span)
        if span is not None:
            name = text[span[0] : span[1]]
            out.append(Mention(span=span, type=type_, name=name, full=name, source="dateline"))
    return out


def with_dateline(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """``mentions`` with the dateline's mentions taking precedence where they overlap."""
    kept = [m for m in mentions if not any(overlaps(m.span, d.span) for d in extra)]
    return sorted([*kept, *extra], key=lambda m: m.span)
