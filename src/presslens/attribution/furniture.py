"""Entities as a speaker may be linked to them: without their mentions in the furniture.

Why: a dispatch's dateline names the agency that filed it (``LONDON, March 2
(Reuters) -``, ``MOSCOW, June 20. /TASS/.``). That agency is the outlet's own
voice, never the speaker of what follows; yet to coreference it is the nearest
organisation before "the defence minister told reporters". Speaker linking
therefore reads the entity layer without mentions inside the dateline or byline;
an entity named only there is no candidate at all. The route (``told TASS``) is
read from the full layer: a body the words were given to in the text stays one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from presslens.document import Anatomy, Entity, Span


def furniture_spans(anatomy: Anatomy | None) -> list[Span]:
    """The dateline and byline: text of the outlet, not of anyone it reports."""
    if anatomy is None:
        return []
    out = []
    if anatomy.dateline is not None:
        out.append(anatomy.dateline.span)
    if anatomy.byline is not None:
        out.append(anatomy.byline)
    return out


def speaker_candidates(entities: Sequence[Entity], furniture: Sequence[Span]) -> list[Entity]:
    """``entities`` without mentions inside ``furniture`` (entities left with none dropped)."""
    if not furniture:
        return list(entities)
    out = []
    for e in entities:
        kept = tuple(
            m for m in e.mentions if not any(f[0] <= m[0] and m[1] <= f[1] for f in furniture)
        )
        if kept == e.mentions:
            out.append(e)
        elif kept:
            out.append(replace(e, mentions=kept))
    return out
