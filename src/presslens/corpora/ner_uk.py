"""NER-UK 2.0 (lang-uk): Ukrainian news and fiction with gold name spans.

The shared copy holds the DEV part of lang-uk's split (391 documents, brat
standoff; see ``shared/data/entities/ner-uk/SOURCE.md``; CC BY-NC-SA 4.0, never
copied into the repository). presslens splits it once more, *by document*: a
seeded, per-subcorpus 20% is ``heldout`` (read once, for the reported numbers),
the rest is ``train``, on which every knob is chosen by k-fold cross-validation
(folds are also per-subcorpus, so news and fiction are spread evenly).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from presslens.corpora import DataMissingError, data_root

SPLIT_SEED = 20251205
HELDOUT_FRACTION = 0.2
# Gold types presslens reads: the three entity types and JOB (titles).
TYPES = {"PERS": "PERSON", "ORG": "ORG", "LOC": "PLACE", "JOB": "JOB"}
_ANN = re.compile(r"^T\d+\t(\S+)[ \t](\d+(?:[ \t]\d+;\d+)*[ \t]\d+)\t", re.MULTILINE)


@dataclass(frozen=True)
class GoldSpan:
    """One gold span: ``type`` (PERSON, ORG, PLACE or JOB) on characters [start, end)."""

    type: str
    start: int
    end: int


@dataclass
class NerDocument:
    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)

    @property
    def subcorpus(self) -> str:
        return self.id.split("_", 1)[0]


def ner_uk_root(root: Path | None = None) -> Path:
    if root is None:
        base = data_root(required=False)
        root = base / "entities" / "ner-uk" if base is not None else None
    if root is None or not (root / "dev").is_dir():
        raise DataMissingError(f"NER-UK documents not found under {root}")
    return root


def _spans(ann: str) -> list[GoldSpan]:
    out = []
    for match in _ANN.finditer(ann):
        type_ = TYPES.get(match.group(1))
        if type_ is None:
            continue
        numbers = [int(n) for n in re.split(r"[ \t;]", match.group(2))]
        out.append(GoldSpan(type_, numbers[0], numbers[-1]))  # fragments: their hull
    return sorted(out, key=lambda s: (s.start, s.end))


def load_documents(root: Path | None = None) -> list[NerDocument]:
    """Every document of the shared DEV part, sorted by id."""
    folder = ner_uk_root(root) / "dev"
    docs = []
    for txt in sorted(folder.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        spans = _spans(ann.read_text(encoding="utf-8")) if ann.exists() else []
        docs.append(NerDocument(txt.stem, txt.read_text(encoding="utf-8"), spans))
    return docs


def _shuffled_by_subcorpus(docs: list[NerDocument], seed: int) -> dict[str, list[NerDocument]]:
    groups: dict[str, list[NerDocument]] = {}
    for doc in sorted(docs, key=lambda d: d.id):
        groups.setdefault(doc.subcorpus, []).append(doc)
    rng = random.Random(seed)
    for name in sorted(groups):
        rng.shuffle(groups[name])
    return groups


def split(docs: list[NerDocument], part: str) -> list[NerDocument]:
    """``train`` or ``heldout``: a seeded 20% of each subcorpus is held out."""
    if part not in ("train", "heldout"):
        raise ValueError(f"unknown part {part!r}")
    out = []
    for group in _shuffled_by_subcorpus(docs, SPLIT_SEED).values():
        n_held = round(len(group) * HELDOUT_FRACTION)
        out.extend(group[:n_held] if part == "heldout" else group[n_held:])
    return sorted(out, key=lambda d: d.id)


def folds(docs: list[NerDocument], k: int = 5, seed: int = SPLIT_SEED) -> list[list[NerDocument]]:
    """``k`` disjoint folds of ``docs``, each subcorpus dealt round-robin."""
    out: list[list[NerDocument]] = [[] for _ in range(k)]
    at = 0
    for group in _shuffled_by_subcorpus(docs, seed + 1).values():
        for doc in group:
            out[at % k].append(doc)
            at += 1
    return out
