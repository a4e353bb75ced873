"""Where analyses of a corpus live: DuckDB (a file, the default) or PostgreSQL.

>>> store = open_store(":memory:")
>>> store.has_document("0" * 64)
False
"""

from __future__ import annotations

from presslens.store.backends import connect
from presslens.store.records import Record, pipeline_version
from presslens.store.store import Store

__all__ = ["Record", "Store", "open_store", "pipeline_version"]


def open_store(db: str, *, read_only: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at ``db``.

    ``db`` is a DuckDB file path (``presslens.duckdb`` by default in settings) or a
    ``postgresql://`` URL; ``?schema=NAME`` in the URL keeps a corpus in its own schema.
    """
    return Store(connect(db, read_only=read_only), read_only=read_only)
