"""The reprint index: MinHash-LSH over stored passage signatures, grouped incrementally.

Signatures live in the store (``passages.signature``), so the LSH index is rebuilt
from them without touching any text, and an update only queries the passages not
yet grouped (``group_id IS NULL``): new documents join existing groups, nothing
else is recomputed. Two passages of different documents are linked when LSH makes
them candidates and their estimated Jaccard similarity reaches the threshold; a
group is a connected component of links, named after its smallest passage key, so
groups come out the same whatever the order or the number of updates.

The index is in memory (about 1 KB per passage); for corpora beyond memory pass a
datasketch ``storage_config`` (Redis) through :func:`update_groups`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from presslens.reprints.passages import ReprintParams, fingerprint, minhash
from presslens.store import passages

if TYPE_CHECKING:
    from presslens.store.store import Store


@dataclass
class IndexSummary:
    indexed: int = 0  # passages already grouped, loaded into the index
    added: int = 0  # passages grouped by this update
    refingerprinted: int = 0  # documents whose signatures were recomputed
    groups: int = 0  # groups with passages of more than one document


class UnionFind:
    """Union-find whose root is always the smallest key (order-independent names)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, key: str, root: str | None = None) -> None:
        self.parent.setdefault(key, root or key)
        if root and root not in self.parent:
            self.parent[root] = root

    def find(self, key: str) -> str:
        path = []
        while self.parent[key] != key:
            path.append(key)
            key = self.parent[key]
        for k in path:
            self.parent[k] = key
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def passage_key(doc_id: str, no: int) -> str:
    return f"{doc_id}:{no}"


def refingerprint(store: Store, params: ReprintParams) -> int:
    """Recompute every document's passages with ``params`` (signatures made otherwise)."""
    ids = passages.analysed_ids(store)
    with store.db.transaction():
        passages.delete_all(store)
        for start in range(0, len(ids), 200):
            rows = []
            for doc_id in ids[start : start + 200]:
                analysis = store.get_analysis(doc_id)
                if analysis is not None:
                    rows.extend(
                        (doc_id, p.no, p.kind, p.start, p.end, p.signature, None)
                        for p in fingerprint(analysis, params)
                    )
            passages.insert(store, rows)
    return len(ids)


def update_groups(
    store: Store,
    params: ReprintParams | None = None,
    *,
    storage_config: dict[str, Any] | None = None,
) -> IndexSummary:
    """Group the passages not yet grouped; returns what was done.

    ``params`` other than the store's re-fingerprint (shingles, permutations) or
    regroup (threshold) every passage; by default the store's parameters are kept.
    """
    from datasketch import MinHashLSH

    summary = IndexSummary()
    current = store.reprint_params()
    params = params or current
    if params.key() != current.key():
        summary.refingerprinted = refingerprint(store, params)
    elif params.threshold != current.threshold:
        passages.ungroup_all(store)  # regroup at the new threshold
    store.set_reprint_params(params)

    lsh = MinHashLSH(
        threshold=params.threshold, num_perm=params.num_perm, storage_config=storage_config
    )
    sigs: dict[str, np.ndarray] = {}
    uf = UnionFind()
    old_root: dict[str, str] = {}
    with lsh.insertion_session(buffer_size=10_000) as session:
        for doc_id, no, signature, group in passages.signatures(store, grouped=True):
            key = passage_key(doc_id, no)
            sigs[key] = np.frombuffer(signature, dtype=np.uint32)
            uf.add(key, group)
            old_root[key] = group or key
            session.insert(key, minhash(signature), check_duplication=False)
            summary.indexed += 1

    new_keys: list[tuple[str, str, int]] = []
    for doc_id, no, signature, _ in passages.signatures(store, grouped=False):
        key = passage_key(doc_id, no)
        values = np.frombuffer(signature, dtype=np.uint32)
        mh = minhash(signature)
        uf.add(key)
        for other in lsh.query(mh):
            if other.split(":", 1)[0] == doc_id:
                continue  # a passage repeated within one document is a repetition
            if float(np.mean(sigs[other] == values)) >= params.threshold:
                uf.union(key, other)
        lsh.insert(key, mh, check_duplication=False)
        sigs[key] = values
        new_keys.append((key, doc_id, no))
    summary.added = len(new_keys)

    moved = {}
    for key, root in old_root.items():
        if uf.find(key) != root:
            moved[root] = uf.find(key)
    assignments = [(doc_id, no, uf.find(key)) for key, doc_id, no in new_keys]
    with store.db.transaction():
        passages.rename_groups(store, moved)
        passages.assign_groups(store, assignments)
    summary.groups = passages.count_reprint_groups(store)
    return summary
