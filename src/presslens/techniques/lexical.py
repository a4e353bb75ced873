"""Lexical models beside the encoders: hashed-feature logistic regressions, numpy only.

Loaded language and name calling are lexical ("criminal regime", "so-called"), and a
6-layer encoder reading windows misses some of what word identity and document
statistics say. Two small linear models over hashed features are mixed with the
encoders' probabilities (mix weights tuned on ``tune``):

- a *token* model: "is this word inside a technique span?" per word, from the word,
  its affixes, its neighbours (+-2), bigrams, quotation state, sentence position and
  how often the word occurs in the article;
- a *span* model: "which of the 14 techniques?" per span, from the span's words and
  bigrams, its first and last word, three words of context on each side, its length,
  and how often it occurs in the article (Repetition).

Both read names masked exactly as the encoder does (:mod:`.masking`: a window's
``[MASK]`` piece becomes the token ``[mask]``; span text goes through
:func:`.features.normalise`), so swapping party names never changes a feature.
Features are hashed with CRC32 (stable across processes) into ``2**bits`` buckets.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.document import Span
from presslens.techniques.features import normalise
from presslens.techniques.windows import Window, word_starts

MASK_ID = 103
MASK_TOKEN = "[mask]"
TOKEN_BITS = 18
SPAN_BITS = 16
_QUOTES = frozenset('"“”«»')
_TOKEN = re.compile(r"\[mask\]|[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    token: str
    sentence: Span


def window_words(window: Window) -> list[tuple[int, int, bool]]:
    """``(start, end, is_mask)`` per word of ``window`` (the words :func:`decode` scores)."""
    out: list[tuple[int, int, bool]] = []
    current = -2
    for i, w in enumerate(window.words.tolist()):
        if w < 0:
            continue
        a, b = window.offsets[i]
        masked = int(window.ids[i]) == MASK_ID
        if w != current:
            out.append((a, b, masked))
            current = w
        else:
            s, _, m = out[-1]
            out[-1] = (s, b, m or masked)
    return out


def _token(text: str, start: int, end: int, masked: bool) -> str:
    return MASK_TOKEN if masked else text[start:end].lower()


def _bucket(value: float, edges: Sequence[float]) -> int:
    return sum(value >= e for e in edges)


def token_features(text: str, windows: Sequence[Window]) -> list[list[list[str]]]:
    """Feature strings per word, per window (same word order as :func:`window_words`)."""
    per_window = []
    for window in windows:
        words = window_words(window)
        sents = window.sentences or [window.span]
        rows = []
        for a, b, m in words:
            sent = next((s for s in sents if s[0] <= a < s[1]), sents[-1])
            rows.append(Word(a, b, _token(text, a, b, m), sent))
        per_window.append(rows)
    counts = Counter(w.token for rows in per_window for w in rows)
    # Quotation marks before each character: a word's quotation state in O(1).
    marks = np.concatenate([[0], np.cumsum([c in _QUOTES for c in text])])
    first_sentence = min((w.sentence for rows in per_window for w in rows), default=(0, 0))
    out: list[list[list[str]]] = []
    for rows in per_window:
        feats_w: list[list[str]] = []
        by_sentence: dict[Span, list[int]] = {}
        for k, w in enumerate(rows):
            by_sentence.setdefault(w.sentence, []).append(k)
        position: dict[int, tuple[int, list[int]]] = {}
        for members in by_sentence.values():
            for j, k in enumerate(members):
                position[k] = (j, members)
        for k, w in enumerate(rows):
            j, members = position[k]
            toks = [rows[i].token for i in members]
            n = len(toks)

            def at(d: int, toks: list[str] = toks, j: int = j, n: int = n) -> str:
                i = j + d
                return toks[i] if 0 <= i < n else ("<s>" if i < 0 else "</s>")

            t = w.token
            quoted = int(marks[w.start] - marks[w.sentence[0]]) % 2
            freq = counts[t]
            shape = (
                "mask"
                if t == MASK_TOKEN
                else "punct"
                if not t[:1].isalnum()
                else "digit"
                if t[:1].isdigit()
                else "cap"
                if text[w.start : w.start + 1].isupper()
                else "low"
            )
            rel = j / max(1, n - 1)
            f = [
                "bias",
                "w=" + t,
                "p3=" + t[:3],
                "s3=" + t[-3:],
                "s2=" + t[-2:],
                "w-1=" + at(-1),
                "w+1=" + at(1),
                "w-2=" + at(-2),
                "w+2=" + at(2),
                "b-=" + at(-1) + "|" + t,
                "b+=" + t + "|" + at(1),
                "t-=" + at(-2) + "|" + at(-1) + "|" + t,
                "t+=" + t + "|" + at(1) + "|" + at(2),
                "sh=" + shape,
                f"q={quoted}",
                f"qw={quoted}|{t}",
                f"pos={_bucket(rel, (0.2, 0.4, 0.6, 0.8))}",
                f"len={_bucket(n, (6, 12, 20, 30, 45))}",
                f"title={int(w.sentence == first_sentence)}",
                f"fq={_bucket(freq, (2, 3, 5, 9))}",
                f"fqw={_bucket(freq, (2, 3, 5))}|{t}",
                f"len|w={len(t) > 6}",
                f"excl={int('!' in toks)}",
                f"ques={int('?' in toks)}",
            ]
            feats_w.append(f)
        out.append(feats_w)
    return out


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def span_feature_strings(text: str, span: Span, sentence: Span | None, doc_norm: str) -> list[str]:
    """Feature strings of one span for the lexical technique model (names masked)."""
    sentence = sentence or (0, len(text))
    phrase = normalise(text[span[0] : span[1]])
    toks = _tokens(phrase) or ["<empty>"]
    left = _tokens(normalise(text[min(sentence[0], span[0]) : span[0]]))[-3:]
    right = _tokens(normalise(text[span[1] : max(sentence[1], span[1])]))[:3]
    occ = doc_norm.count(phrase) if phrase else 0
    whole = len(normalise(text[sentence[0] : sentence[1]])) or 1
    quoted = sum(c in _QUOTES for c in text[sentence[0] : span[0]]) % 2
    f = ["bias"]
    f += ["u=" + t for t in sorted(set(toks))]  # sorted: sums in a fixed order
    f += ["b=" + a + "|" + b for a, b in sorted(set(itertools.pairwise(toks)))]
    f += ["f=" + toks[0], "l=" + toks[-1]]
    f += ["L=" + t for t in left] + ["R=" + t for t in right]
    if left:
        f.append("L1=" + left[-1])
    if right:
        f.append("R1=" + right[0])
    f += [
        f"n={_bucket(len(toks), (2, 3, 5, 8, 13, 21, 34))}",
        f"occ={min(occ, 4)}",
        f"occn={min(occ, 4)}|{min(len(toks), 4)}",
        f"cov={_bucket(len(phrase) / whole, (0.25, 0.5, 0.75, 0.95))}",
        f"q={quoted}",
        f"excl={int('!' in phrase)}",
        f"ques={int('?' in phrase)}",
    ]
    if len(toks) <= 3:
        f.append("whole=" + " ".join(toks))
    return f


def hash_features(features: Sequence[str], bits: int) -> np.ndarray:
    mask = (1 << bits) - 1
    return np.array([zlib.crc32(f.encode("utf-8")) & mask for f in features], dtype=np.int64)


def _segments(rows: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    return np.concatenate(rows) if rows else np.zeros(0, np.int64), starts


def _row_sums(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.add.reduceat(values, starts, axis=0) if len(starts) else values[:0]


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


@dataclass
class LexicalModel:
    """Token weights ``(2**TOKEN_BITS,)`` and span weights ``(2**SPAN_BITS, 14)``."""

    token_w: np.ndarray
    span_w: np.ndarray | None = None

    @property
    def token_bits(self) -> int:
        return int(math.log2(len(self.token_w)))

    @property
    def span_bits(self) -> int:
        return int(math.log2(len(self.span_w))) if self.span_w is not None else SPAN_BITS

    def token_probabilities(self, text: str, windows: Sequence[Window]) -> list[np.ndarray]:
        """Per window, per wordpiece: the lexical probability of the piece's word."""
        out = []
        for window, feats in zip(windows, token_features(text, windows), strict=True):
            if feats:
                idx, starts = _segments([hash_features(f, self.token_bits) for f in feats])
                word_p = sigmoid(_row_sums(self.token_w[idx].astype(np.float32), starts))
            else:
                word_p = np.zeros(0, np.float32)
            piece = np.zeros(len(window.ids), dtype=np.float32)
            pieces, firsts = word_starts(window)
            if len(pieces):
                piece[pieces] = np.repeat(word_p, np.diff(np.r_[firsts, len(pieces)]))
            out.append(piece)
        return out

    def span_probabilities(
        self, text: str, spans: Sequence[Span], sentences: Sequence[Span | None], doc_norm: str
    ) -> np.ndarray:
        """``(len(spans), 14)`` lexical technique probabilities."""
        assert self.span_w is not None
        if not spans:
            return np.zeros((0, self.span_w.shape[1]), dtype=np.float32)
        rows = [
            hash_features(span_feature_strings(text, s, sent, doc_norm), self.span_bits)
            for s, sent in zip(spans, sentences, strict=True)
        ]
        idx, starts = _segments(rows)
        logits = _row_sums(self.span_w[idx].astype(np.float32), starts)
        e = np.exp(logits - logits.max(-1, keepdims=True))
        return e / e.sum(-1, keepdims=True)

    def save(self, path: Path) -> None:
        arrays = {"token_w": self.token_w.astype(np.float16)}
        if self.span_w is not None:
            arrays["span_w"] = self.span_w.astype(np.float16)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> LexicalModel:
        data = np.load(path)
        span_w = data["span_w"].astype(np.float32) if "span_w" in data.files else None
        return cls(data["token_w"].astype(np.float32), span_w)
