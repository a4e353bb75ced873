"""The article split of PolNeAR train the learned attribution model is chosen on.

Why here and not in the training code: ``presslens eval quotes --split heldout``
scores the same held-out articles without importing ``presslens_training``. A
seeded 15% of each publisher's train articles is held out (read once per change,
never to choose); the rest (``fit``) is cut into k folds by article, publishers
dealt round-robin, for cross-validation.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from presslens.corpora.polnear import Article

SPLIT_SEED = 20261206
HELDOUT_FRACTION = 0.15


def publisher(article: Article) -> str:
    """The publisher of a PolNeAR article: its file name's first field."""
    return article.name.split("_", 1)[0]


def _by_publisher(articles: Sequence[Article], seed: int) -> dict[str, list[Article]]:
    groups: dict[str, list[Article]] = {}
    for a in sorted(articles, key=lambda a: a.name):
        groups.setdefault(publisher(a), []).append(a)
    rng = random.Random(seed)
    for group in groups.values():
        rng.shuffle(group)
    return dict(sorted(groups.items()))


def split(articles: Sequence[Article], part: str) -> list[Article]:
    """``fit`` or ``heldout`` articles of PolNeAR train, in name order."""
    if part not in ("fit", "heldout"):
        raise ValueError(f"unknown part {part!r}")
    out = []
    for group in _by_publisher(articles, SPLIT_SEED).values():
        n = round(len(group) * HELDOUT_FRACTION)
        out.extend(group[:n] if part == "heldout" else group[n:])
    return sorted(out, key=lambda a: a.name)


def folds(articles: Sequence[Article], k: int = 5) -> list[list[Article]]:
    """``k`` disjoint folds, each publisher dealt round-robin (seeded)."""
    out: list[list[Article]] = [[] for _ in range(k)]
    at = 0
    for group in _by_publisher(articles, SPLIT_SEED + 1).values():
        for a in group:
            out[at % k].append(a)
            at += 1
    return out
