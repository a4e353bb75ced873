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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "entities-uk"
_INDEX_MAX = 500_000  # feature strings remembered per model before the memo starts over


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
    # Feature string -> weight row (-1: not kept), filled as sentences are tagged.
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _arrays: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

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
        if not len(self.hashes) or not features:
            return np.zeros((len(features), len(self.labels)), dtype=np.float32)
        get = self._index.get
        flat = [f for feats in features for f in feats]
        cols = [get(f, -2) for f in flat]
        if -2 in cols:
            cols = [c if c != -2 else self._lookup(f) for f, c in zip(flat, cols, strict=True)]
        return self._summed(cols, [len(f) for f in features])

    def column(self, feature: str) -> int:
        """The weight row of one feature string (-1: not kept), as :meth:`emissions` reads it."""
        row = self._index.get(feature, -2)
        return self._lookup(feature) if row == -2 else row

    def _summed(self, cols: list[int], sizes: list[int]) -> np.ndarray:
        """Per word, the sum of its ``sizes[j]`` rows in ``cols`` (one word after another)."""
        # Row -1 of the padded weights is zeros: a feature the model dropped adds nothing.
        rows = self._padded().take(np.fromiter(cols, np.int64, len(cols)), axis=0)
        counts = np.fromiter(sizes, np.int64, len(sizes))
        if counts.min() > 0:
            starts = np.concatenate(([0], np.cumsum(counts[:-1])))
            return np.add.reduceat(rows, starts, axis=0)
        scores = np.zeros((len(sizes), len(self.labels)), dtype=np.float32)
        np.add.at(scores, np.repeat(np.arange(len(sizes)), counts), rows)
        return scores

    def _padded(self) -> np.ndarray:
        """The weights with one row of zeros after them (made once)."""
        padded = self._arrays.get("padded")
        if padded is None:
            zero = np.zeros((1, len(self.labels)), dtype=np.float32)
            padded = np.concatenate([self.weights.astype(np.float32), zero])
            self._arrays["padded"] = padded
        return padded

    def _lookup(self, feature: str) -> int:
        """The weight row of ``feature`` (-1 when the model dropped it), remembered: the
        same feature strings recur in every sentence."""
        index = self._index
        if len(index) >= _INDEX_MAX:
            index.clear()
        key = feature_hash(feature)
        at = int(np.searchsorted(self.hashes, key))
        row = at if at < len(self.hashes) and int(self.hashes[at]) == key else -1
        index[feature] = row
        return row

    def tag_many(self, sentences: list[list[list[str]]]) -> list[list[str]]:
        """:meth:`tag` of several sentences at once: one emissions call and one Viterbi
        over the sentences side by side (a numpy step per position, not per word)."""
        lengths = [len(f) for f in sentences]
        if not sentences or not max(lengths):
            return [[] for _ in sentences]
        return self._viterbi_many(
            self.emissions([feats for f in sentences for feats in f]), lengths
        )

    def tag_columns(
        self, rows: list[int], counts: list[int], lengths: list[int]
    ) -> list[list[str]]:
        """:meth:`tag_many` of sentences given as weight rows (:meth:`column`): ``rows``
        of every word one after the other, ``counts`` rows per word, ``lengths`` words
        per sentence."""
        if not lengths or not max(lengths):
            return [[] for _ in lengths]
        if not len(self.hashes):
            return self._viterbi_many(
                np.zeros((len(counts), len(self.labels)), np.float32), lengths
            )
        return self._viterbi_many(self._summed(rows, counts), lengths)

    def _viterbi_many(self, emit: np.ndarray, lengths: list[int]) -> list[list[str]]:
        # Longest first, so the sentences still running at a position are the first rows;
        # position-major, so each step reads and writes one contiguous block.
        order = sorted(range(len(lengths)), key=lambda j: -lengths[j])
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).tolist()
        b, n, k = len(lengths), lengths[order[0]], len(self.labels)
        grid = np.zeros((n, b, k), dtype=np.float32)
        for row, j in enumerate(order):
            grid[: lengths[j], row] = emit[starts[j] : starts[j] + lengths[j]]
        running = np.searchsorted(-np.asarray([lengths[j] for j in order]), -np.arange(n), "left")
        score = grid[0].copy()
        back = np.zeros((n, b, k), dtype=np.int32)
        transitions = self.transitions[None]
        for i, m in enumerate(running.tolist()[1:], start=1):  # m: sentences longer than i
            total = score[:m, :, None] + transitions
            back[i, :m] = total.argmax(axis=1)
            score[:m] = total.max(axis=1) + grid[i, :m]
        ends = score.argmax(axis=1).tolist()
        trail = back.tolist()
        out: list[list[str]] = [[] for _ in lengths]
        for row, j in enumerate(order):
            length = lengths[j]
            if not length:
                continue
            best = [ends[row]]
            for i in range(length - 1, 0, -1):
                best.append(trail[i][row][best[-1]])
            out[j] = [self.labels[x] for x in reversed(best)]
        return out

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
