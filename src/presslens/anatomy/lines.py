"""Lines and paragraphs as spans that exclude surrounding whitespace.

Everything here returns offsets into the original string, so CRLF input, tabs
and stray spaces are never normalised away: callers slice ``text[s:e]``.
"""

from __future__ import annotations

import re

from presslens.document import Span

# Byte-order marks and zero-width characters carry no text; spans never begin or end on them.
_INVISIBLE = frozenset("\ufeff\u200b\u200c\u200d\u2060")
_LINE = re.compile(r"[^\r\n]+")
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\f\v\u00a0\u2000-\u200b\u3000]*(?:\r\n|\r|\n)")


def strip_span(text: str, start: int, end: int) -> Span | None:
    """Shrink ``[start, end)`` to exclude whitespace (and BOMs); None if nothing is left."""
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return (start, end) if start < end else None


def line_spans(text: str) -> list[Span]:
    """Every line that holds something other than whitespace, stripped."""
    out: list[Span] = []
    for m in _LINE.finditer(text):
        span = strip_span(text, m.start(), m.end())
        if span is not None:
            out.append(span)
    return out


def has_blank_lines(text: str) -> bool:
    """Whether any two lines are separated by an empty (or whitespace-only) line."""
    return _BLANK_LINE.search(text.strip()) is not None


def paragraph_spans(text: str) -> list[Span]:
    """Blank-line separated blocks; single lines when the text has no blank line.

    Plain-text dispatches separate paragraphs with blank lines; text extracted
    from HTML (and many feeds) puts one paragraph per line instead, so a text
    with no blank line at all is read one paragraph per line.
    """
    lines = line_spans(text)
    if not has_blank_lines(text):
        return lines
    out: list[Span] = []
    block_start: int | None = None
    block_end = 0
    for start, end in lines:
        if block_start is not None and _BLANK_LINE.search(text, block_end, start) is None:
            block_end = end
            continue
        if block_start is not None:
            out.append((block_start, block_end))
        block_start, block_end = start, end
    if block_start is not None:
        out.append((block_start, block_end))
    return out
