"""WARC and WARC.gz crawls (warcio): one article per HTML response record.

Only ``response`` records with an HTML content type and a 2xx status are articles;
requests, metadata, images and redirects are passed over. The record's offset in
the file names the item (``crawl.warc.gz#1234``), so a re-run can skip it. The
crawl date only hints at the year (for datelines): it is not the publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from presslens.ingest.item import Item
from presslens.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_article(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ctype.startswith(_HTML_TYPES)


def _year(record: Any) -> int | None:
    stamp = record.rec_headers.get_header("WARC-Date") or ""
    return int(stamp[:4]) if stamp[:4].isdigit() else None


def iter_warc(path: Path, settings: Settings) -> Iterator[Item]:
    """Items of one WARC file; a corrupt tail ends the file with one error item."""
    from warcio.archiveiterator import ArchiveIterator

    limit = settings.max_input_bytes
    offset = 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if not _is_article(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                # read before asking the offset: warcio's get_record_offset() consumes
                # the rest of an unread record
                data = record.content_stream().read(limit + 1)
                offset = records.get_record_offset()
                source_id = f"{path}#{offset}"
                if len(data) > limit:
                    yield Item.failed(
                        source_id, "too-large", "the response is over max_input_bytes"
                    )
                    continue
                yield Item(
                    source_id=source_id, data=data, format="html", url=url, year_hint=_year(record)
                )
    except Exception as exc:  # warcio raises many kinds on a truncated or hostile file
        yield Item.failed(
            f"{path}#after-{offset}", "warc", f"unreadable WARC record: {type(exc).__name__}: {exc}"
        )
