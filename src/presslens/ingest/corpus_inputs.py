"""Corpus inputs: one stream of items for directory trees, JSON Lines, feeds and WARCs.

A corpus run reads sources lazily (a crawl does not fit in memory) and ships each
:class:`Item` to a worker, which turns it into a Document with :func:`item_document`.
Items are cheap, picklable records of raw bytes plus what the container says about
them (URL, outlet, date); the costly part (HTML extraction) happens in the workers.

Every item has a ``source_id`` (``path``, ``path#line``, ``path#offset``) that names
it in error records and lets a re-run skip what was done. A source that cannot read
an item yields an item carrying an ``error`` instead of raising, so one bad record
never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from presslens.dates import normalize_published
from presslens.document import Document
from presslens.errors import InputError
from presslens.ingest.item import Item
from presslens.settings import Settings


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        return "warc"
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return "jsonl"
    if name.endswith((".rss", ".atom", ".xml", ".rss.gz", ".atom.gz", ".xml.gz")):
        return "feed"
    return "file"


def iter_items(paths: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Items of every source in ``paths``, dispatched by what each path is."""
    from presslens.ingest import feeds, jsonl, tree, warc

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from tree.iter_tree(path, settings)
            continue
        if not path.exists():
            yield Item.failed(tree.printable_name(raw), "missing", "no such file or directory")
            continue
        if not path.is_file():  # a FIFO or device would block or never end
            yield tree.file_item(path, settings)
            continue
        kind = _kind(path)
        if kind == "warc":
            yield from warc.iter_warc(path, settings)
        elif kind == "jsonl":
            yield from jsonl.iter_jsonl(path, settings)
        elif kind == "feed":
            yield from feeds.iter_feed(path, settings)
        else:
            yield tree.file_item(path, settings)


def count_items(paths: Iterable[str]) -> int | None:
    """How many items the sources hold, when that is cheap to know (for an ETA)."""
    from presslens.ingest import jsonl, tree

    total = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            total += sum(1 for _ in tree.walk_files(path))
        elif _kind(path) == "jsonl" and path.is_file():
            total += jsonl.count_lines(path)
        elif _kind(path) == "file":
            total += 1
        else:
            return None
    return total


def item_document(item: Item, settings: Settings) -> Document:
    """Extract the item into a Document; the record's own metadata wins over the page's."""
    from presslens.ingest.reader import read

    if item.error is not None:
        raise InputError(item.error[0], item.error[1], source=item.source_id)
    if item.data is None:
        raise InputError("empty", "the record has no content", source=item.source_id)
    doc = read(
        data=item.data, name=item.source_id, url=item.url, format=item.format, settings=settings
    )
    meta = doc.metadata
    meta.url = item.url or meta.url
    meta.title = item.title or meta.title
    meta.outlet = item.outlet or meta.outlet or outlet_from_url(meta.url)
    meta.published = normalize_published(item.published) or normalize_published(meta.published)
    if item.year_hint is not None:
        meta.extra["year_hint"] = item.year_hint
    return doc


def outlet_from_url(url: str | None) -> str | None:
    """``https://www.example.com/a`` -> ``example.com``."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
