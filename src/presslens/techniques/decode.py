"""From per-wordpiece propaganda probabilities to character spans.

The probes' tagger fragmented its spans (2.3 predicted spans per gold span). The
levers here: decisions per *word* (mean probability of its pieces), joining runs
separated by at most ``gap`` words, dropping spans shorter than ``min_chars`` (counted
with names masked, so a name's length never decides), and trimming to PTC's boundary
rule. All three knobs are tuned on held-out train articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from presslens.document import Span
from presslens.techniques.labels import trim_span
from presslens.techniques.masking import mask_names
from presslens.techniques.windows import Window, word_starts


@dataclass(frozen=True)
class DecodeParams:
    threshold: float = 0.4
    gap: int = 1
    min_chars: int = 3
    peak: float = 0.0
    """A span's best word must reach ``peak`` (hysteresis: spans grow on ``threshold``)."""
    core: float = 0.0
    """If > 0, runs of words at or above ``core`` inside a span are spans of their own.

    PTC nests techniques (a loaded phrase inside an appeal to fear); the confident core
    of a long span is often the inner one. SI merges overlaps, so cores change only
    the joint (span + technique) result; ``core`` is tuned on it.
    """
    labelled: float = 0.0
    """If > 0, runs of words whose ``P(propaganda) * P(technique | propaganda)`` from the
    tagger's technique head reaches ``labelled`` are spans of that technique, beside the
    spans above: short labels ("criminal regime") nested in a long appeal get their own
    span and name even when the whole run is classified as something else. Tuned on the
    joint score, like ``core``.
    """


def word_scores(window: Window, probs: np.ndarray) -> list[tuple[int, int, float]]:
    """``(start, end, probability)`` per word of ``window``, in order.

    A word's probability is the mean over its wordpieces (summed in float64, in order).
    """
    pieces, firsts = word_starts(window)
    if not len(pieces):
        return []
    lasts = np.r_[firsts[1:], len(pieces)] - 1
    values = np.asarray(probs, dtype=np.float64)[pieces]
    means = np.add.reduceat(values, firsts) / np.diff(np.r_[firsts, len(pieces)])
    offsets = window.offsets
    return [
        (offsets[pieces[f]][0], offsets[pieces[last]][1], float(m))
        for f, last, m in zip(firsts.tolist(), lasts.tolist(), means.tolist(), strict=True)
    ]


def runs(probs: Sequence[float], threshold: float, gap: int) -> list[tuple[int, int]]:
    """Index ranges ``[first, last]`` of words above ``threshold``, bridging ``gap`` misses.

    >>> runs([0.9, 0.1, 0.8, 0.1, 0.1, 0.7], 0.5, 1)
    [(0, 2), (5, 5)]
    """
    out: list[tuple[int, int]] = []
    first = last = -1
    for k, prob in enumerate(probs):
        if prob < threshold:
            continue
        if first >= 0 and k - last - 1 <= gap:
            last = k
        else:
            if first >= 0:
                out.append((first, last))
            first = last = k
    if first >= 0:
        out.append((first, last))
    return out


def run_spans(
    text: str, words: list[tuple[int, int, float]], threshold: float, gap: int, min_chars: int
) -> list[tuple[Span, float, list[tuple[int, int, float]]]]:
    """Each run of ``words`` (see :func:`runs`) as a trimmed span long enough to keep,
    with its mean word score and its words."""
    out = []
    for first, last in runs([w[2] for w in words], threshold, gap):
        span = trim_span(text, (words[first][0], words[last][1]))
        if span and masked_length(text, span) >= min_chars:
            inside = words[first : last + 1]
            out.append((span, float(np.mean([w[2] for w in inside])), inside))
    return out


def decode(
    text: str, windows: Sequence[Window], probs: Sequence[np.ndarray], params: DecodeParams
) -> list[tuple[Span, float]]:
    """Spans (with mean word probability) where words pass ``params.threshold``."""
    return decode_words(
        text, [word_scores(w, p) for w, p in zip(windows, probs, strict=True)], params
    )


def decode_words(
    text: str, scored: Sequence[list[tuple[int, int, float]]], params: DecodeParams
) -> list[tuple[Span, float]]:
    """:func:`decode` from each window's :func:`word_scores`, which do not depend on the
    knobs: a knob search scores the words once and decodes them many times."""
    spans: list[tuple[Span, float]] = []
    for words in scored:
        for span, score, inside in run_spans(
            text, words, params.threshold, params.gap, params.min_chars
        ):
            if max(w[2] for w in inside) < params.peak:
                continue
            spans.append((span, score))
            if params.core > 0:
                cores = run_spans(text, inside, params.core, 0, params.min_chars)
                spans.extend((core, mean) for core, mean, _ in cores if core != span)
    return spans


def labelled_runs(
    text: str,
    windows: Sequence[Window],
    probs: Sequence[np.ndarray],
    techs: Sequence[np.ndarray],
    params: DecodeParams,
) -> list[tuple[Span, int, float]]:
    """``(span, technique index, mean score)`` for runs of one technique (see ``labelled``)."""
    out: list[tuple[Span, int, float]] = []
    if params.labelled <= 0:
        return out
    for window, p, tech in zip(windows, probs, techs, strict=True):
        joint = p[:, None] * tech  # (T, techniques)
        for k in np.flatnonzero(joint.max(0) >= params.labelled):
            words = word_scores(window, joint[:, k])
            for span, score, _ in run_spans(text, words, params.labelled, 0, params.min_chars):
                out.append((span, int(k), score))
    return out


def masked_length(text: str, span: Span) -> int:
    """Length of ``span`` with names masked: "in Kiev" and "in Moscow" are equally long.

    ``min_chars`` compares this, so a name's length never decides whether a span is kept.
    """
    return _masked_length(text[span[0] : span[1]])


@lru_cache(maxsize=65536)
def _masked_length(passage: str) -> int:
    return len(mask_names(passage).text)
