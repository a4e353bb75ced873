"""Cut an article text into segments at every span boundary.

Technique and quote spans overlap freely (a Loaded_Language span inside a Doubt
span inside a quote). HTML cannot nest overlapping elements, so the report cuts
the text at every boundary of every span and gives each segment the set of spans
covering it; the view then draws one stripe per covering technique. This is
rendering arithmetic over the contract's offsets, not analysis.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Segment:
    """``text[start:end]`` and the indices of the spans that cover all of it."""

    start: int
    end: int
    covering: frozenset[int]


def clamp(span: Any, length: int) -> Span | None:
    """A valid ``(start, end)`` inside ``[0, length]``, or None for junk.

    Contract dicts may come from a store or a hostile client: spans that are not
    two integers, reversed or empty are dropped rather than trusted.
    """
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    start, end = span
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = max(0, start), min(length, end)
    return (start, end) if start < end else None


def segment(length: int, spans: Sequence[Span | None]) -> list[Segment]:
    """Segments covering ``[0, length)`` in order, cut at every span boundary.

    ``spans[i]`` may be None (skipped); indices in ``covering`` refer to ``spans``.

    >>> [(s.start, s.end, sorted(s.covering)) for s in segment(10, [(2, 6), (4, 8)])]
    [(0, 2, []), (2, 4, [0]), (4, 6, [0, 1]), (6, 8, [1]), (8, 10, [])]
    """
    if length <= 0:
        return []
    cuts = {0, length}
    for span in spans:
        if span is not None:
            cuts.update(span)
    bounds = sorted(c for c in cuts if 0 <= c <= length)
    covering: list[set[int]] = [set() for _ in range(len(bounds) - 1)]
    for index, span in enumerate(spans):
        if span is None:
            continue
        first, last = bisect_left(bounds, span[0]), bisect_left(bounds, span[1])
        for k in range(first, last):
            covering[k].add(index)
    return [
        Segment(bounds[k], bounds[k + 1], frozenset(covering[k])) for k in range(len(bounds) - 1)
    ]
