"""The ingest :class:`Item`: one record of a corpus input, before extraction.

Its own module because every corpus reader (tree, JSON Lines, feeds, WARC), the
dispatcher that calls them and the engines all use it: kept here it imports
nothing they import, so no cycle runs through it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One record of a corpus source, before extraction."""

    source_id: str
    data: bytes | None = None
    format: str | None = None  # "text", "html" or None (sniff the bytes)
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    year_hint: int | None = None  # the year of the container (crawl, feed), for datelines
    error: tuple[str, str] | None = None  # (kind, message) when the record itself is bad

    @classmethod
    def failed(cls, source_id: str, kind: str, message: str) -> Item:
        return cls(source_id=source_id, error=(kind, message))
