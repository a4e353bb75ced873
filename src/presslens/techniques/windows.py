"""Sentence windows: the encoder reads whole sentences, at most ``max_len`` wordpieces.

Training and inference share this module so the model sees text cut the same way in
both. Each sentence is masked (:mod:`.masking`) and tokenised on its own; consecutive
sentences are packed into one window while they fit, and a sentence too long for a
window is split between words. Every wordpiece keeps the original character span it
came from and a document-wide word number (word-level decisions use it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from presslens.document import Span
from presslens.techniques.masking import mask_names

MAX_LEN = 128
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0

_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])|\n+")


def load_tokenizer(path: str | Path):  # -> tokenizers.Tokenizer
    """The MiniLM wordpiece tokenizer from ``tokenizer.json``, without padding/truncation."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


@dataclass
class Sentence:
    """One sentence's wordpieces: ids, original char spans and document-wide word numbers."""

    span: Span
    ids: list[int]
    offsets: list[Span]
    words: list[int]


@dataclass
class Window:
    """Encoder input: ``[CLS] pieces [SEP]`` with, per position, its char span and word."""

    ids: np.ndarray
    offsets: list[Span]  # (-1, -1) for [CLS] and [SEP]
    words: np.ndarray  # -1 for [CLS] and [SEP]
    sentences: list[Span] = field(default_factory=list)

    @property
    def span(self) -> Span:
        real = [o for o in self.offsets if o[0] >= 0]
        return (real[0][0], real[-1][1]) if real else (0, 0)


def word_starts(window: Window) -> tuple[np.ndarray, np.ndarray]:
    """``(pieces, firsts)``: the window's real wordpiece positions (no [CLS]/[SEP]/padding)
    and, into ``pieces``, where each word's first piece stands. Word-level decisions and
    the lexical model's per-word scores both group pieces this way."""
    pieces = np.flatnonzero(window.words >= 0)
    ids = window.words[pieces]
    firsts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(pieces) else pieces
    return pieces, firsts


def split_sentences(text: str) -> list[Span]:
    """Fallback sentence spans: lines, then sentence-final punctuation before a capital."""
    spans: list[Span] = []
    pos = 0
    for match in _SPLIT.finditer(text):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [s for s in spans if text[s[0] : s[1]].strip()]


def line_sentences(text: str) -> list[Span]:
    """PTC articles hold one sentence per line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def encode_sentences(tokenizer, text: str, sentences: Sequence[Span]) -> list[Sentence]:
    """Mask and tokenise each sentence; offsets come back in original characters."""
    out: list[Sentence] = []
    word_base = 0
    for start, end in sentences:
        masked = mask_names(text[start:end])
        enc = tokenizer.encode(masked.text, add_special_tokens=False)
        offsets: list[Span] = []
        words: list[int] = []
        ids: list[int] = []
        for tid, (a, b), w in zip(enc.ids, enc.offsets, enc.word_ids, strict=True):
            if b <= a:
                continue
            o0, o1 = masked.to_original(a, b)
            ids.append(tid)
            offsets.append((start + o0, start + o1))
            words.append(word_base + (w if w is not None else 0))
        if ids:
            word_base = max(words) + 1
            out.append(Sentence((start, end), ids, offsets, words))
    return out


def _chunks(sentence: Sentence, room: int) -> list[Sentence]:
    """Split a sentence longer than ``room`` pieces between words."""
    if len(sentence.ids) <= room:
        return [sentence]
    parts: list[Sentence] = []
    i = 0
    n = len(sentence.ids)
    while i < n:
        j = min(n, i + room)
        if j < n:  # back off to a word start
            k = j
            while k > i + 1 and sentence.words[k] == sentence.words[k - 1]:
                k -= 1
            j = k if k > i + 1 else j
        offs = sentence.offsets[i:j]
        parts.append(
            Sentence((offs[0][0], offs[-1][1]), sentence.ids[i:j], offs, sentence.words[i:j])
        )
        i = j
    return parts


def pack(sentences: Sequence[Sentence], max_len: int = MAX_LEN) -> list[Window]:
    """Pack consecutive sentences into windows of at most ``max_len`` pieces."""
    room = max_len - 2
    pieces = [c for s in sentences for c in _chunks(s, room)]
    windows: list[Window] = []
    current: list[Sentence] = []

    def flush() -> None:
        if not current:
            return
        ids = [CLS_ID] + [t for s in current for t in s.ids] + [SEP_ID]
        offs = [(-1, -1)] + [o for s in current for o in s.offsets] + [(-1, -1)]
        words = [-1] + [w for s in current for w in s.words] + [-1]
        windows.append(
            Window(
                np.array(ids, dtype=np.int64),
                offs,
                np.array(words, dtype=np.int64),
                [s.span for s in current],
            )
        )
        current.clear()

    used = 0
    for piece in pieces:
        if current and used + len(piece.ids) > room:
            flush()
            used = 0
        current.append(piece)
        used += len(piece.ids)
    flush()
    return windows


def span_window(
    tokenizer, text: str, sentences: Sequence[Span], span: Span, max_len: int = MAX_LEN
) -> tuple[Window, np.ndarray]:
    """The window the span classifier reads for ``span``, and the mask of the span's pieces.

    Context is the sentences the span touches (the one before and after if they fit),
    cut around the span when it is longer than a window.
    """
    touched = [i for i, s in enumerate(sentences) if s[0] < span[1] and span[0] < s[1]]
    if not touched:
        touched = [min(range(len(sentences)), key=lambda i: abs(sentences[i][0] - span[0]))]
    lo, hi = touched[0], touched[-1]
    chosen = list(sentences[lo : hi + 1])
    encoded = encode_sentences(tokenizer, text, chosen)
    ids = [t for s in encoded for t in s.ids]
    offs = [o for s in encoded for o in s.offsets]
    words = [w for s in encoded for w in s.words]
    room = max_len - 2
    for extra in (lo - 1, hi + 1):  # widen with a neighbour sentence when it fits
        if 0 <= extra < len(sentences):
            more = encode_sentences(tokenizer, text, [sentences[extra]])
            n = sum(len(s.ids) for s in more)
            if more and len(ids) + n <= room:
                m_ids = [t for s in more for t in s.ids]
                m_offs = [o for s in more for o in s.offsets]
                m_words = [w + 100_000 * (1 if extra > hi else -1) for s in more for w in s.words]
                if extra < lo:
                    ids, offs, words = m_ids + ids, m_offs + offs, m_words + words
                else:
                    ids, offs, words = ids + m_ids, offs + m_offs, words + m_words
    inside = [i for i, o in enumerate(offs) if o[0] < span[1] and span[0] < o[1]]
    if len(ids) > room:
        centre = (inside[0] + inside[-1]) // 2 if inside else 0
        first = max(0, min(len(ids) - room, centre - room // 2))
        keep = slice(first, first + room)
        ids, offs, words = ids[keep], offs[keep], words[keep]
    window = Window(
        np.array([CLS_ID, *ids, SEP_ID], dtype=np.int64),
        [(-1, -1), *offs, (-1, -1)],
        np.array([-1, *words, -1], dtype=np.int64),
        chosen,
    )
    mask = np.array([o[0] >= 0 and o[0] < span[1] and span[0] < o[1] for o in window.offsets])
    return window, mask
