"""Token features for the learned English attribution tagger (a CRF over spaCy's parse).

Why these: an attribution is a reporting word, its subject and its complement, so
beside the word itself (form, lemma, shape, part of speech) each token says how
the parse ties it to the nearest reporting word above it (``nsubj`` of a cue,
inside its ``ccomp``), whether it sits inside quotation marks, and where a colon
or a dash splits its sentence. Cue words come from :mod:`presslens.attribution.cues`,
which names no party.

Names are one placeholder (:func:`is_name`): word, lemma, shape, part of speech and tag
of every capitalised word that is neither an English function word nor a cue word, by
the orthographic rule of the techniques model (:mod:`presslens.techniques.masking`), not
by spaCy's entity types or tags, which differ between "Trump" and "Clinton" (PERSON in
one sentence, ORG in the next; PROPN or NOUN). Entity types are no feature at all.
Swapping who speaks then changes no feature of the name itself; what is left is
spaCy's parse of the words around it.

The tagger only reads *candidate* sentences (:func:`is_candidate`): those with a
cue word, a quotation mark, a colon or a dash. Elsewhere no attribution can be, and
skipping them keeps the English pipeline fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from presslens.attribution.cues import CUE_NOUNS, INTENT_VERBS, SPEECH_VERBS, THOUGHT_VERBS, mended
from presslens.attribution.marks import DOUBLE_MARKS
from presslens.document import Span
from presslens.techniques.masking import FUNCTION_WORDS

DASHES = frozenset("—–―")
OPEN_CLASSES = frozenset({"VERB", "NOUN", "ADJ"})
NAME = "<name>"
_MAX_UP = 8  # ancestors walked to find the reporting word above a token


def cue_class(tok: Any) -> str | None:
    """Which cue list proposes ``tok`` ("speech", "thought", "intent", "noun", "according")."""
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return _cue_class(tok.lower_, tok.pos_, tok.lemma_.lower(), prev)


@lru_cache(maxsize=65536)
def _cue_class(low: str, pos: str, lem: str, prev: str) -> str | None:
    if low == "according" or (low == "to" and prev == "according"):
        return "according"
    if pos in ("VERB", "AUX"):
        base = mended(lem, low)
        if base in SPEECH_VERBS:
            return "speech"
        if base in THOUGHT_VERBS:
            return "thought"
        if base in INTENT_VERBS:
            return "intent"
    elif pos == "NOUN" and lem in CUE_NOUNS:
        return "noun"
    return None


def is_candidate(sent: Any, extra: frozenset[str] = frozenset()) -> bool:
    """Whether an attribution can be in ``sent``: a cue word, a quotation mark, ':' or a dash.

    ``extra`` adds cue lemmas learned from the training data ("seem", "refer"): words
    of the open classes that PolNeAR annotators often took for cues.
    """
    return any(is_mark(t.text) or t.text == ":" or t.text in DASHES for t in sent) or any(
        cue_class(t) is not None or (t.pos_ in OPEN_CLASSES and t.lemma_.lower() in extra)
        for t in sent
    )


def is_mark(text: str) -> bool:
    """A quotation mark token (a lone ``'`` or ``’`` too, not the apostrophe inside "Trump's")."""
    return not DOUBLE_MARKS.isdisjoint(text) or text in ("'", "‘", "’")


def is_name(tok: Any) -> bool:
    """A capitalised word that is no English function word and no cue ("Trump", "GOP",
    "Democratic"; not "The", "I", "Asked"): orthography alone, the same for every party."""
    return _capitalised(tok) and cue_class(tok) is None


def _capitalised(tok: Any) -> bool:
    text = tok.text
    return text[:1].isupper() and tok.lower_ not in FUNCTION_WORDS and not text.isdigit()


def _word(tok: Any, name: bool) -> str:
    """The lowercased word, or one placeholder for every name: who speaks must not
    change how an attribution is read."""
    return NAME if name else tok.lower_


@lru_cache(maxsize=65536)
def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if text.isalpha():
        if text.isupper():
            return "X" if len(text) > 1 else "X1"
        if text[0].isupper():
            return "Xx"
        return "x"
    if all(not ch.isalnum() for ch in text):
        return "p"
    return "m"


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


def _cue_above(tok: Any, cues: dict[int, str]) -> tuple[str, str, int] | None:
    """(cue class, dependency of the path's first step under the cue, steps) or None."""
    child = tok
    node = tok.head
    steps = 1
    while node.i != child.i and steps <= _MAX_UP:
        if node.i in cues:
            return cues[node.i], child.dep_, steps
        child, node = node, node.head
        steps += 1
    return None


def sentence_features(
    sent: Sequence[Any], quoted: Sequence[Span], keep: str = "all"
) -> list[list[str]]:
    """The feature strings of each token of ``sent`` (spaCy tokens, no spaces).

    ``quoted`` are the interiors of quotations (:func:`presslens.attribution.marks.find_quotes`);
    ``keep`` names the feature set: "all"; "nopath" without the parse-path features;
    "wide" with the sentence's marks and cues and the nearest cue's side and distance;
    "flat" as "wide" without spaCy's dependencies and fine tags (they move with the names
    around them; the words, the marks and the coarse parts of speech move less).
    """
    n = len(sent)
    cues = {t.i: c for t in sent if (c := cue_class(t)) is not None}
    colon = next((k for k, t in enumerate(sent) if t.text == ":" or t.text in DASHES), None)
    names = [_capitalised(t) and t.i not in cues for t in sent]
    name_at = {t.i: nm for t, nm in zip(sent, names, strict=True)}
    low = [_word(t, nm) for t, nm in zip(sent, names, strict=True)]
    pos = [NAME if nm else t.pos_ for t, nm in zip(sent, names, strict=True)]
    cue_at = [k for k, t in enumerate(sent) if t.i in cues]
    first_cue = cue_at[0] if cue_at else None
    wide = keep in ("wide", "flat")
    parse = keep != "flat"
    marks = [is_mark(t.text) for t in sent]
    has_mark = wide and any(marks)
    if n:  # the quotations that reach into this sentence
        first, last = sent[0].idx, sent[-1].idx
        quoted = [(s, e) for s, e in quoted if s <= last and e > first]
    out: list[list[str]] = []
    for k, tok in enumerate(sent):
        text = tok.text
        inq = bool(quoted) and any(s <= tok.idx < e for s, e in quoted)
        f = [
            "b",
            "w=" + low[k],
            "l=" + (NAME if names[k] else tok.lemma_.lower()),
            "s=" + (NAME if names[k] else _shape(text)),
            "p=" + pos[k],
            "q=" + ("1" if inq else "0"),
            "w-1=" + (low[k - 1] if k else "<s>"),
            "w+1=" + (low[k + 1] if k + 1 < n else "</s>"),
            "p-1=" + (pos[k - 1] if k else "<s>"),
            "p+1=" + (pos[k + 1] if k + 1 < n else "</s>"),
            "pp=" + (pos[k - 1] if k else "<s>") + "|" + pos[k],
            "w-2=" + (low[k - 2] if k > 1 else "<s>"),
            "w+2=" + (low[k + 2] if k + 2 < n else "</s>"),
            "rp=" + str(min(4, 5 * k // max(n, 1))),
        ]
        if parse:
            head_name = name_at.get(tok.head.i)
            if head_name is None:
                head_name = is_name(tok.head)
            f += [
                "t=" + (NAME if names[k] else tok.tag_),
                "d=" + tok.dep_,
                "hl=" + (NAME if head_name else tok.head.lemma_.lower()),
                "hp=" + (NAME if head_name else tok.head.pos_),
                "dd=" + tok.dep_ + "|" + tok.head.dep_,
            ]
        if k == 0:
            f.append("first")
        if k == n - 1:
            f.append("last")
        if marks[k]:
            f.append("mark")
        if colon is not None:
            f.append("colon=" + ("before" if k < colon else "at" if k == colon else "after"))
        if tok.i in cues:
            f.append("cue=" + cues[tok.i])
        if tok.i in cues and parse:
            f.append("cue=" + cues[tok.i] + "|" + tok.dep_)
            kids = {c.dep_ for c in tok.children}
            f.extend("cuek=" + d for d in kids & {"ccomp", "xcomp", "nsubj", "dobj", "prep"})
        if first_cue is not None:
            side = "before" if k < first_cue else "at" if k == first_cue else "after"
            f.append("fcue=" + side)
        if keep not in ("nopath", "flat"):
            above = _cue_above(tok, cues)
            if above is not None:
                cls, dep, steps = above
                f.append("up=" + dep)
                f.append("up=" + cls + "|" + dep)
                f.append("up=" + dep + "|" + _bucket(steps))
                f.append("upq=" + dep + "|" + ("1" if inq else "0"))
            else:
                f.append("up=none")
        if wide:
            # The sentence around: marks or cues in it, and the nearest cue's side and distance.
            f.append("sq=" + str(int(has_mark)) + "|" + str(len(cue_at) > 0))
            if cue_at:
                near = min(cue_at, key=lambda c: abs(c - k))
                side = "L" if k < near else "R" if k > near else "C"
                f.append("nc=" + side + "|" + _bucket(abs(near - k)))
                f.append("nc=" + side + "|" + pos[k])
            if tok.i > 0 and sent[0].i < tok.i and tok.nbor(-1).text == "(":
                f.append("paren")
        out.append(f)
    return out
