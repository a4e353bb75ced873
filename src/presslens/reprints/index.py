"""The reprint index: MinHash-LSH band keys in the store, grouped incrementally.

Every stored passage has its LSH band keys in ``passage_bands`` (written with the
passage, see :mod:`presslens.reprints.bands`), so an update only reads the
passages not yet grouped (``group_id IS NULL``), looks their band keys up in the
index, and reads the signatures and groups of the candidates it finds: its cost
follows the new documents, not the archive. Two passages of different documents
are linked when they share a band and their estimated Jaccard similarity reaches
the threshold; a group is a connected component of links, named after its
smallest passage key, so groups come out the same whatever the order or the
number of updates (a full rebuild included).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from presslens.reprints.bands import band_key_matrix, band_rows
from presslens.reprints.passages import ReprintParams, fingerprint
from presslens.store import passages

if TYPE_CHECKING:
    from presslens.store.store import Store


@dataclass
class IndexSummary:
    indexed: int = 0  # passages already grouped before this update
    added: int = 0  # passages grouped by this update
    candidates: int = 0  # stored signatures read (of passages sharing a band with a new one)
    rebanded: int = 0  # passages whose band keys were recomputed (threshold, migration)
    refingerprinted: int = 0  # documents whose signatures were recomputed
    groups: int = 0  # reprint groups (passages of more than one document) holding a new passage


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


REPRINT_LOCK = "presslens.reprints"
"""Held while groups are updated: two writers (an ingest and a server on one
PostgreSQL) never merge groups at the same time."""


def refingerprint(store: Store, params: ReprintParams) -> int:
    """Recompute every document's passages with ``params`` (signatures made otherwise)."""
    ids = passages.analysed_ids(store)
    shape = store.band_shape(params)
    with store.db.transaction():
        passages.delete_all(store)
        for start in range(0, len(ids), 200):
            rows, bands = [], []
            for doc_id in ids[start : start + 200]:
                analysis = store.get_analysis(doc_id)
                if analysis is not None:
                    found = fingerprint(analysis, params)
                    rows.extend(
                        (doc_id, p.no, p.kind, p.start, p.end, p.signature, None) for p in found
                    )
                    bands.extend(band_rows(((doc_id, p.no, p.signature) for p in found), shape))
            passages.insert(store, rows)
            passages.insert_bands(store, bands)
    return len(ids)


def reband(store: Store, params: ReprintParams) -> int:
    """Recompute the band keys of every stored passage from its signature (a new
    threshold changes the bands; a store from before the index has none)."""
    shape = store.band_shape(params)
    done = 0
    with store.db.transaction():
        passages.delete_bands(store)
        batch: list[tuple[str, int, bytes]] = []
        for grouped in (True, False):
            for doc_id, no, signature, _ in passages.signatures(store, grouped=grouped):
                batch.append((doc_id, no, signature))
                if len(batch) >= 5000:
                    passages.insert_bands(store, list(band_rows(batch, shape)))
                    done += len(batch)
                    batch = []
        passages.insert_bands(store, list(band_rows(batch, shape)))
        done += len(batch)
    return done


def update_groups(store: Store, params: ReprintParams | None = None) -> IndexSummary:
    """Group the passages not yet grouped; returns what was done.

    ``params`` other than the store's re-fingerprint (shingles, permutations) or
    regroup (threshold) every passage; by default the store's parameters are kept.
    """
    from presslens.store.store import bands_key

    with store.db.exclusive(REPRINT_LOCK):
        summary = IndexSummary()
        current = store.reprint_params()
        params = params or current
        if params.key() != current.key():
            summary.refingerprinted = refingerprint(store, params)
            store.set_bands_made_with(params)
        elif params.threshold != current.threshold:
            passages.ungroup_all(store)  # regroup at the new threshold
        store.set_reprint_params(params)
        if store.bands_made_with() != bands_key(params):
            summary.rebanded = reband(store, params)
            store.set_bands_made_with(params)
        touched = _group_new(store, params, summary)
        # counted among the groups this update touched: a count over every group
        # would read the whole archive
        summary.groups = passages.count_reprint_groups(store, among=sorted(touched))
        return summary


def _group_new(store: Store, params: ReprintParams, summary: IndexSummary) -> set[str]:
    """Group the ungrouped passages, :data:`CHUNK` at a time, against the index;
    returns the ids of the groups they are in."""
    summary.indexed = passages.count_grouped(store)
    new = list(passages.signatures(store, grouped=False))
    shape = store.band_shape(params)
    touched: set[str] = set()
    for start in range(0, len(new), CHUNK):
        touched |= _group_chunk(store, params, shape, new[start : start + CHUNK], summary)
    summary.added = len(new)
    return touched


def _similar(
    left: np.ndarray, right: np.ndarray, index: list[tuple[int, int]], params: ReprintParams
) -> list[bool]:
    """Whether ``left[i]`` and ``right[j]`` reach the threshold, for each ``(i, j)``."""
    out: list[bool] = []
    for start in range(0, len(index), 100_000):
        part = index[start : start + 100_000]
        a = np.fromiter((i for i, _ in part), dtype=np.int64, count=len(part))
        b = np.fromiter((j for _, j in part), dtype=np.int64, count=len(part))
        out.extend(((left[a] == right[b]).mean(axis=1) >= params.threshold).tolist())
    return out


def _stored_groups(store: Store, others: set[str]) -> dict[str, str]:
    """The group of each stored passage in ``others`` that has one (signatures unread)."""
    wanted = sorted({k.split(":", 1)[0] for k in others})
    found = {}
    for doc_id, no, group in passages.groups_of(store, wanted):
        key = passage_key(doc_id, no)
        # an ungrouped passage of a later step links to this one when its turn comes
        if key in others and group is not None:
            found[key] = group
    return found


def _read_signatures(store: Store, wanted: set[str], into: dict[str, np.ndarray]) -> None:
    docs = sorted({k.split(":", 1)[0] for k in wanted})
    for doc_id, no, signature, _ in passages.passages_of(store, docs):
        key = passage_key(doc_id, no)
        if key in wanted:
            into[key] = np.frombuffer(signature, dtype=np.uint32)


CHUNK = 20_000
"""Ungrouped passages linked per step: a first build of a large archive stays in
memory bounds; a passage of a later step that shares a band with one of this step
finds the link itself (band sharing is symmetric), once this step is grouped."""


def _group_chunk(
    store: Store,
    params: ReprintParams,
    shape: tuple[int, int],
    rows: list[tuple[str, int, bytes, str | None]],
    summary: IndexSummary,
) -> set[str]:
    """Link ``rows`` (ungrouped passages) to the passages sharing a band with them;
    returns the groups ``rows`` are in."""
    keys = [passage_key(doc_id, no) for doc_id, no, _, _ in rows]
    docs = [doc_id for doc_id, _, _, _ in rows]
    position = {key: i for i, key in enumerate(keys)}
    values = np.stack([np.frombuffer(sig, dtype=np.uint32) for _, _, sig, _ in rows])
    matrix_keys = band_key_matrix(values, shape)
    b = matrix_keys.shape[1]
    owners = np.repeat(np.arange(len(rows)), b).tolist()
    # every stored passage of another document sharing a band with one of ``rows``
    # (``rows`` included: a pair of new passages is kept once)
    pairs: set[tuple[int, str]] = set()
    found_pairs = passages.band_pairs(store, matrix_keys.reshape(-1).tolist(), owners, docs)
    for i, doc_id, no in found_pairs:
        other = passage_key(doc_id, no)
        j = position.get(other)
        if j is None or i < j:
            pairs.add((i, other))
    uf = UnionFind()
    for key in keys:
        uf.add(key)
    # pairs of new passages: both signatures are in hand
    inner = [(i, position[other]) for i, other in pairs if other in position]
    for (i, j), linked in zip(inner, _similar(values, values, inner, params), strict=True):
        if linked:
            uf.union(keys[i], keys[j])
    # pairs with stored passages: a new passage joins a stored group if it is similar
    # to any of the group's candidates. The first candidate (in key order) of each
    # group and new passage is tried first, mostly the one needed; the others of the
    # pairs still unlinked are tried together after (two reads, whatever the copies)
    group_of = _stored_groups(store, {other for _, other in pairs if other not in position})
    tries: dict[tuple[int, str], list[str]] = {}
    for i, other in sorted(pairs):
        if other in group_of:
            tries.setdefault((i, group_of[other]), []).append(other)
    stored: dict[str, np.ndarray] = {}
    joined: set[str] = set()  # stored groups a new passage joined
    first = [(i, group, tried[0]) for (i, group), tried in tries.items()]
    rest = [(i, group, key) for (i, group), tried in tries.items() for key in tried[1:]]
    for todo in (first, rest):
        todo = [(i, group, key) for i, group, key in todo if (i, group) in tries]
        if not todo:
            continue
        _read_signatures(store, {key for _, _, key in todo if key not in stored}, stored)
        others = np.stack([stored[key] for _, _, key in todo])
        index = [(i, n) for n, (i, _, _) in enumerate(todo)]
        for (i, group, key), linked in zip(
            todo, _similar(values, others, index, params), strict=True
        ):
            if linked:
                uf.add(key, group)
                uf.union(keys[i], key)
                joined.add(group)
                tries.pop((i, group), None)
    summary.candidates += len(stored)

    moved = {group: uf.find(group) for group in joined if uf.find(group) != group}
    assignments = [
        (doc_id, no, uf.find(key)) for key, (doc_id, no, _, _) in zip(keys, rows, strict=True)
    ]
    with store.db.transaction():
        passages.rename_groups(store, moved)
        passages.assign_groups(store, assignments)
    return {group for _, _, group in assignments}
