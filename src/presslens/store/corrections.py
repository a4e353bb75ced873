"""Correcting a stored document's metadata (outlet, publication date, title).

A document is keyed by its text, so posting the same text again stores nothing
new; but the metadata given with it may be a correction (another outlet, the
right date). :func:`update_metadata` writes the given fields into both places
that hold them — the ``documents`` row the search reads and the stored analysis
JSON — in one transaction, so the list and the report never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from presslens.store.records import to_timestamp

FIELDS = ("outlet", "published", "title")


def update_metadata(store: Any, doc_id: str, given: dict[str, str | None]) -> dict[str, Any]:
    """Apply the non-empty ``given`` fields to the stored document; return its analysis.

    Fields not given keep their stored value; the analysis is returned as stored
    afterwards (unchanged when nothing differed).
    """
    changes = {k: v for k, v in given.items() if k in FIELDS and v}
    with store._lock:  # the store's own lock: one connection, many threads
        analysis = store.get_analysis(doc_id)
        if analysis is None:
            raise KeyError(doc_id)
        meta = dict(analysis.get("metadata") or {})
        changes = {k: v for k, v in changes.items() if meta.get(k) != v}
        if not changes:
            return analysis
        meta.update(changes)
        analysis["metadata"] = meta
        with store.db.transaction():
            store.db.execute(
                "UPDATE documents SET outlet = ?, published = ?, title = ? WHERE id = ?",
                [
                    meta.get("outlet"),
                    to_timestamp(meta.get("published")),
                    meta.get("title"),
                    doc_id,
                ],
            )
            store.db.execute(
                "UPDATE analyses SET analysis = ? WHERE doc_id = ?",
                [json.dumps(analysis, ensure_ascii=False), doc_id],
            )
        return analysis
