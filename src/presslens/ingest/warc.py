"""WARC and WARC.gz crawls (warcio): one article per HTML response record.

Only ``response`` records with an HTML content type and a 2xx status are articles;
requests, metadata, images and redirects are passed over. The record's offset in
the file names the item (``crawl.warc.gz#1234``), so a re-run can skip it. The
crawl date only hints at the year (for datelines): it is not the publication date.

A damaged record costs only itself: it becomes an error item naming its offset,
and reading resumes at the next record start (the next gzip member, or the next
``WARC/1.`` line in an uncompressed file). A record cut short (a truncated file)
is an error item too, never a garbled article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from presslens.ingest.item import Item
from presslens.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_BLOCK = 1 << 20
_HEAD_BYTES = 4096  # enough to see a record start past blank lines


def _is_article(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ctype.startswith(_HTML_TYPES)


def _year(record: Any) -> int | None:
    stamp = record.rec_headers.get_header("WARC-Date") or ""
    return int(stamp[:4]) if stamp[:4].isdigit() else None


def next_record_start(fh: IO[bytes], after: int, gz: bool) -> int | None:
    """Offset of the first plausible record start past ``after``, scanning in blocks."""
    marker = _GZIP_MEMBER if gz else _WARC_LINE
    skip = 0 if gz else 1  # the newline before WARC/1. belongs to the damaged record
    position = after + 1
    while True:
        fh.seek(position)
        block = fh.read(_SCAN_BLOCK + len(marker))
        if len(block) < len(marker):
            return None
        found = block.find(marker)
        if found >= 0:
            return position + found + skip
        position += _SCAN_BLOCK


def _opens_record(fh: IO[bytes], at: int, gz: bool) -> bool:
    """Whether a record (a gzip member, or a 'WARC/' line after blank space) starts at ``at``."""
    fh.seek(at)
    head = fh.read(_HEAD_BYTES)
    return head.startswith(_GZIP_MEMBER) if gz else head.lstrip().startswith(b"WARC/")


def _truncated(record: Any) -> bool:
    """Whether the record's block ended before its Content-Length (a cut file)."""
    remaining = getattr(record.raw_stream, "limit", 0)
    return isinstance(remaining, int) and remaining > 0


def iter_warc(path: Path, settings: Settings) -> Iterator[Item]:
    """Items of one WARC file; a damaged record is one error item, and reading goes on."""
    from warcio.archiveiterator import ArchiveIterator

    limit = settings.max_input_bytes
    with path.open("rb") as fh:
        # gzip by its first bytes, or by its name when they are garbled (a plain WARC
        # named .gz is read as what it is)
        gz = _opens_record(fh, 0, gz=True) or (
            path.name.lower().endswith(".gz") and not _opens_record(fh, 0, gz=False)
        )
        start: int | None = 0
        while start is not None:
            if not _unread_content(fh, start):
                return  # nothing but blank space from here (an empty file)
            if not _opens_record(fh, start, gz):
                # A pass that does not open on a record start is never handed to warcio:
                # meeting a garbled gzip member first, it reads on as plain text up to a
                # newline anywhere in the bytes, past good members, or to the end unseen.
                failed_at, start = start, next_record_start(fh, start, gz)
                resumed = f"; reading resumes at byte {start}" if start is not None else ""
                yield Item.failed(
                    f"{path}#{failed_at}",
                    "warc",
                    f"unreadable WARC record at byte {failed_at}: no record starts there" + resumed,
                )
                continue
            fh.seek(start)
            records = ArchiveIterator(fh)
            current = start
            try:
                for record in records:
                    if not _is_article(record):
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    # read before asking the offset: warcio's get_record_offset() consumes
                    # the rest of an unread record
                    data = record.content_stream().read(limit + 1)
                    cut = len(data) <= limit and _truncated(record)
                    current = records.get_record_offset()
                    source_id = f"{path}#{current}"
                    if len(data) > limit:
                        yield Item.failed(
                            source_id, "too-large", "the response is over max_input_bytes"
                        )
                    elif cut:
                        yield Item.failed(
                            source_id, "warc", "the record is cut short (a truncated file?)"
                        )
                    else:
                        yield Item(
                            source_id=source_id,
                            data=data,
                            format="html",
                            url=url,
                            year_hint=_year(record),
                        )
            except Exception as exc:  # warcio raises many kinds on a damaged or hostile file
                failed_at = max(current, getattr(records, "offset", current) or current)
                start = next_record_start(fh, failed_at, gz)
                resumed = f"; reading resumes at byte {start}" if start is not None else ""
                yield Item.failed(
                    f"{path}#{failed_at}",
                    "warc",
                    f"unreadable WARC record at byte {failed_at}: "
                    f"{type(exc).__name__}: {str(exc)[:200]}{resumed}",
                )
                continue
            end = getattr(records, "offset", None)
            if not isinstance(end, int) or not _unread_content(fh, end):
                return
            start = next_record_start(fh, end, gz)
            yield Item.failed(
                f"{path}#{end}",
                "warc",
                f"the file ends in a cut or unreadable record at byte {end}"
                + (f"; reading resumes at byte {start}" if start is not None else ""),
            )


def _unread_content(fh: IO[bytes], end: int) -> bool:
    """Whether anything but whitespace follows ``end`` (where warcio stopped reading)."""
    fh.seek(end)
    while block := fh.read(_SCAN_BLOCK):
        if block.strip():
            return True
    return False
