"""Reprint groups as a reader sees them: who published first, who copied, what changed.

The first publisher of a group is the member with the earliest published date
(undated members last), ties broken by ingest order (``documents.seq``). Each
other member carries a word diff of its passage against the first publisher's.
"""

from __future__ import annotations

from typing import Any

from presslens.reprints.diff import render_diff, similarity, word_diff
from presslens.store.records import from_timestamp

_MULTI = (
    "SELECT group_id FROM passages WHERE group_id IS NOT NULL GROUP BY group_id "
    "HAVING COUNT(DISTINCT doc_id) > 1"
)


def _members(store: Any, group_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Members of each group: one passage per document (its first in the group)."""
    out: dict[str, list[dict[str, Any]]] = {g: [] for g in group_ids}
    for start in range(0, len(group_ids), 300):
        chunk = group_ids[start : start + 300]
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


def _order_key(member: dict[str, Any]) -> tuple[Any, ...]:
    published = member["published"]
    return (published is None, published or 0, member["seq"])


def describe(group_id: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """A group with its first publisher, copying outlets and per-member diffs."""
    ordered = sorted(members, key=_order_key)
    first = ordered[0]
    rendered = []
    for i, m in enumerate(ordered):
        ops = [] if i == 0 else word_diff(first["passage"], m["passage"])
        rendered.append(
            {
                "doc_id": m["doc_id"],
                "outlet": m["outlet"],
                "published": from_timestamp(m["published"]),
                "title": m["title"],
                "url": m["url"],
                "kind": m["kind"],
                "span": [int(m["span_start"]), int(m["span_end"])],
                "passage": m["passage"],
                "first_publisher": i == 0,
                "similarity": 1.0
                if i == 0
                else round(similarity(first["passage"], m["passage"]), 3),
                "diff": ops,
                "diff_text": render_diff(ops),
            }
        )
    copiers = [m["outlet"] for m in ordered[1:]]
    return {
        "group_id": group_id,
        "first_publisher": {
            "doc_id": first["doc_id"],
            "outlet": first["outlet"],
            "published": from_timestamp(first["published"]),
        },
        "outlets": list(dict.fromkeys(m["outlet"] for m in ordered)),
        "copied_by": list(dict.fromkeys(o for o in copiers if o != first["outlet"])),
        "members": rendered,
    }


def groups_of(store: Any, doc_id: str) -> list[dict[str, Any]]:
    """Reprint groups holding a passage of ``doc_id``, in the document's text order."""
    rows = store.query(
        "SELECT p.group_id, MIN(p.span_start) AS first_start FROM passages p "
        f"WHERE p.doc_id = ? AND p.group_id IN ({_MULTI}) GROUP BY p.group_id ORDER BY first_start",
        [doc_id],
    )
    ids = [r["group_id"] for r in rows]
    members = _members(store, ids)
    return [describe(g, members[g]) for g in ids]


def all_groups(store: Any) -> list[dict[str, Any]]:
    """Every reprint group (for evaluation and reports)."""
    ids = [r["group_id"] for r in store.query(_MULTI + " ORDER BY group_id")]
    members = _members(store, ids)
    return [describe(g, members[g]) for g in ids]


def document_pairs(store: Any) -> set[tuple[str, str]]:
    """Pairs of documents sharing at least one reprint group (sorted ids)."""
    rows = store.db.execute(
        "SELECT DISTINCT a.doc_id, b.doc_id FROM passages a JOIN passages b "
        "ON a.group_id = b.group_id AND a.doc_id < b.doc_id"
    )
    return {(r[0], r[1]) for r in rows}
