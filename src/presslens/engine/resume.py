"""What makes an item "done before": its normalised source id and its content.

Resume used to be keyed by the path as typed: the same folder named by an
absolute path was analysed again from scratch, while a file edited in place was
never analysed again. Source ids now start from the absolute, normalised path,
and each done item records a digest of what it held (bytes and the container's
metadata), so an edited file, or a JSONL line with new metadata, is processed
again while an unchanged one is skipped.
"""

from __future__ import annotations

import hashlib
import os

from presslens.ingest.item import Item


def normalise_source(raw: str) -> str:
    """``raw`` as an absolute, normalised path (``./corpus/`` and ``/abs/corpus`` agree)."""
    return os.path.abspath(raw) if raw not in ("", "-") else raw


def item_digest(item: Item) -> str:
    """sha256 of the item's bytes and metadata (or of its error, for a failed item)."""
    h = hashlib.sha256()
    for part in (item.format, item.url, item.outlet, item.published, item.title):
        h.update(repr(part).encode("utf-8", "backslashreplace") + b"\x00")
    if item.error is not None:
        h.update(repr(item.error).encode("utf-8", "backslashreplace"))
    h.update(item.data or b"")
    return h.hexdigest()
