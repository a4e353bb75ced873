"""Confidence intervals for corpus-level scores, by resampling articles.

A validation split of a few dozen articles moves by whole points when a handful of
articles change, so a score without its spread invites reading noise as progress.
SI, joint and micro-TC scores are all ratios of sums over articles
(:data:`presslens.eval.spans.Sums`), so resampling articles with replacement only adds
up rows: thousands of resamples take milliseconds. The same resampled article sets
serve every score, so their intervals are comparable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from presslens.eval.spans import Sums

RESAMPLES = 2000
SEED = 20201212
LEVEL = 0.95


def f1_of_rows(totals: np.ndarray) -> np.ndarray:
    """F1 per row of summed ``(p_sum, n_pred, r_sum, n_gold)``; 0 where undefined."""
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(totals[:, 1] > 0, totals[:, 0] / totals[:, 1], 0.0)
        r = np.where(totals[:, 3] > 0, totals[:, 2] / totals[:, 3], 0.0)
        f1 = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    return f1


def f1_intervals(
    scores: Mapping[str, Mapping[str, Sums]],
    articles: Sequence[str],
    resamples: int = RESAMPLES,
    seed: int = SEED,
    level: float = LEVEL,
) -> dict[str, tuple[float, float]]:
    """Percentile interval of each score's F1 over article resamples.

    ``scores`` maps a score name to its per-article sums; an article missing from one
    score contributes nothing to it (no spans predicted or expected there).

    >>> sums = {"si": {"a": (1.0, 1, 1.0, 1), "b": (0.0, 1, 0.0, 1)}}
    >>> low, high = f1_intervals(sums, ["a", "b"], resamples=500)["si"]
    >>> 0.0 <= low < 0.5 < high <= 1.0
    True
    """
    if not articles:
        return {name: (0.0, 0.0) for name in scores}
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(articles), size=(resamples, len(articles)))
    tail = (1 - level) / 2
    out = {}
    for name, per_article in scores.items():
        rows = np.array([per_article.get(a, (0.0, 0, 0.0, 0)) for a in articles], dtype=np.float64)
        f1 = f1_of_rows(rows[picks].sum(axis=1))
        low, high = np.quantile(f1, [tail, 1 - tail])
        out[name] = (round(float(low), 4), round(float(high), 4))
    return out
