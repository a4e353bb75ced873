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

from presslens.attribution.cues import (
    CUE_NOUNS,
    INTENT_VERBS,
    SPEECH_VERBS,
    THOUGHT_VERBS,
    mended,
    words,
)
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


# Speech verbs the rules took up after the CRF of models/quotes-en was trained (session
# 11, issue 19). The model's features stay those it was trained with: until it is
# retrained, these verbs are no "speech" cue class of the CRF (the rules read them).
SPEECH_VERBS_AFTER_TRAINING = words(
    "tout decry mock remind portray list deem reference outline congratulate attribute request"
    # session 12
    " bemoan chide revile rebuke lambast assail rebut recite voice repudiate articulate"
    " hail liken preach trumpet exhort heckle scold laud extol deride lampoon castigate"
    " excoriate credit order"
)
# Thought verbs likewise (session 12): no "thought" cue class of the CRF until retrained.
THOUGHT_VERBS_AFTER_TRAINING = words("envision foresee contemplate")


@lru_cache(maxsize=65536)
def _cue_class(low: str, pos: str, lem: str, prev: str) -> str | None:
    if low == "according" or (low == "to" and prev == "according"):
        return "according"
    if pos in ("VERB", "AUX"):
        base = mended(lem, low)
        if base in SPEECH_VERBS and base not in SPEECH_VERBS_AFTER_TRAINING:
            return "speech"
        if base in THOUGHT_VERBS and base not in THOUGHT_VERBS_AFTER_TRAINING:
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


# The run-time path: one table of a parsed text's token strings, read once, and the
# "flat" features from it as the CRF's weight rows: the same rows the strings of
# :func:`sentence_features` (which training uses) give for the same tokens
# (tests/test_quotes_learned.py checks it). spaCy's Token objects, made anew on each
# access, and new feature strings cost more than the model itself.

_STRINGS: tuple[dict[int, str], ...] = ({}, {}, {}, {})  # spaCy hash or id -> string, per column


def _strings(sdoc: Any, column: int, keys: list[int], attr: Any) -> list[str]:
    """The strings of one column's keys, remembered across texts (``attr``: from a token)."""
    memo = _STRINGS[column]
    if len(memo) > 200_000:
        memo.clear()
    out = list(map(memo.get, keys))
    if None in out:
        for i, (key, value) in enumerate(zip(keys, out, strict=True)):
            if value is None:
                out[i] = memo[key] = attr(sdoc[i])
    return out  # type: ignore[return-value]


class TokenTable:
    """Per token of a parsed text: text, lowercase, lemma (lowercased), coarse part of
    speech, character offset, whether a space, and the cue class (:func:`cue_class`)."""

    __slots__ = ("cue", "gate", "idx", "lemma", "lower", "mark", "pos", "space", "text")

    def __init__(self, sdoc: Any):
        from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, ORTH, POS

        cols = sdoc.to_array([ORTH, LOWER, LEMMA, POS, IDX, IS_SPACE]).T.tolist()
        if not len(sdoc):
            cols = [[] for _ in range(6)]
        self.text = _strings(sdoc, 0, cols[0], lambda t: t.text)
        self.lower = lower = _strings(sdoc, 1, cols[1], lambda t: t.lower_)
        self.lemma = _strings(sdoc, 2, cols[2], lambda t: t.lemma_.lower())
        self.pos = _strings(sdoc, 3, cols[3], lambda t: t.pos_)
        self.idx = cols[4]
        self.space = cols[5]
        prev = ["", *lower[:-1]]
        self.cue = cue = list(map(_cue_class, lower, self.pos, self.lemma, prev))
        self.mark = mark = list(map(is_mark, self.text))
        # What makes a sentence a candidate whatever the learned cue lemmas.
        self.gate = [
            m or t == ":" or t in DASHES or c is not None
            for m, t, c in zip(mark, self.text, cue, strict=True)
        ]

    def is_candidate(self, ids: Sequence[int], extra: frozenset[str] = frozenset()) -> bool:
        """:func:`is_candidate` of the tokens ``ids``."""
        gate, pos, lemma = self.gate, self.pos, self.lemma
        return any(gate[i] for i in ids) or any(
            pos[i] in OPEN_CLASSES and lemma[i] in extra for i in ids
        )


_NO_ROWS: dict[str, int] = {}


class FlatColumns:
    """:func:`sentence_features` (``keep="flat"``) read straight into a CRF's weight rows
    (``column``: a feature string's row, as the CRF's emissions look it up), in order: the
    rows a word brings are remembered per word, lemma, shape and part of speech, so a
    token costs a few dictionary reads instead of twenty-odd new strings."""

    def __init__(self, column: Any):
        self.column = column
        c = column
        self.words: dict[str, tuple[int, int, int, int, int]] = {}
        self.poses: dict[str, tuple[int, int, int]] = {}
        self.lemmas: dict[str, int] = {}
        self.shapes: dict[str, int] = {}
        self.pairs: dict[str, dict[str, int]] = {}
        self.sq: dict[str, int] = {}
        self.cues: dict[str, int] = {}
        sides = ("before", "at", "after")
        self.colon = tuple(c("colon=" + side) for side in sides)
        self.fcue = tuple(c("fcue=" + side) for side in sides)
        self.rp = tuple(c("rp=" + str(k)) for k in range(5))
        self.near: dict[str, dict[int, int]] = {"L": {}, "R": {}, "C": {}}
        self.near_pos: dict[str, dict[str, int]] = {"L": {}, "R": {}, "C": {}}
        self.const = (c("b"), c("q=0"), c("q=1"), c("first"), c("last"), c("mark"), c("paren"))
        self.name_lemma = c("l=" + NAME)
        self.name_shape = c("s=" + NAME)

    def _word(self, w: str) -> tuple[int, int, int, int, int]:
        c = self.column
        got = self.words[w] = (
            c("w=" + w),
            c("w-1=" + w),
            c("w+1=" + w),
            c("w-2=" + w),
            c("w+2=" + w),
        )
        return got

    def _pos(self, p: str) -> tuple[int, int, int]:
        c = self.column
        got = self.poses[p] = (c("p=" + p), c("p-1=" + p), c("p+1=" + p))
        return got

    def _forget(self) -> None:
        for memo in (self.words, self.poses, self.lemmas, self.shapes, self.pairs, self.sq):
            memo.clear()
        for memo in (*self.near.values(), *self.near_pos.values()):
            memo.clear()

    def sentence(
        self,
        table: TokenTable,
        ids: Sequence[int],
        quoted: Sequence[Span],
        flat: list[int],
        counts: list[int],
    ) -> None:
        """Append the rows of each token of ``ids`` to ``flat`` and their number to ``counts``."""
        from bisect import bisect_left

        if len(self.words) > 100_000 or len(self.lemmas) > 100_000 or len(self.shapes) > 100_000:
            self._forget()
        column = self.column
        wget, pget = self.words.get, self.poses.get
        lemmas, shapes, pairs = self.lemmas, self.shapes, self.pairs
        n = len(ids)
        if not n:
            return
        tcue, ttext, tlower, tpos, tlemma = (
            table.cue,
            table.text,
            table.lower,
            table.pos,
            table.lemma,
        )
        tidx = table.idx
        texts = [ttext[i] for i in ids]
        cls = [tcue[i] for i in ids]
        colon = next((k for k, t in enumerate(texts) if t == ":" or t in DASHES), None)
        names = [
            c is None and t[:1].isupper() and tlower[i] not in FUNCTION_WORDS and not t.isdigit()
            for i, t, c in zip(ids, texts, cls, strict=True)
        ]
        low = [NAME if nm else tlower[i] for i, nm in zip(ids, names, strict=True)]
        pos = [NAME if nm else tpos[i] for i, nm in zip(ids, names, strict=True)]
        words = [wget(w) or self._word(w) for w in ("<s>", "</s>", *low)]
        start_w, end_w = words[0], words[1]
        words = [start_w, start_w, *words[2:], end_w, end_w]
        padded_pos = ["<s>", *pos, "</s>"]
        poses = [pget(p) or self._pos(p) for p in padded_pos]
        cue_at = [k for k, c in enumerate(cls) if c is not None]
        first_cue = cue_at[0] if cue_at else None
        tmark = table.mark
        marks = [tmark[i] for i in ids]
        sq = "sq=" + str(int(any(marks))) + "|" + str(len(cue_at) > 0)
        sq_col = self.sq.get(sq)
        if sq_col is None:
            sq_col = self.sq[sq] = column(sq)
        idx = [tidx[i] for i in ids]
        inq = [False] * n
        first, last = idx[0], idx[-1]
        for s, e in quoted:
            if s <= last and e > first:  # a quotation that reaches into this sentence
                for k in range(bisect_left(idx, s), bisect_left(idx, e)):
                    inq[k] = True
        start = ids[0]
        b_col, q0, q1, first_col, last_col, mark_col, paren_col = self.const
        colon_cols, fcue_cols, rp_cols = self.colon, self.fcue, self.rp
        near_cols, near_pos_cols, cue_cols = self.near, self.near_pos, self.cues
        name_lemma, name_shape = self.name_lemma, self.name_shape
        # The fourteen rows every token has, column by column.
        lemma_rows = [
            name_lemma if nm else lemmas.get(tlemma[i]) for i, nm in zip(ids, names, strict=True)
        ]
        shape_rows = [
            name_shape if nm else shapes.get(t) for t, nm in zip(texts, names, strict=True)
        ]
        pair_rows = [pairs.get(a, _NO_ROWS).get(b) for a, b in zip(padded_pos, pos, strict=False)]
        if None in lemma_rows or None in shape_rows or None in pair_rows:
            for k, i in enumerate(ids):
                if lemma_rows[k] is None:
                    lemma = tlemma[i]
                    lemma_rows[k] = lemmas[lemma] = column("l=" + lemma)
                if shape_rows[k] is None:
                    text = texts[k]
                    shape_rows[k] = shapes[text] = column("s=" + _shape(text))
                if pair_rows[k] is None:
                    a, b = padded_pos[k], pos[k]
                    pair_rows[k] = pairs.setdefault(a, {})[b] = column("pp=" + a + "|" + b)
        fixed = zip(  # noqa: B905 (fourteen lists of n)
            [b_col] * n,
            [w[0] for w in words[2 : n + 2]],
            lemma_rows,
            shape_rows,
            [p[0] for p in poses[1 : n + 1]],
            [q1 if x else q0 for x in inq],
            [w[1] for w in words[1 : n + 1]],
            [w[2] for w in words[3 : n + 3]],
            [p[1] for p in poses[:n]],
            [p[2] for p in poses[2 : n + 2]],
            pair_rows,
            [w[3] for w in words[:n]],
            [w[4] for w in words[4 : n + 4]],
            [rp_cols[5 * k // n] for k in range(n)],
        )
        append, extend, add = counts.append, flat.extend, flat.append
        for k, row in enumerate(fixed):
            extend(row)
            size = len(flat)
            if k == 0:
                add(first_col)
            if k == n - 1:
                add(last_col)
            if marks[k]:
                add(mark_col)
            if colon is not None:
                add(colon_cols[0 if k < colon else 1 if k == colon else 2])
            c = cls[k]
            if c is not None:
                got = cue_cols.get(c)
                if got is None:
                    got = cue_cols[c] = column("cue=" + c)
                add(got)
            if first_cue is not None:
                add(fcue_cols[0 if k < first_cue else 1 if k == first_cue else 2])
            add(sq_col)
            if cue_at:
                j = bisect_left(cue_at, k)
                if j == len(cue_at) or (j > 0 and k - cue_at[j - 1] <= cue_at[j] - k):
                    near = cue_at[j - 1]
                else:
                    near = cue_at[j]
                side = "L" if k < near else "R" if k > near else "C"
                memo = near_cols[side]
                got = memo.get(near - k)
                if got is None:
                    got = memo[near - k] = column("nc=" + side + "|" + _bucket(abs(near - k)))
                add(got)
                memo = near_pos_cols[side]
                pk = pos[k]
                got = memo.get(pk)
                if got is None:
                    got = memo[pk] = column("nc=" + side + "|" + pk)
                add(got)
            i = ids[k]
            if i > 0 and start < i and ttext[i - 1] == "(":
                add(paren_col)
            append(14 + len(flat) - size)
