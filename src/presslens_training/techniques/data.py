"""Training examples from PTC articles: tagger windows and span-classifier windows.

Tagger: every article is cut into sentence windows (:mod:`..windows`); a wordpiece is
propaganda when it overlaps a gold span, and carries the techniques of the spans it
overlaps. Span classifier: one window per gold (span, technique), as at inference.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from presslens.corpora.ptc import Article
from presslens.techniques.features import normalise, sentence_of, span_features
from presslens.techniques.labels import INDEX
from presslens.techniques.windows import MAX_LEN, Window, line_sentences, pack, span_window
from presslens.techniques.windows import encode_sentences as _encode


@dataclass
class TagExample:
    ids: np.ndarray
    prop: np.ndarray  # (T,) 0/1 (gold) or a teacher's probability, specials 0 with valid 0
    tech: np.ndarray  # (T, 14) multi-hot (gold) or probabilities
    valid: np.ndarray  # (T,) bool: real wordpieces

    @property
    def positive(self) -> bool:
        """Holds a span: a gold one, or a word the teacher thinks more likely than not."""
        return bool((self.prop >= 0.5).any())


@dataclass
class SpanExample:
    ids: np.ndarray
    span_mask: np.ndarray
    feats: np.ndarray
    label: int


def piece_labels(window: Window, article: Article) -> tuple[np.ndarray, np.ndarray]:
    """Per wordpiece of ``window``: 1 inside a gold span of ``article``, and the
    multi-hot techniques of the gold spans it overlaps (specials: 0, no technique)."""
    n = len(window.ids)
    prop = np.zeros(n, dtype=np.float32)
    tech = np.zeros((n, len(INDEX)), dtype=np.float32)
    for i, (a, b) in enumerate(window.offsets):
        if a < 0:
            continue
        for g in article.spans:
            if g.start < b and a < g.end:
                prop[i] = 1.0
                tech[i, INDEX[g.technique]] = 1.0
    return prop, tech


def tag_examples(tokenizer, article: Article, max_len: int = MAX_LEN) -> list[TagExample]:
    windows = pack(_encode(tokenizer, article.text, line_sentences(article.text)), max_len)
    return [TagExample(w.ids, *piece_labels(w, article), w.words >= 0) for w in windows]


def span_examples(tokenizer, article: Article) -> list[SpanExample]:
    sentences = line_sentences(article.text)
    doc_norm = normalise(article.text)
    out = []
    for g in article.spans:
        span = (g.start, g.end)
        window, mask = span_window(tokenizer, article.text, sentences, span)
        feats = span_features(article.text, span, sentence_of(sentences, span), doc_norm)
        out.append(SpanExample(window.ids, mask, feats, INDEX[g.technique]))
    return out
