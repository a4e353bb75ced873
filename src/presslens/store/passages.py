"""The store's SQL about reprint passages and their groups.

Why here: the tables are the store's (``passages``, ``documents``, ``analyses``,
``sources``), so every statement that reads or writes them lives in ``store/``;
:mod:`presslens.reprints.index` (LSH grouping) and :mod:`presslens.reprints.groups`
(first publisher, diffs) work on the rows these functions give and return.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presslens.store.store import Store

PASSAGE_COLUMNS = (
    "doc_id",
    "passage_no",
    "kind",
    "span_start",
    "span_end",
    "signature",
    "group_id",
)
BAND_COLUMNS = (
    ("band", "SMALLINT"),
    ("band_key", "BIGINT"),
    ("doc_id", "TEXT"),
    ("passage_no", "INTEGER"),
)
_PAGE = 5000
_LIST_CHUNK = 1000  # document ids per lookup
_BAND_CHUNK = 50_000  # band keys per lookup or insert
_MEMBER_CHUNK = 300
_MULTI = (
    "SELECT group_id FROM passages WHERE group_id IS NOT NULL GROUP BY group_id "
    "HAVING COUNT(DISTINCT doc_id) > 1"
)
"""Groups with passages of more than one document: the reprint groups."""


def signatures(store: Store, *, grouped: bool) -> Iterator[tuple[str, int, bytes, str | None]]:
    """``(doc_id, passage_no, signature, group_id)`` of the grouped or ungrouped
    passages, in ingest order, streamed."""
    where = "p.group_id IS NOT NULL" if grouped else "p.group_id IS NULL"
    rows = store.db.stream(
        "SELECT p.doc_id, p.passage_no, p.signature, p.group_id FROM passages p "
        f"JOIN documents d ON d.id = p.doc_id WHERE {where} ORDER BY d.seq, p.passage_no",
        size=_PAGE,
    )
    for r in rows:
        yield r[0], int(r[1]), bytes(r[2]), r[3]


def _rows_of(store: Store, doc_ids: Sequence[str], columns: str) -> Iterator[tuple]:
    """``columns`` of every passage of ``doc_ids``, looked up by the primary key's prefix
    in chunks of ``_LIST_CHUNK`` ids."""
    for start in range(0, len(doc_ids), _LIST_CHUNK):
        chunk = list(doc_ids[start : start + _LIST_CHUNK])
        yield from store.db.execute(
            f"SELECT {columns} FROM passages WHERE {store.db.any_of('doc_id', 'TEXT')}",
            [chunk],
        )


def passages_of(
    store: Store, doc_ids: Sequence[str]
) -> Iterator[tuple[str, int, bytes, str | None]]:
    """``(doc_id, passage_no, signature, group_id)`` of every passage of ``doc_ids``
    (the primary key's prefix: an index lookup)."""
    for r in _rows_of(store, doc_ids, "doc_id, passage_no, signature, group_id"):
        yield r[0], int(r[1]), bytes(r[2]), r[3]


def groups_of(store: Store, doc_ids: Sequence[str]) -> Iterator[tuple[str, int, str | None]]:
    """``(doc_id, passage_no, group_id)`` of every passage of ``doc_ids``, signatures
    left unread."""
    for r in _rows_of(store, doc_ids, "doc_id, passage_no, group_id"):
        yield r[0], int(r[1]), r[2]


def insert_bands(store: Store, rows: Sequence[tuple[int, int, str, int]]) -> None:
    """Insert reprint index rows ``(band, band_key, doc_id, passage_no)``."""
    for start in range(0, len(rows), _BAND_CHUNK):
        chunk = rows[start : start + _BAND_CHUNK]
        store.db.insert_columns(
            "passage_bands", BAND_COLUMNS, [list(column) for column in zip(*chunk, strict=True)]
        )


def delete_bands(store: Store) -> None:
    store.db.execute("DELETE FROM passage_bands")


def band_pairs(
    store: Store, keys: Sequence[int], owners: Sequence[int], docs: Sequence[str]
) -> list[tuple[int, str, int]]:
    """``(owner, doc_id, passage_no)``: the stored passages of other documents sharing
    a band key with a new passage (``keys[k]`` belongs to new passage ``owners[k]``,
    of document ``docs[owners[k]]``), each pair once however many bands it shares.

    PostgreSQL looks each key up in the ``passage_bands_key`` btree; DuckDB joins
    the keys against one scan of the ``band_key`` column (see migration 3).
    """
    if not keys:
        return []
    store.db.execute(
        "CREATE TEMPORARY TABLE IF NOT EXISTS passage_bands_new (band_key BIGINT, owner INTEGER)"
    )
    store.db.execute("DELETE FROM passage_bands_new")
    for start in range(0, len(keys), _BAND_CHUNK):
        end = start + _BAND_CHUNK
        store.db.insert_columns(
            "passage_bands_new",
            (("band_key", "BIGINT"), ("owner", "INTEGER")),
            [list(keys[start:end]), list(owners[start:end])],
        )
    rows = store.db.execute(
        "SELECT DISTINCT n.owner, b.doc_id, b.passage_no FROM passage_bands_new n "
        "JOIN passage_bands b ON b.band_key = n.band_key"
    )
    store.db.execute("DELETE FROM passage_bands_new")
    # the passage itself and its document's other passages come back too: dropped here,
    # sending a document id with every key costs more than these few rows
    return [(int(o), d, int(n)) for o, d, n in rows if d != docs[int(o)]]


def count_grouped(store: Store) -> int:
    """Passages already grouped (in the index before an update)."""
    return int(store.db.execute("SELECT COUNT(*) FROM passages WHERE group_id IS NOT NULL")[0][0])


def analysed_ids(store: Store) -> list[str]:
    """Ids of every document with a stored analysis, sorted."""
    return [r[0] for r in store.db.execute("SELECT doc_id FROM analyses ORDER BY doc_id")]


def delete_all(store: Store) -> None:
    store.db.execute("DELETE FROM passages")
    delete_bands(store)


def insert(store: Store, rows: Sequence[tuple[Any, ...]], *, skip_existing: bool = False) -> None:
    """Insert passage rows (:data:`PASSAGE_COLUMNS`)."""
    suffix = "ON CONFLICT DO NOTHING" if skip_existing else None
    if suffix:
        store.db.insert_many("passages", PASSAGE_COLUMNS, rows, suffix)
    else:
        store.db.insert_many("passages", PASSAGE_COLUMNS, rows)


def ungroup_all(store: Store) -> None:
    """Forget every group (to regroup at another threshold)."""
    store.db.execute("UPDATE passages SET group_id = NULL")


def rename_groups(store: Store, moved: dict[str, str]) -> None:
    """Rename merged groups in one statement (old group id -> surviving group id)."""
    if not moved:
        return
    store.db.execute(
        "CREATE TEMPORARY TABLE IF NOT EXISTS passage_groups_moved (old_id TEXT, new_id TEXT)"
    )
    store.db.execute("DELETE FROM passage_groups_moved")
    store.db.insert_columns(
        "passage_groups_moved",
        (("old_id", "TEXT"), ("new_id", "TEXT")),
        [list(moved), list(moved.values())],
    )
    store.db.execute(
        "UPDATE passages SET group_id = m.new_id FROM passage_groups_moved m "
        "WHERE passages.group_id = m.old_id"
    )
    store.db.execute("DELETE FROM passage_groups_moved")


def assign_groups(store: Store, rows: list[tuple[str, int, str]]) -> None:
    """Set ``(doc_id, passage_no, group_id)`` in bulk through a scratch table (row-by-row
    UPDATEs are slow)."""
    if not rows:
        return
    store.db.execute(
        "CREATE TEMPORARY TABLE IF NOT EXISTS passage_groups_new "
        "(doc_id TEXT, passage_no INTEGER, group_id TEXT)"
    )
    store.db.execute("DELETE FROM passage_groups_new")
    for start in range(0, len(rows), _BAND_CHUNK):
        chunk = rows[start : start + _BAND_CHUNK]
        store.db.insert_columns(
            "passage_groups_new",
            (("doc_id", "TEXT"), ("passage_no", "INTEGER"), ("group_id", "TEXT")),
            [list(column) for column in zip(*chunk, strict=True)],
        )
    store.db.execute(
        "UPDATE passages SET group_id = n.group_id FROM passage_groups_new n "
        "WHERE passages.doc_id = n.doc_id AND passages.passage_no = n.passage_no"
    )
    store.db.execute("DELETE FROM passage_groups_new")


def count_reprint_groups(store: Store, among: Sequence[str] | None = None) -> int:
    """Groups with passages of more than one document (of ``among`` when given)."""
    if among is None:
        return int(store.db.execute(f"SELECT COUNT(*) FROM ({_MULTI}) g")[0][0])
    total = 0
    for start in range(0, len(among), _BAND_CHUNK):
        chunk = list(among[start : start + _BAND_CHUNK])
        total += int(
            store.db.execute(
                "SELECT COUNT(*) FROM (SELECT group_id FROM passages "
                f"WHERE {store.db.any_of('group_id', 'TEXT')} GROUP BY group_id "
                "HAVING COUNT(DISTINCT doc_id) > 1) g",
                [chunk],
            )[0][0]
        )
    return total


def reprint_group_ids(store: Store) -> list[str]:
    """Every reprint group id, sorted."""
    return [r["group_id"] for r in store.query(_MULTI + " ORDER BY group_id")]


def group_ids_of(store: Store, doc_id: str) -> list[str]:
    """Reprint groups holding a passage of ``doc_id``, in the document's text order."""
    rows = store.query(
        "SELECT p.group_id, MIN(p.span_start) AS first_start FROM passages p "
        f"WHERE p.doc_id = ? AND p.group_id IN ({_MULTI}) GROUP BY p.group_id ORDER BY first_start",
        [doc_id],
    )
    return [r["group_id"] for r in rows]


def group_members(store: Store, group_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Members of each group: one passage per document (its first in the group), with
    the passage's text and the document's outlet, date, ingest order, title and URL."""
    out: dict[str, list[dict[str, Any]]] = {g: [] for g in group_ids}
    for start in range(0, len(group_ids), _MEMBER_CHUNK):
        chunk = group_ids[start : start + _MEMBER_CHUNK]
        rows = store.query(
            "SELECT p.group_id, p.doc_id, p.passage_no, p.kind, p.span_start, p.span_end, "
            "substr(d.text, p.span_start + 1, p.span_end - p.span_start) AS passage, "
            "d.outlet, d.published, d.seq, d.title, d.url FROM passages p "
            "JOIN documents d ON d.id = p.doc_id "
            f"WHERE p.group_id IN ({', '.join(['?'] * len(chunk))}) "
            "ORDER BY p.group_id, p.doc_id, p.passage_no",
            chunk,
        )
        seen: set[tuple[str, str]] = set()
        for row in rows:
            if (row["group_id"], row["doc_id"]) in seen:
                continue
            seen.add((row["group_id"], row["doc_id"]))
            out[row["group_id"]].append(row)
    return out


def document_pairs(store: Store) -> set[tuple[str, str]]:
    """Pairs of documents sharing at least one reprint group (sorted ids)."""
    rows = store.db.execute(
        "SELECT DISTINCT a.doc_id, b.doc_id FROM passages a JOIN passages b "
        "ON a.group_id = b.group_id AND a.doc_id < b.doc_id"
    )
    return {(r[0], r[1]) for r in rows}
