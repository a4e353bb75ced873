"""The UNLP-2025 manipulation corpus (Ukrainian and Russian Telegram posts) and its split.

Read from ``<data>/manipulation/unlp2025/train.jsonl`` (CC BY-NC-SA 4.0; never copied
into the repository). Labels are post-level (ten techniques) and spans are character
ranges of manipulative passages without a technique each. presslens keeps a seeded,
language-stratified ``val`` part (15%) that is read once per change and never used to
choose anything; ``fit`` is the rest, over which knobs are chosen by 5-fold
cross-validation.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from presslens.corpora import DataMissingError, data_root
from presslens.vocabulary import UNLP2025_TECHNIQUES

SPLIT_SEED = 20250417
VAL_FRACTION = 0.15
SPLITS = ("fit", "val", "train")
TECHNIQUES = UNLP2025_TECHNIQUES
"""The ten labels, spelled as in the data (defined in :mod:`presslens.vocabulary`)."""


@dataclass
class Post:
    id: str
    text: str
    lang: str
    manipulative: bool = False
    techniques: tuple[str, ...] = ()
    spans: list[tuple[int, int]] = field(default_factory=list)


def corpus_dir(root: Path | None = None) -> Path:
    """The folder holding ``train.jsonl``; raises DataMissingError when absent."""
    base = root if root is not None else data_root(required=False)
    path = (base / "manipulation" / "unlp2025") if base is not None else None
    if path is None or not (path / "train.jsonl").is_file():
        raise DataMissingError(
            "UNLP-2025 data not found: set PRESSLENS_DATA to the folder holding "
            "manipulation/unlp2025/train.jsonl"
        )
    return path


def available(root: Path | None = None) -> bool:
    try:
        corpus_dir(root)
    except DataMissingError:
        return False
    return True


def read_posts(path: Path) -> list[Post]:
    """Posts of one jsonl file; spans are clipped to the text (a few run past its end)."""
    posts: list[Post] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["text"]
            spans = [
                (max(0, int(s)), min(len(text), int(e)))
                for s, e in row.get("spans") or ()
                if min(len(text), int(e)) > max(0, int(s))
            ]
            posts.append(
                Post(
                    id=str(row["id"]),
                    text=text,
                    lang=row.get("lang") or "uk",
                    manipulative=bool(row.get("manipulative")),
                    techniques=tuple(t for t in row.get("techniques") or () if t in TECHNIQUES),
                    spans=sorted(spans),
                )
            )
    return posts


def split_ids(posts: list[Post], seed: int = SPLIT_SEED) -> dict[str, set[str]]:
    """``fit`` and ``val`` ids: a seeded shuffle per language, ``VAL_FRACTION`` of each."""
    out: dict[str, set[str]] = {"fit": set(), "val": set()}
    for lang in sorted({p.lang for p in posts}):
        ids = sorted(p.id for p in posts if p.lang == lang)
        random.Random(f"{seed}-{lang}").shuffle(ids)
        cut = round(len(ids) * VAL_FRACTION)
        out["val"].update(ids[:cut])
        out["fit"].update(ids[cut:])
    return out


def load(split: str = "fit", root: Path | None = None) -> list[Post]:
    """Posts of ``split`` (``fit``, ``val`` or all of ``train``) in file order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")
    posts = read_posts(corpus_dir(root) / "train.jsonl")
    if split == "train":
        return posts
    keep = split_ids(posts)[split]
    return [p for p in posts if p.id in keep]


def folds(posts: list[Post], k: int = 5, seed: int = SPLIT_SEED) -> list[int]:
    """A fold number per post, stratified by language (by post, never splitting one)."""
    fold = [0] * len(posts)
    for lang in sorted({p.lang for p in posts}):
        members = [i for i, p in enumerate(posts) if p.lang == lang]
        random.Random(f"{seed}-folds-{lang}").shuffle(members)
        for rank, i in enumerate(members):
            fold[i] = rank % k
    return fold
