"""Whose voice a technique span is in: the innermost quote that contains it, or the outlet's.

Shared by the English techniques stage and the Russian/Ukrainian manipulation reading,
so both say the same thing about who uses a technique.
"""

from __future__ import annotations

from collections.abc import Sequence

from presslens.document import Quote, Span


def quote_of(span: Span, quotes: Sequence[Quote]) -> str | None:
    """The id of the innermost quote whose content contains ``span`` (None: the outlet's)."""
    inside = [q for q in quotes if q.span[0] <= span[0] and span[1] <= q.span[1]]
    if not inside:
        return None
    return min(inside, key=lambda q: q.span[1] - q.span[0]).id
