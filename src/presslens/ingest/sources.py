"""Corpus sources: one stream of items for directory trees, JSON Lines, feeds and WARCs.

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

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from presslens.document import Document
from presslens.errors import InputError
from presslens.settings import Settings


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
    from presslens.ingest import read_bytes

    if item.error is not None:
        raise InputError(item.error[0], item.error[1], source=item.source_id)
    if item.data is None:
        raise InputError("empty", "the record has no content", source=item.source_id)
    doc = read_bytes(
        item.data, name=item.source_id, url=item.url, settings=settings, format=item.format
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


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")


def normalize_published(value: Any) -> str | None:
    """An ISO date or UTC date-time string (``2015-11-11`` or ``2015-11-11T10:00:00``).

    Accepts ISO strings (with or without zone), RFC 822 feed dates, ``datetime``,
    ``date`` and ``time.struct_time``; anything else is ``None`` (unknown, not wrong).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser (UTC)
        return datetime(*value[:6]).isoformat()
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if len(text) == 10:
            return parsed.date().isoformat()
        return normalize_published(parsed)
    from email.utils import parsedate_to_datetime

    try:
        return normalize_published(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    match = _ISO.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_DAY_MONTH = re.compile(
    r"(?:(\d{1,2})\s+([A-Za-z]+)\.?|([A-Za-z]+)\.?\s+(\d{1,2}))(?:,?\s+(\d{4}))?"
)
_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")


def date_from_dateline(dateline_date: str | None, year: int | None) -> str | None:
    """``June 20`` (a dateline's date) plus a year from context -> ``2026-06-20``.

    A year written in the dateline wins; without any year the date stays unknown.

    >>> date_from_dateline("June 20", 2017)
    '2017-06-20'
    >>> date_from_dateline("20 Sept. 2015", None)
    '2015-09-20'
    """
    if not dateline_date:
        return None
    match = _DAY_MONTH.search(dateline_date)
    if match is None:
        return None
    day, month_name = (match[1], match[2]) if match[1] else (match[4], match[3])
    month = _MONTHS.get(month_name.lower())
    year = int(match[5]) if match[5] else year
    if month is None or year is None:
        return None
    try:
        return date(year, month, int(day)).isoformat()
    except ValueError:
        return None


def year_from_context(doc: Document) -> int | None:
    """The container's year (crawl or feed date), else the first plausible year in the text."""
    hint = doc.metadata.extra.get("year_hint")
    if isinstance(hint, int):
        return hint
    found = _YEAR.search(doc.text[:2000])
    return int(found[1]) if found else None


def fill_published_from_dateline(doc: Document) -> None:
    """Give an undated document the date of its dateline (after the anatomy stage ran)."""
    if doc.metadata.published:
        return
    anatomy = doc.layer("anatomy")
    dateline = getattr(anatomy, "dateline", None)
    if dateline is None or not dateline.date:
        return
    doc.metadata.published = date_from_dateline(dateline.date, year_from_context(doc))
