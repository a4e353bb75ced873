"""Russian and Ukrainian headlines that name who says what: 'Песков: Кремль не будет
комментировать слухи', 'Зеленський: «Ми вистоїмо»'.

Why: the colon headline is how news puts a claim in someone's mouth in the fewest
words, and the headline is what most readers see; left unread, its claim counted as
the outlet's own. PolNeAR annotates English ones as attributions (97 of the 126 colon
headlines of its train part; most others open with a rubric: 'The Latest:'), which the
English rules read with the parse (:func:`presslens.attribution.indirect._colon_report`;
this reader added nothing there in cross-validation). The Russian and Ukrainian rules
had no reader.

A headline reads so when the words before its first colon are a short phrase that
starts with a letter and is no rubric of the outlet's ('Фото', 'Главное', 'Онлайн'),
and at least two words follow. Grammar and position only: no name decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from presslens.attribution.cues import words
from presslens.attribution.found import Found, inside
from presslens.attribution.syntax_utils import trim
from presslens.document import Span

_MAX_SPEAKER_WORDS = 6
_SPEAKER = re.compile(r"^\s*(?P<who>[^\W\d_][^:\n]{0,60}?)\s*(?P<colon>:)\s+(?P<what>\S[^\n]*)$")

# Words that make the part before the colon the outlet's rubric, not a speaker.
RUBRICS = words(
    """
    latest update updates live breaking analysis opinion editorial exclusive explainer
    watch video videos photo photos gallery review fact-check factcheck podcast
    interview transcript timeline recap q&a quiz daily weekly newsletter briefing column
    commentary correction read listen
    фото видео відео онлайн главное головне итоги підсумки мнение думка колонка
    интервью інтерв'ю інтерв’ю эксклюзив ексклюзив трансляция трансляція хроника
    хроніка обзор огляд
    """
)


def headline_report(
    text: str,
    headline: Span,
    interiors: Sequence[Span],
    speaks: Callable[[Span], bool] | None = None,
) -> Found | None:
    """The attribution a colon headline makes, or None; its cue is the colon, its
    speaker the words before it, its content the words after it (``direct`` when they
    are one quotation, ``mixed`` when they hold one). ``speaks``, where given, says
    whether the words before the colon can name who speaks (the parse's reading:
    'Сдался в первом же бою:' is a clause, 'Форточка в Европу:' a rubric)."""
    line = text[headline[0] : headline[1]]
    m = _SPEAKER.match(line)
    if m is None:
        return None
    who = m.group("who")
    words = who.split()
    if not 1 <= len(words) <= _MAX_SPEAKER_WORDS:
        return None
    if any(w.strip(".,'’\"").lower() in RUBRICS for w in words):
        return None
    if not m.group("what").split()[1:]:
        return None  # one word after the colon: a label ('Trump: Yes')
    base = headline[0]
    speaker = trim(text, (base + m.start("who"), base + m.end("who")))
    content = trim(text, (base + m.start("what"), base + m.end("what")), ".")
    if speaker is None or content is None or (speaks is not None and not speaks(speaker)):
        return None
    quoted = [q for q in interiors if inside(q, content)]
    kind = "indirect"
    if quoted:
        whole = trim(text, content, '"“”‘’«»„.!?')
        one = len(quoted) == 1 and whole is not None and inside(whole, quoted[0])
        kind = "direct" if one else "mixed"
    colon = (base + m.start("colon"), base + m.end("colon"))
    return Found(kind, content, (content,), colon, speaker)


def with_headline_reports(
    text: str,
    found: list[Found],
    headlines: Sequence[Span],
    interiors: Sequence[Span],
    speaks: Callable[[Span], bool] | None = None,
) -> list[Found]:
    """``found`` with the report of each colon headline among ``headlines`` (the
    headline and standfirst), which replaces what was read inside its content."""
    reports = [f for b in headlines if (f := headline_report(text, b, interiors, speaks))]
    if not reports:
        return found
    kept = [g for g in found if not any(inside(g.span, f.span) for f in reports)]
    return sorted([*kept, *reports], key=lambda g: g.span)
