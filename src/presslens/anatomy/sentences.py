"""Rule-based sentence boundaries with exact character offsets.

A boundary is a run of terminators (``.``, ``?``, ``!``, ``…``) plus any closing
quotes or brackets, followed by whitespace and the start of a new sentence (a
capital, a digit, an opening quote or bracket, a dash). A period does not end a
sentence after an initial (``S. E. Naryshkin``), a title (``Mr.``, ``Gen.``,
``проф.``) or a dotted abbreviation (``U.S.``) unless the next word is one that
usually starts a sentence (``The``, ``Он``, ``Це``). Reported speech keeps its
closing quote: ``... abroad." "Mass purges`` splits after the first ``"``.

The splitter works on any script and never looks at a model, so it is cheap
enough for the anatomy stage that every other stage depends on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presslens.anatomy.lines import strip_span
from presslens.document import Span

_CLOSERS = "\"'”’»)]›“"
_OPENERS = "\"'“‘«„([‹"
_DASHES = "-–—―"
# Starts only where a run of terminators starts, and never backtracks into it,
# so a line of a million dots costs one pass.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[" + re.escape(_CLOSERS) + r"]*+(?=\s)")


def _table(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Never end a sentence: titles and words that precede a name or a place.
_NEVER_END = _table(
    """mr mrs ms mx dr prof sen rep gov gen lt col maj capt cmdr cdr sgt adm rev fr st mt ft
    hon pres supt insp det messrs mme mlle sra vs v cf viz e.g i.e approx dept univ ave blvd
    им ул пр просп пер проф акад ген см тел кв обл р-н стр рис напр т.е т.к
    ім вул пров див тел акад проф ген обл просп напр т.зв"""
)
# May end a sentence: break only if a typical sentence opener follows
# ("on Jan. 5" goes on, "in Jan. The" does not; "No. 5" goes on).
_WEAK_END = _table(
    """inc corp co ltd llc plc jr sr bros etc al no nos vol art fig pp sec ch para rd
    jan feb mar apr jun jul aug sep sept oct nov dec
    г гг руб коп тыс млн млрд долл трлн ок т.д т.п др
    р рр грн тис млн млрд трлн коп"""
)
_OPENER_WORDS = _table(
    """the a an he she it they we i you but and in on at this that these those there its his
    her their our however meanwhile after before when while as if according earlier later
    also some many most one two three his on for with since despite under
    он она оно они мы я это эти этот в во на но и по как однако при при после до когда
    также кроме ранее позже всего сейчас там тогда
    він вона воно вони ми я це ці цей у в на але і й та за як проте при після до коли
    також крім раніше пізніше зараз там тоді"""
)
_WORD_CHARS = re.compile(r"[^\W_]")
_LOOKAHEAD = 64  # how far to look at the words around a candidate boundary


def _prev_token(text: str, start: int, end: int) -> str:
    """The token ending at ``end`` (exclusive), without opening punctuation."""
    start = max(start, 0)
    i = end
    while i > start and not text[i - 1].isspace():
        i -= 1
    return text[i:end].lstrip(_OPENERS + "(")


def _next_word(text: str, pos: int, end: int) -> str:
    end = min(end, pos + _LOOKAHEAD)
    j = pos
    while j < end and not text[j].isspace():
        j += 1
    return text[pos:j].lstrip(_OPENERS).rstrip(".,;:!?\"'”’»)")


def _starts_sentence(text: str, pos: int, end: int) -> bool:
    ch = text[pos]
    if ch.isupper() or ch.isdigit():
        return True
    if ch in _DASHES:
        # Russian dialogue "?» — спросил он" continues the sentence.
        rest = text[pos + 1 : min(end, pos + _LOOKAHEAD)].lstrip()
        return bool(rest) and not rest[0].islower()
    if ch in _OPENERS and pos + 1 < end:
        nxt = text[pos + 1]
        return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS
    return False


def _is_boundary(text: str, m: re.Match[str], nxt: int, end: int) -> bool:
    if not _starts_sentence(text, nxt, end):
        return False
    mark = m.group()
    terminators = mark.rstrip(_CLOSERS)
    if terminators != ".":
        return True  # ?, !, ..., …
    if len(mark) > 1:
        return True  # ." or .) : the period closes a quotation or an aside
    token = _prev_token(text, m.start() - _LOOKAHEAD, m.start())
    key = token.casefold()
    if len(token) == 1 and token.isalpha() and token.isupper():
        # an initial (S. E. Naryshkin), unless a word that opens sentences follows: 'posted
        # on X. It added' (a one-letter name ends the sentence; no surname reads 'It')
        after = _next_word(text, nxt, end)
        return len(after) > 1 and after.casefold() in _OPENER_WORDS
    if key in _NEVER_END:
        return False
    opener = _next_word(text, nxt, end).casefold() in _OPENER_WORDS
    if key in _WEAK_END:
        return opener
    if "." in token.strip("."):
        # dotted abbreviations (U.S., a.m., т.д.) end a sentence only before an opener
        return opener
    return True


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans inside ``text[start:end]``, each stripped of whitespace.

    >>> t = 'U.S. Sen. J. R. Smith arrived at 5 p.m. on Jan. 3. He spoke. "Go," he said.'
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['U.S. Sen. J. R. Smith arrived at 5 p.m. on Jan. 3.', 'He spoke.', '"Go," he said.']
    """
    spans: list[Span] = []
    sent_start = start
    scanned = start  # the current sentence has no letter or digit before here...
    has_word = False  # ...unless this says so
    for m in _CANDIDATE.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if not has_word:
            has_word = _WORD_CHARS.search(text, scanned, m.start()) is not None
            scanned = m.start()
            if not has_word:
                continue  # "1." or "—" alone is not a sentence
        if _is_boundary(text, m, nxt, end):
            span = strip_span(text, sent_start, m.end())
            if span is not None:
                spans.append(span)
            sent_start = scanned = nxt
            has_word = False
    span = strip_span(text, sent_start, end)
    if span is not None:
        spans.append(span)
    return spans


def split_units(text: str, units: Iterable[Span]) -> list[Span]:
    """Sentences of every unit (paragraph or part of one), in text order."""
    out: list[Span] = []
    for s, e in sorted(units):
        out.extend(split_sentences(text, s, e))
    return out
