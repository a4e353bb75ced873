"""The PTC corpus (SemEval-2020 Task 11, English news) and presslens's fixed split of it.

Only the train part has gold labels (the organisers' dev gold is withheld from us),
so presslens makes three disjoint sets of train *articles*: ``fit`` (trained on),
``tune`` (held out from training; decision thresholds and the checkpoint are chosen
on it) and ``val`` (never trained or tuned on; the numbers we report). The split is a
seeded shuffle of the sorted article ids, so anyone gets the same lists.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from presslens.corpora import DataMissingError, data_root

SPLIT_SEED = 20200911
VAL_FRACTION = 0.15
TUNE_FRACTION = 0.10
SPLITS = ("fit", "tune", "val", "train")


@dataclass(frozen=True)
class Gold:
    """One labelled span: ``technique`` on characters ``[start, end)``."""

    technique: str
    start: int
    end: int


@dataclass
class Article:
    id: str
    text: str
    spans: list[Gold] = field(default_factory=list)


def ptc_root(root: Path | None = None) -> Path:
    base = root or (data_root() / "ptc")
    if not (base / "train" / "articles").is_dir():
        raise DataMissingError(f"PTC train articles not found under {base}")
    return base


def technique_names(root: Path | None = None) -> list[str]:
    path = ptc_root(root) / "propaganda-techniques-names-semeval2020task11.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_tc_labels(path: Path) -> list[tuple[str, str, int, int]]:
    """Lines ``article_id<TAB>technique<TAB>start<TAB>end``."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        aid, tech, start, end = line.split("\t")[:4]
        rows.append((aid, tech, int(start), int(end)))
    return rows


def load_articles(root: Path | None = None, ids: Iterable[str] | None = None) -> list[Article]:
    """Train articles with their TC spans, sorted by id (all of them unless ``ids``)."""
    base = ptc_root(root) / "train"
    wanted = set(ids) if ids is not None else None
    articles: dict[str, Article] = {}
    for path in sorted((base / "articles").glob("article*.txt")):
        aid = path.stem.removeprefix("article")
        if wanted is None or aid in wanted:
            # newline="" keeps offsets exact: PTC offsets count characters as stored.
            with path.open(encoding="utf-8", newline="") as fh:
                articles[aid] = Article(aid, fh.read())
    for path in sorted((base / "labels" / "tc").glob("*.labels")):
        for aid, tech, start, end in read_tc_labels(path):
            if aid in articles:
                articles[aid].spans.append(Gold(tech, start, end))
    return [articles[k] for k in sorted(articles)]


def article_ids(root: Path | None = None) -> list[str]:
    base = ptc_root(root) / "train" / "articles"
    return sorted(p.stem.removeprefix("article") for p in base.glob("article*.txt"))


def split_ids(ids: Iterable[str], seed: int = SPLIT_SEED) -> dict[str, list[str]]:
    """``{"fit", "tune", "val", "train"}`` article-id lists (train = fit + tune).

    >>> parts = split_ids([str(i) for i in range(100)])
    >>> [len(parts[k]) for k in ("fit", "tune", "val")]
    [75, 10, 15]
    """
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    n_val = round(len(order) * VAL_FRACTION)
    n_tune = round(len(order) * TUNE_FRACTION)
    val = sorted(order[:n_val])
    tune = sorted(order[n_val : n_val + n_tune])
    fit = sorted(order[n_val + n_tune :])
    return {"fit": fit, "tune": tune, "val": val, "train": sorted(fit + tune)}


def load_split(name: str, root: Path | None = None) -> list[Article]:
    if name not in SPLITS:
        raise ValueError(f"unknown PTC split {name!r}; one of {', '.join(SPLITS)}")
    return load_articles(root, split_ids(article_ids(root))[name])
