"""Reprint groups as a reader sees them: who published first, who copied, what changed.

The first publisher of a group is the member with the earliest published date
(undated members last), ties broken by ingest order (``documents.seq``). Each
other member carries a word diff of its passage against the first publisher's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from presslens.reprints.diff import render_diff, similarity, word_diff
from presslens.store import passages
from presslens.store.records import from_timestamp

if TYPE_CHECKING:
    from presslens.store.store import Store


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


def groups_of(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Reprint groups holding a passage of ``doc_id``, in the document's text order."""
    ids = passages.group_ids_of(store, doc_id)
    members = passages.group_members(store, ids)
    return [describe(g, members[g]) for g in ids]


def all_groups(store: Store) -> list[dict[str, Any]]:
    """Every reprint group (for evaluation and reports)."""
    ids = passages.reprint_group_ids(store)
    members = passages.group_members(store, ids)
    return [describe(g, members[g]) for g in ids]
