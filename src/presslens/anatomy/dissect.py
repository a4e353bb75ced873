"""Put the parts together: which line is the headline, the standfirst, the byline,
the dateline, which lines are chrome, and where paragraphs and sentences are.

The order of a dispatch is what the rules rely on, not its wording::

    [chrome] headline [standfirst] [byline] [chrome] DATELINE first sentence ...

Everything before the dateline line is the *head*; the first line there that
reads like a headline is the headline and the next one is the standfirst. With
no dateline, a byline closes the head instead. Lines are the unit in the head
(a "block" may hold a kicker and a headline); paragraphs are the unit in the body.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from presslens.anatomy.boilerplate import is_boilerplate
from presslens.anatomy.byline import is_byline
from presslens.anatomy.dateline import parse_dateline, parse_place_line
from presslens.anatomy.lines import has_blank_lines, line_spans, paragraph_spans
from presslens.anatomy.sentences import split_units
from presslens.document import Anatomy, Dateline, Span

MAX_DATELINE_LINE = 15  # the dateline is searched among the first content lines
LONG_LINE_WORDS = 25
MAX_LONG_LINES_BEFORE_DATELINE = 2
MAX_HEADLINE_WORDS = 30
MAX_HEADLINE_CHARS = 250
MAX_TITLE_CASE_WORDS = 20
MAX_KICKER_WORDS = 2
MIN_BODY_WORDS_AFTER_PLACE_LINE = 8


def _words(text: str, span: Span) -> int:
    return len(text[span[0] : span[1]].split())


def _title_cased(words: list[str]) -> bool:
    """Most words capitalised, as in English headline style ("Deep State Strikes Back.")."""
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def headline_like(line: str) -> bool:
    """Short, starts like a title and does not end like a sentence of prose.

    A final period is allowed in title case: some sites end headlines with one.
    """
    line = line.strip()
    words = line.split()
    if not line or len(line) > MAX_HEADLINE_CHARS or len(words) > MAX_HEADLINE_WORDS:
        return False
    if not any(c.isalpha() for c in line) or line[0].islower():
        return False
    if not line.rstrip("\"'”’»").endswith((".", ",", ";", ":")) or line.endswith("..."):
        return True
    return line.endswith(".") and len(words) <= MAX_TITLE_CASE_WORDS and _title_cased(words)


@dataclass
class _Head:
    headline: Span | None = None
    standfirst: Span | None = None
    byline: Span | None = None
    kickers: tuple[Span, ...] = ()


def _title_line(text: str, lines: list[Span], title: str | None) -> Span | None:
    """The first line when it begins with the document's known title (HTML input)."""
    title = (title or "").strip()
    if not title or not lines:
        return None
    s, e = lines[0]
    if text.startswith(title, s):
        return (s, min(e, s + len(title)))
    return None


def _find_dateline(text: str, content: list[Span], first: int = 0) -> tuple[int, Dateline] | None:
    """The first dateline among the opening lines.

    Search stops once the body has clearly begun: a dateline may follow one
    long lead paragraph (a standfirst) but not two, so capitalised subheads and
    names further down ("QUESTIONABLE CLAIMS — For years ...") are never read
    as datelines.
    """
    long_lines = 0
    for idx in range(first, min(len(content), MAX_DATELINE_LINE)):
        s, e = content[idx]
        if long_lines >= MAX_LONG_LINES_BEFORE_DATELINE:
            break
        found = parse_dateline(text, s, e)
        if found is not None:
            return idx, found
        long_lines += _words(text, (s, e)) >= LONG_LINE_WORDS
        # A place alone on its line, between a headline and the body (ANKARA).
        if 0 < idx < len(content) - 1:
            before, after = content[idx - 1], content[idx + 1]
            place = parse_place_line(text, s, e)
            if (
                place is not None
                and headline_like(text[before[0] : before[1]])
                and _words(text, after) >= MIN_BODY_WORDS_AFTER_PLACE_LINE
            ):
                return idx, place
    return None


def _read_head(text: str, head: list[Span], title: Span | None, closed: bool) -> _Head:
    """Pick headline, standfirst and byline among the head lines.

    ``closed`` says the head is known to end where ``head`` ends (a dateline
    follows); otherwise it is closed by a byline after the headline, if any.
    """
    out = _Head()
    bylines = [sp for sp in head if is_byline(text[sp[0] : sp[1]])]
    out.byline = bylines[0] if bylines else None
    rest = [sp for sp in head if sp not in bylines]
    if title is not None:
        out.headline = title
        rest = [sp for sp in rest if sp[0] >= title[1]]
    else:
        kickers: list[Span] = []
        # A section label ("Markets", "Opinion") over a headline is chrome.
        while (
            len(rest) >= 2
            and _words(text, rest[0]) <= MAX_KICKER_WORDS
            and not text[rest[0][0] : rest[0][1]].rstrip().endswith((".", "?", "!"))
            and headline_like(text[rest[1][0] : rest[1][1]])
            and _words(text, rest[1]) > MAX_KICKER_WORDS
        ):
            kickers.append(rest.pop(0))
        out.kickers = tuple(kickers)
        if rest and headline_like(text[rest[0][0] : rest[0][1]]):
            out.headline = rest.pop(0)
    if out.headline is not None:
        rest = [sp for sp in rest if sp[0] >= out.headline[1]]
    if closed:
        out.standfirst = rest[0] if rest else None
    elif out.byline is not None and out.headline is not None and out.byline[0] > out.headline[1]:
        between = [sp for sp in rest if sp[1] <= out.byline[0]]
        out.standfirst = between[0] if between else None
    return out


def _subtract(span: Span, holes: list[Span], starts: list[int]) -> list[Span]:
    """``span`` minus every hole inside it; ``holes`` sorted, ``starts`` their starts."""
    out: list[Span] = []
    pos = span[0]
    for i in range(max(bisect_left(starts, span[0]) - 1, 0), len(holes)):
        s, e = holes[i]
        if s >= span[1]:
            break
        if e <= span[0]:
            continue
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < span[1]:
        out.append((pos, span[1]))
    return out


def dissect(text: str, title: str | None = None) -> Anatomy:
    """The anatomy of ``text``; ``title`` is a known headline (from HTML metadata).

    >>> a = dissect("All news\\n\\nTalks resume\\n\\nPARIS (AFP) - Talks resumed on Monday.")
    >>> a.dateline.place, a.dateline.agency, a.boilerplate
    ('PARIS', 'AFP', ((0, 8),))
    """
    paragraphs = paragraph_spans(text)
    # A text of one paragraph per line is read by its paragraphs, lines broken inside a
    # sentence joined (a post's first sentence is no headline because a link broke it);
    # the lines of a text with blank lines carry its layout and stay as they are.
    lines = line_spans(text) if has_blank_lines(text) else paragraphs
    title_span = _title_line(text, lines, title)
    boiler = [
        sp
        for sp in lines
        if sp != title_span
        and (title_span is None or sp[0] >= title_span[1])
        and is_boilerplate(text[sp[0] : sp[1]])
    ]
    boiler_set = set(boiler)
    content = [sp for sp in lines if sp not in boiler_set]

    # A known title is the headline, never a dateline: search after it.
    after_title = int(title_span is not None and bool(content) and content[0][0] == title_span[0])
    found = _find_dateline(text, content, after_title)
    if found is not None:
        idx, dateline = found
        head = _read_head(text, content[:idx], title_span, closed=True)
    else:
        dateline = None
        head = _read_head(text, content[:MAX_DATELINE_LINE], title_span, closed=False)
    boiler = sorted([*boiler, *head.kickers])

    holes = [*boiler]
    units: list[Span] = []
    for part in (head.headline, head.standfirst):
        if part is not None:
            holes.append(part)
            units.append(part)
    if head.byline is not None:
        holes.append(head.byline)
    if dateline is not None:
        holes.append(dateline.span)
    holes.sort()
    starts = [s for s, _ in holes]
    for para in paragraphs:
        units.extend(_subtract(para, holes, starts))
    sentences = split_units(text, units)

    return Anatomy(
        headline=head.headline,
        standfirst=head.standfirst,
        dateline=dateline,
        boilerplate=tuple(boiler),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        byline=head.byline,
    )
