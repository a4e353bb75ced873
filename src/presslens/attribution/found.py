"""The internal record of one attribution before speakers are linked to entities.

Kept apart from :class:`presslens.document.Quote` because extraction works with
spaCy token indices (the speaker's head, the addressee of "told") that the public
record does not carry.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from presslens.document import QuoteKind, Span


@dataclass(frozen=True)
class Found:
    """Content, cue, speaker (with its head token) and addressee of one attribution.

    ``span`` runs from the first to the last character of the content; for a quote
    interrupted by its attribution (``"X," he said, "Y."``) ``parts`` lists the
    pieces and ``span`` covers both, the cue and speaker included, so that the
    event stays one record, as PolNeAR counts it.
    """

    kind: QuoteKind
    span: Span
    parts: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None = None
    speaker_head: int | None = None
    addressee: int | None = None
    cue_token: int | None = None
    # The probability a learned model gave the report (the open-cue classifier of
    # :mod:`presslens.attribution.open_cues`); None where the rules found it.
    score: float | None = None

    def with_(self, **changes: Any) -> Found:
        return replace(self, **changes)


def credited(found: list[Found]) -> list[Found]:
    """The attributions that credit their words to someone: a cue or a speaker.

    Why: a quotation with neither ("We will win." standing alone) reports no
    attribution; its speaker, if any, sits in another sentence the rules cannot link.
    Kept as a quote it could only be scored wrong and would read as speech nobody
    said. It goes to the ``uncredited_quotes`` layer instead
    (:mod:`presslens.attribution.uncredited`), where sourcing still reads it as
    someone's words, not the outlet's.
    """
    return [f for f in found if f.cue is not None or f.speaker is not None]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def touches(a: Found, b: Found) -> bool:
    """Whether two attributions' contents share a character (piece by piece)."""
    return any(overlap(p, q) for p in a.parts or (a.span,) for q in b.parts or (b.span,))


def inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
