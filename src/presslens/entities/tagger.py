"""A linear-chain CRF name tagger read with numpy alone.

The model is trained with CRFsuite (``presslens train entities``) and exported
as plain arrays: the 32-bit CRC of each feature string the training kept, one
row of label weights per feature, and the label-to-label transition weights.
Tagging a sentence sums the rows of its words' features and runs Viterbi, so
inference needs neither CRFsuite nor torch, and the files stay small.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "entities-uk"


def feature_hash(feature: str) -> int:
    """The 32-bit CRC of a feature string: what the exported model is keyed by."""
    return zlib.crc32(feature.encode("utf-8"))


@dataclass(frozen=True)
class CrfModel:
    labels: tuple[str, ...]
    hashes: np.ndarray  # uint32, sorted
    weights: np.ndarray  # float32, (features, labels)
    transitions: np.ndarray  # float32, (labels, labels): from row to column
    language: str = "uk"

    @classmethod
    def load(cls, folder: Path) -> CrfModel:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        arrays = np.load(folder / "crf.npz")
        return cls(
            labels=tuple(config["labels"]),
            hashes=arrays["hashes"].astype(np.uint32),
            weights=arrays["weights"].astype(np.float32),
            transitions=arrays["transitions"].astype(np.float32),
            language=config.get("language", "uk"),
        )

    def save(self, folder: Path, extra: dict | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / "crf.npz",
            hashes=self.hashes.astype(np.uint32),
            weights=self.weights.astype(np.float16),
            transitions=self.transitions.astype(np.float32),
        )
        config = {"labels": list(self.labels), "language": self.language, **(extra or {})}
        (folder / "config.json").write_text(
            json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

    def emissions(self, features: list[list[str]]) -> np.ndarray:
        """Per word, the summed label weights of its known features."""
        scores = np.zeros((len(features), len(self.labels)), dtype=np.float32)
        if not len(self.hashes):
            return scores
        rows, cols = [], []
        for i, feats in enumerate(features):
            for f in feats:
                rows.append(i)
                cols.append(feature_hash(f))
        keys = np.asarray(cols, dtype=np.uint32)
        at = np.searchsorted(self.hashes, keys)
        at = np.minimum(at, len(self.hashes) - 1)
        known = self.hashes[at] == keys
        np.add.at(scores, np.asarray(rows)[known], self.weights[at[known]])
        return scores

    def tag(self, features: list[list[str]]) -> list[str]:
        """The best label sequence (Viterbi) for one sentence's features."""
        if not features:
            return []
        emit = self.emissions(features)
        n, k = emit.shape
        score = emit[0].copy()
        back = np.zeros((n, k), dtype=np.int32)
        for i in range(1, n):
            total = score[:, None] + self.transitions
            back[i] = total.argmax(axis=0)
            score = total.max(axis=0) + emit[i]
        best = [int(score.argmax())]
        for i in range(n - 1, 0, -1):
            best.append(int(back[i, best[-1]]))
        return [self.labels[j] for j in reversed(best)]


@lru_cache(maxsize=1)
def shipped() -> CrfModel | None:
    """The bundled Ukrainian model, or None when it is not there."""
    if not (MODEL_DIR / "crf.npz").exists():
        return None
    return CrfModel.load(MODEL_DIR)


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first word, last word + 1, type) of each B-/I- run; a stray I- starts a span.

    >>> bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG"])
    [(0, 2, 'PERS'), (3, 4, 'LOC'), (4, 5, 'ORG')]
    """
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, label in enumerate([*labels, "O"]):
        prefix, _, type_ = label.partition("-")
        if start is not None and (prefix != "I" or type_ != kind):
            out.append((start, i, kind or ""))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, type_
    return out
