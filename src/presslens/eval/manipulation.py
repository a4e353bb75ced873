"""UNLP-2025 scores: token F1 of manipulative passages and macro-F1 of post techniques.

The shared task's two metrics, computed the same way for the model and for the two
trivial baselines (every token manipulative; every label on every post):

- span identification: tokens are ``\\w+`` runs; a token is positive when it overlaps
  a span; F1 of the binary decision, micro over all tokens of all posts;
- technique classification: F1 of each of the ten labels over posts, averaged
  (macro); a label no post has and none is predicted for scores 0, as in
  scikit-learn's default.

Intervals are percentiles over post resamples (2,000, seeded), so they show how much
a few posts move a score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

TOKEN = re.compile(r"\w+")
RESAMPLES = 2000
SEED = 20250417


def token_flags(text: str, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """One flag per ``\\w+`` token: does it overlap one of ``spans``?"""
    covered = np.zeros(len(text) + 1, dtype=bool)
    for s, e in spans:
        covered[max(0, s) : max(0, min(len(text), e))] = True
    return np.array([covered[m.start() : m.end()].any() for m in TOKEN.finditer(text)], bool)


def token_counts(
    text: str, gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
) -> tuple[int, int, int]:
    """(true positives, predicted positives, gold positives) over one text's tokens."""
    g = token_flags(text, gold)
    p = token_flags(text, predicted)
    return int((g & p).sum()), int(p.sum()), int(g.sum())


def f1_of(tp: float, n_pred: float, n_gold: float) -> float:
    """F1 from counts; 0 when nothing is predicted or expected."""
    total = n_pred + n_gold
    return 2 * tp / total if total else 0.0


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """Mean over label columns of each label's F1 across rows (posts)."""
    if gold.shape[0] == 0:
        return 0.0
    tp = (gold & predicted).sum(axis=0)
    total = gold.sum(axis=0) + predicted.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        per = np.where(total > 0, 2 * tp / np.maximum(total, 1), 0.0)
    return float(per.mean())


def per_label_f1(gold: np.ndarray, predicted: np.ndarray) -> np.ndarray:
    tp = (gold & predicted).sum(axis=0)
    total = gold.sum(axis=0) + predicted.sum(axis=0)
    return np.where(total > 0, 2 * tp / np.maximum(total, 1), 0.0)


@dataclass
class Scores:
    """Scores of one system on one set of posts, with 95% post-bootstrap intervals."""

    token_f1: float
    macro_f1: float
    token_interval: tuple[float, float] = (0.0, 0.0)
    macro_interval: tuple[float, float] = (0.0, 0.0)
    per_label: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "token_f1": round(self.token_f1, 4),
            "token_f1_interval": [round(x, 4) for x in self.token_interval],
            "technique_macro_f1": round(self.macro_f1, 4),
            "technique_macro_f1_interval": [round(x, 4) for x in self.macro_interval],
            "per_label_f1": {k: round(v, 4) for k, v in self.per_label.items()},
        }


def score(
    counts: np.ndarray,
    gold_labels: np.ndarray,
    predicted_labels: np.ndarray,
    labels: Sequence[str],
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Scores:
    """Scores from per-post token counts ``(tp, n_pred, n_gold)`` and label matrices."""
    counts = np.asarray(counts, dtype=np.float64).reshape(-1, 3)
    total = counts.sum(axis=0)
    token = f1_of(*total)
    macro = macro_f1(gold_labels, predicted_labels)
    per = dict(
        zip(labels, (float(x) for x in per_label_f1(gold_labels, predicted_labels)), strict=True)
    )
    n = len(counts)
    if n == 0 or resamples <= 0:
        return Scores(token, macro, (token, token), (macro, macro), per)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, n, size=(resamples, n))
    sums = counts[picks].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        tokens = np.where(
            sums[:, 1] + sums[:, 2] > 0, 2 * sums[:, 0] / (sums[:, 1] + sums[:, 2]), 0
        )
    macros = np.array([macro_f1(gold_labels[p], predicted_labels[p]) for p in picks])
    t_lo, t_hi = np.quantile(tokens, [0.025, 0.975])
    m_lo, m_hi = np.quantile(macros, [0.025, 0.975])
    return Scores(token, macro, (float(t_lo), float(t_hi)), (float(m_lo), float(m_hi)), per)


@dataclass
class Report:
    """Model and baseline scores, overall and per language, on one split."""

    split: str
    posts: dict[str, int]
    systems: dict[str, dict[str, Scores]]
    """system name -> language ("all", "ru", "uk") -> scores."""
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "split": self.split,
            "posts": self.posts,
            "seconds": self.seconds,
            "systems": {
                name: {lang: s.to_dict() for lang, s in by_lang.items()}
                for name, by_lang in self.systems.items()
            },
        }


def evaluate(model, posts, split: str = "val", resamples: int = RESAMPLES) -> Report:
    """Score ``model`` (a :class:`presslens.manipulation.predictor.ManipulationModel`) on
    ``posts`` beside the trivial baselines, overall and per language."""
    import time

    labels = model.labels
    started = time.perf_counter()
    rows = []
    for post in posts:
        reading = model.read(post.text, post.lang)
        predicted = [span for span, _ in reading.spans]
        present = {name for name, _ in reading.techniques}
        rows.append(
            (
                post.lang,
                token_counts(post.text, post.spans, predicted),
                token_counts(post.text, post.spans, [(0, len(post.text))]),
                [t in post.techniques for t in labels],
                [t in present for t in labels],
            )
        )
    seconds = round(time.perf_counter() - started, 2)
    systems: dict[str, dict[str, Scores]] = {"model": {}, "baseline": {}}
    counts: dict[str, int] = {}
    for lang in ("all", "ru", "uk"):
        mine = [r for r in rows if lang == "all" or r[0] == lang]
        counts[lang] = len(mine)
        gold = np.array([r[3] for r in mine], dtype=bool).reshape(-1, len(labels))
        systems["model"][lang] = score(
            np.array([r[1] for r in mine]),
            gold,
            np.array([r[4] for r in mine], dtype=bool).reshape(-1, len(labels)),
            labels,
            resamples,
        )
        systems["baseline"][lang] = score(
            np.array([r[2] for r in mine]), gold, np.ones_like(gold), labels, resamples
        )
    return Report(split, counts, systems, seconds)
