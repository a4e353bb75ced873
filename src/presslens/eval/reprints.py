"""Scoring reprint detection on a planted corpus (:mod:`presslens.corpora.planted`).

- pair precision / recall: document pairs sharing a reprint group, against the
  pairs of each planted group (original and copies, copies among themselves);
- first-publisher accuracy: share of planted groups where every detected group
  holding two of its documents names the original as first publisher;
- corrupt items: share of planted corrupt items recorded as errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from presslens.corpora.planted import PlantedCorpus, build
from presslens.reprints.groups import all_groups
from presslens.reprints.index import update_groups
from presslens.reprints.passages import DEFAULT_PARAMS, ReprintParams
from presslens.store.passages import document_pairs


@dataclass
class ReprintScore:
    params: ReprintParams
    precision: float
    recall: float
    first_publisher: float
    corrupt_recorded: float
    gold_pairs: int
    found_pairs: int
    groups: int
    missed: list[tuple[str, str]] = field(default_factory=list)
    wrong_first: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {
            "shingle": self.params.shingle,
            "num_perm": self.params.num_perm,
            "threshold": self.params.threshold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "first_publisher": round(self.first_publisher, 4),
            "corrupt_recorded": round(self.corrupt_recorded, 4),
            "gold_pairs": self.gold_pairs,
            "found_pairs": self.found_pairs,
            "groups": self.groups,
        }


def _doc_ids(store: Any) -> dict[str, str | None]:
    return {r["source_id"]: r["doc_id"] for r in store.sources()}


def score(store: Any, corpus: PlantedCorpus, params: ReprintParams) -> ReprintScore:
    """Score the store's current reprint groups against the planted labels."""
    ids = _doc_ids(store)
    gold: set[tuple[str, str]] = set()
    for group in corpus.groups:
        members = sorted({d for d in (ids.get(s) for s in (group.original, *group.copies)) if d})
        gold.update(combinations(members, 2))
    found = document_pairs(store)
    hit = gold & found
    precision = len(hit) / len(found) if found else 1.0
    recall = len(hit) / len(gold) if gold else 1.0

    groups = all_groups(store)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in groups:
        for m in g["members"]:
            by_doc.setdefault(m["doc_id"], []).append(g)
    right, wrong_first = 0, []
    for group in corpus.groups:
        original = ids.get(group.original)
        members = {ids.get(s) for s in (group.original, *group.copies)} - {None}
        relevant = [
            g
            for d in members
            for g in by_doc.get(d, ())
            if len({m["doc_id"] for m in g["members"]} & members) >= 2
        ]
        if relevant and all(g["first_publisher"]["doc_id"] == original for g in relevant):
            right += 1
        else:
            wrong_first.append(group.original)
    statuses = {r["source_id"]: r["status"] for r in store.sources()}
    recorded = sum(1 for s in corpus.corrupt if statuses.get(s) == "error")
    return ReprintScore(
        params,
        precision,
        recall,
        right / len(corpus.groups) if corpus.groups else 1.0,
        recorded / len(corpus.corrupt) if corpus.corrupt else 1.0,
        len(gold),
        len(found),
        len(groups),
        missed=sorted(gold - found)[:20],
        wrong_first=wrong_first[:20],
    )


def ingest_planted(
    store: Any,
    corpus: PlantedCorpus,
    *,
    stages: list[str] | None = None,
    workers: int = 1,
    engine: str = "local",
) -> Any:
    """Ingest the planted corpus into ``store`` (cheap stages by default)."""
    from presslens import stages as stage_registry
    from presslens.engine.runner import run_ingest
    from presslens.settings import get_settings

    if stages is None:
        stages = ["anatomy"] if stage_registry.is_available("anatomy") else []
    return run_ingest(
        corpus.sources, store, get_settings(), engine=engine, workers=workers, stages=stages
    )


def evaluate(
    store: Any, corpus: PlantedCorpus, grid: list[ReprintParams] | None = None
) -> list[ReprintScore]:
    """Group with each parameter set in ``grid`` (default: the shipped one) and score."""
    results = []
    for params in grid or [DEFAULT_PARAMS]:
        update_groups(store, params)
        results.append(score(store, corpus, params))
    return results


def default_grid() -> list[ReprintParams]:
    return [
        ReprintParams(shingle=k, num_perm=p, threshold=t)
        for k in (2, 3, 4, 5)
        for p in (64, 128)
        for t in (0.45, 0.5, 0.6, 0.7)
    ]


def planted_corpus(root: Path, *, groups: int, singles: int, seed: int) -> PlantedCorpus:
    if (root / "labels.json").is_file():
        return PlantedCorpus.load(root)
    return build(root, groups=groups, singles=singles, seed=seed)
