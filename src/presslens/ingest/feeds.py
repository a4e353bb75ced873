"""RSS and Atom feed files (feedparser): one article per item.

An item's HTML is its full content when the feed carries it, else its summary.
The item is wrapped in a minimal page with its title so that extraction sees a
headline and an article body even for a two-sentence summary.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from presslens.dates import normalize_published
from presslens.errors import InputError
from presslens.ingest.corpus_inputs import outlet_from_url
from presslens.ingest.item import Item
from presslens.settings import Settings


def _entry_html(entry: Any) -> str | None:
    for content in entry.get("content") or ():
        if content.get("value"):
            return str(content["value"])
    summary = entry.get("summary")
    return str(summary) if summary else None


def _page(title: str | None, body: str) -> bytes:
    head = f"<title>{html.escape(title)}</title>" if title else ""
    h1 = f"<h1>{html.escape(title)}</h1>" if title else ""
    page = f"<html><head>{head}</head><body><article>{h1}{body}</article></body></html>"
    return page.encode("utf-8")


def iter_feed(path: Path, settings: Settings) -> Iterator[Item]:
    """Items of one RSS/Atom file; a file feedparser cannot read is one error item."""
    import feedparser

    from presslens.ingest.text import read_file_bounded

    try:
        data = read_file_bounded(str(path), settings.max_input_bytes)
    except InputError as exc:
        yield Item.failed(str(path), exc.kind, exc.message)
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "the feed has no items")
        yield Item.failed(str(path), "feed", reason)
        return
    channel = parsed.feed
    outlet = channel.get("title") or outlet_from_url(channel.get("link"))
    for number, entry in enumerate(parsed.entries, start=1):
        source_id = f"{path}#{number}"
        body = _entry_html(entry)
        if not body or not body.strip():
            yield Item.failed(source_id, "empty", "the feed item has no content or summary")
            continue
        published = normalize_published(
            entry.get("published_parsed") or entry.get("updated_parsed")
        )
        title = entry.get("title") or None
        yield Item(
            source_id=source_id,
            data=_page(title, body),
            format="html",
            url=entry.get("link") or None,
            outlet=outlet or outlet_from_url(entry.get("link")),
            published=published,
            title=title,
            year_hint=int(published[:4]) if published else None,
        )
