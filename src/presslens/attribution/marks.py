"""Pairing quotation marks into quoted spans, robust to what real text does.

Why not a regex: a quarter of PolNeAR articles have an odd number of marks;
quotes run over several paragraphs with the opening mark repeated and no closing
mark at each paragraph end; straight ``"`` is both opener and closer; ``’`` is also
an apostrophe; German ``„…“`` closes with the English opener. We scan each
paragraph once, deciding the role of every mark from its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.document import Span

# opener -> closers it accepts
_PAIRS: dict[str, str] = {
    "\u201c": '\u201d\u201c"',  # “ ” (and “ or " in sloppy text)
    "\u201e": "\u201c\u201d",  # „ “ / „ ”
    "\u00ab": "\u00bb",  # « »
    "\u00bb": "\u00ab",  # » « (Danish/Swedish style)
    '"': '"\u201d',
    "\u2018": "\u2019",  # ‘ ’
}
DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
SINGLE_MARKS = frozenset("\u2018\u2019")
ALL_MARKS = DOUBLE_MARKS | SINGLE_MARKS | {"'"}
_FILLER = "\u2060"  # stands for the second apostrophe of a '' mark while scanning
_PARA_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[\"“„«])")


@dataclass(frozen=True)
class QuotedSpan:
    """A quotation: marks included in ``outer``, content (trimmed) in ``span``.

    ``closed`` is False when the quote ran to a paragraph end without a closing
    mark (a stray mark or a quote continued in the next paragraph that never
    closed). ``parts`` lists the per-paragraph pieces of a multi-paragraph quote.
    """

    outer: Span
    span: Span
    closed: bool = True
    parts: tuple[Span, ...] = ()


def is_title(words: list[str]) -> bool:
    """Title Case words ('The Long Night', 'Morning Joe'): the name of a work, not speech."""
    caps = [w for w in words if w[:1].isalpha()]
    return len(caps) >= 2 and all(w[0].isupper() for w in caps)


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blank-line separated blocks (single newlines before a quote also split)."""
    out: list[Span] = []
    start = 0
    for m in _PARA_BREAK.finditer(text):
        if text[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return [_strip(text, p) for p in out]


def _strip(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e)


def _is_left_context(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in "([{—–-/:"


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at ``i`` from its neighbours."""
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    j = i + 2 if i + 1 < len(text) and text[i + 1] == _FILLER else i + 1
    after = text[j] if j < len(text) else ""
    if ch in "\u201e\u00ab\u2018":
        if ch == "\u2018" and before.isalnum():
            return "none"
        return "open"
    if ch in "\u201d\u00bb":
        return "close"
    if ch == "\u2019":
        # Apostrophe inside or after a word ("don’t", "Jones’ car") is not a mark.
        if after.isalpha() or (
            before.isalpha() and after not in ("", " ", ",", ".", "\n", ";", ":", "?", "!")
        ):
            return "none"
        return "close" if not before.isspace() else "none"
    if ch == "\u201c":
        return "open" if _is_left_context(before) or not after.isspace() else "either"
    # straight double quote
    left_open = _is_left_context(before)
    right_close = after == "" or after.isspace() or after in ",.;:!?)]—–-"
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "either"


def _trim_content(text: str, s: int, e: int) -> Span:
    while s < e and text[s] == _FILLER:
        s += 1
    s, e = _strip(text, (s, e))
    while e > s and text[e - 1] == ",":
        e -= 1
    return (s, e)


def find_quotes(text: str, paras: list[Span] | None = None) -> list[QuotedSpan]:
    """Pair double quotation marks (and ‘…’ not nested in them) into quotations.

    Two apostrophes (``''``, the New York Times' archive style) count as one double
    mark: the scan reads a same-length copy where they are ``"`` plus a filler.
    """
    paras = paras if paras is not None else paragraphs(text)
    if "''" in text:
        text = text.replace("''", '"' + _FILLER)
    found: list[QuotedSpan] = []
    carry: tuple[int, list[Span]] | None = None  # open multi-paragraph quote
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        open_ch = ""
        if carry is not None:
            # Continuation paragraph must start with an opening mark.
            if pe > ps and text[ps] in DOUBLE_MARKS and _role(text, ps) in ("open", "either"):
                open_at, open_ch = ps, text[ps]
            else:
                _close_unfinished(text, carry, found)
                carry = None
        i = ps if open_at is None else ps + 1
        while i < pe:
            ch = text[i]
            if ch not in DOUBLE_MARKS and ch not in SINGLE_MARKS:
                i += 1
                continue
            single = ch in SINGLE_MARKS
            role = _role(text, i)
            if role == "none" or (single and open_at is not None and open_ch not in SINGLE_MARKS):
                i += 1  # nested single quotes stay inside the double quote
                continue
            if open_at is None:
                if role in ("open", "either") and ch in _PAIRS:
                    open_at, open_ch = i, ch
                i += 1
                continue
            if role in ("close", "either") and ch in _PAIRS.get(open_ch, ""):
                parts = [*(carry[1] if carry else []), _trim_content(text, open_at + 1, i)]
                start = carry[0] if carry else open_at
                close_end = i + 2 if i + 1 < len(text) and text[i + 1] == _FILLER else i + 1
                found.append(
                    QuotedSpan((start, close_end), (parts[0][0], parts[-1][1]), True, tuple(parts))
                )
                carry = None
                open_at = None
            elif role == "open" and ch == open_ch and not single:
                # An unclosed quote before: drop it and start again here.
                carry = None
                open_at, open_ch = i, ch
            i += 1
        if open_at is not None:
            piece = _trim_content(text, open_at + 1, pe)
            starts_para = open_at == ps
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            continues = nxt is not None and starts_para and text[nxt[0]] in DOUBLE_MARKS
            if continues:
                carry = (carry[0] if carry else open_at, [*(carry[1] if carry else []), piece])
            else:
                prev = carry
                carry = (prev[0] if prev else open_at, [*(prev[1] if prev else []), piece])
                _close_unfinished(text, carry, found)
                carry = None
    if carry is not None:
        _close_unfinished(text, carry, found)
    return [q for q in found if q.span[1] > q.span[0]]


def _close_unfinished(text: str, carry: tuple[int, list[Span]], found: list[QuotedSpan]) -> None:
    """A quote that never closed: keep it when it opened a paragraph or ran on for words."""
    start, parts = carry
    if not parts:
        return
    span = (parts[0][0], parts[-1][1])
    words = len(text[span[0] : span[1]].split())
    opened_paragraph = start == 0 or text[start - 1] == "\n"
    if opened_paragraph or words >= 4:
        found.append(QuotedSpan((start, parts[-1][1]), span, False, tuple(parts)))
