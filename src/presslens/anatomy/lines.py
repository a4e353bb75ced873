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


_HSPACE = " \t\u00a0"
_OPENING_MARKS = "«„“("
_CONTINUING = ".,;:!?…)»”"
_SHORT_RUN = 6  # words of a link's or a bold word's own line
_TERMINAL = ".!?…"


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].rstrip("\r")


def inline_break(text: str, at: int) -> bool:
    """Whether the line break at ``text[at]`` falls inside a sentence: Telegram posts
    (and feeds copied from them) put a link's or a bold word's text on a line of its own
    ('рассказал экс-нардеп \nИгорь Мосийчук\n. ', '«\nЕсли ... обеспечено\n», – сказал').

    Such a break is read as a space: the line after it starts with a space, a mark that
    continues a sentence (.,;:!?» ) or a lowercase letter; or the line before is only an
    opening mark; or the line before ends with a space and the line after is a short run
    that does not end the sentence and after which the sentence goes on (the link's own
    line). A whitespace-only line is a paragraph break, whatever is around it.
    """
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip("\r")
    after = _line_at(text, at + 1)
    if not before.strip() or not after.strip():
        return False
    head = after[0]
    if head in _HSPACE or head in _CONTINUING or head.islower():
        return True
    if before.strip() in ('"', "«", "„", "“") or before.rstrip()[-1] in _OPENING_MARKS:
        return True
    run = after.strip()
    if before[-1] not in _HSPACE or len(run.split()) > _SHORT_RUN or run[-1] in _TERMINAL:
        return False
    # the sentence goes on after the run ('\nИгорь Мосийчук\n. '); a run the text ends
    # with is a signature ('считает мужчина \nБлокнот Россия')
    end = at + 1 + len(after)
    if after[-1] in _HSPACE:
        return True
    if end >= len(text) or text[end] != "\n":
        return False
    following = _line_at(text, end + 1)
    return bool(following.strip()) and (
        following[0] in _HSPACE or following[0] in _CONTINUING or following[0].islower()
    )


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
        return _joined_inline(text, lines)
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


def _joined_inline(text: str, lines: list[Span]) -> list[Span]:
    """Lines joined across breaks inside a sentence (:func:`inline_break`)."""
    out: list[Span] = []
    for start, end in lines:
        if out:
            at = text.find("\n", out[-1][1], start)
            if at >= 0 and text.count("\n", out[-1][1], start) == 1 and inline_break(text, at):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out
