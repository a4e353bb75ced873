"""Token features for the learned English attribution tagger (a CRF over spaCy's parse).

Why these: an attribution is a reporting word, its subject and its complement, so
beside the word itself (form, lemma, shape, part of speech) each token says how
the parse ties it to the nearest reporting word above it (``nsubj`` of a cue,
inside its ``ccomp``), whether it sits inside quotation marks, and where a colon
or a dash splits its sentence. Cue words come from :mod:`presslens.attribution.cues`,
which names no party, so swapping who speaks changes no feature but the words.

The tagger only reads *candidate* sentences (:func:`is_candidate`): those with a
cue word, a quotation mark, a colon or a dash. Elsewhere no attribution can be, and
skipping them keeps the English pipeline fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from presslens.attribution.cues import CUE_NOUNS, INTENT_VERBS, SPEECH_VERBS, THOUGHT_VERBS, lemma
from presslens.attribution.marks import DOUBLE_MARKS
from presslens.document import Span

DASHES = frozenset("—–―")
OPEN_CLASSES = frozenset({"VERB", "NOUN", "ADJ"})
NAME = "<name>"
NAME_TYPES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_MAX_UP = 8  # ancestors walked to find the reporting word above a token


def cue_class(tok: Any) -> str | None:
    """Which cue list proposes ``tok`` ("speech", "thought", "intent", "noun", "according")."""
    low = tok.lower_
    if low == "according" or (low == "to" and tok.i > 0 and tok.nbor(-1).lower_ == "according"):
        return "according"
    if tok.pos_ in ("VERB", "AUX"):
        base = lemma(tok)
        if base in SPEECH_VERBS:
            return "speech"
        if base in THOUGHT_VERBS:
            return "thought"
        if base in INTENT_VERBS:
            return "intent"
    elif tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_NOUNS:
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
    return any(ch in DOUBLE_MARKS for ch in text) or text in ("'", "‘", "’")


def _is_name(tok: Any) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in NAME_TYPES


def _word(tok: Any) -> str:
    """The lowercased word, or one placeholder for every name: who speaks must not
    change how an attribution is read (party swaps keep every feature but the name)."""
    return NAME if _is_name(tok) else tok.lower_


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
    "wide" with the sentence's marks and cues and the nearest cue's side and distance.
    """
    n = len(sent)
    cues = {t.i: c for t in sent if (c := cue_class(t)) is not None}
    colon = next((k for k, t in enumerate(sent) if t.text == ":" or t.text in DASHES), None)
    low = [_word(t) for t in sent]
    pos = [t.pos_ for t in sent]
    cue_at = [k for k, t in enumerate(sent) if t.i in cues]
    first_cue = cue_at[0] if cue_at else None
    has_mark = keep == "wide" and any(is_mark(t.text) for t in sent)
    out: list[list[str]] = []
    for k, tok in enumerate(sent):
        text = tok.text
        inq = any(s <= tok.idx < e for s, e in quoted)
        f = [
            "b",
            "w=" + low[k],
            "l=" + (low[k] if low[k] == NAME else tok.lemma_.lower()),
            "s=" + _shape(text),
            "p=" + pos[k],
            "t=" + tok.tag_,
            "d=" + tok.dep_,
            "hl=" + (NAME if _is_name(tok.head) else tok.head.lemma_.lower()),
            "hp=" + tok.head.pos_,
            "dd=" + tok.dep_ + "|" + tok.head.dep_,
            "q=" + ("1" if inq else "0"),
            "e=" + (tok.ent_type_ or "-"),
            "w-1=" + (low[k - 1] if k else "<s>"),
            "w+1=" + (low[k + 1] if k + 1 < n else "</s>"),
            "p-1=" + (pos[k - 1] if k else "<s>"),
            "p+1=" + (pos[k + 1] if k + 1 < n else "</s>"),
            "pp=" + (pos[k - 1] if k else "<s>") + "|" + pos[k],
            "w-2=" + (low[k - 2] if k > 1 else "<s>"),
            "w+2=" + (low[k + 2] if k + 2 < n else "</s>"),
            "rp=" + str(min(4, 5 * k // max(n, 1))),
        ]
        if k == 0:
            f.append("first")
        if k == n - 1:
            f.append("last")
        if is_mark(text):
            f.append("mark")
        if colon is not None:
            f.append("colon=" + ("before" if k < colon else "at" if k == colon else "after"))
        if tok.i in cues:
            f.append("cue=" + cues[tok.i])
            f.append("cue=" + cues[tok.i] + "|" + tok.dep_)
            kids = {c.dep_ for c in tok.children}
            f.extend("cuek=" + d for d in kids & {"ccomp", "xcomp", "nsubj", "dobj", "prep"})
        if first_cue is not None:
            side = "before" if k < first_cue else "at" if k == first_cue else "after"
            f.append("fcue=" + side)
        if keep != "nopath":
            above = _cue_above(tok, cues)
            if above is not None:
                cls, dep, steps = above
                f.append("up=" + dep)
                f.append("up=" + cls + "|" + dep)
                f.append("up=" + dep + "|" + _bucket(steps))
                f.append("upq=" + dep + "|" + ("1" if inq else "0"))
            else:
                f.append("up=none")
        if keep == "wide":
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
