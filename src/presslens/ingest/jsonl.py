"""JSON Lines corpora: one article per line.

Each line is an object with ``text`` (plain text, kept verbatim) or ``html`` (a
page to extract), and optionally ``url``, ``outlet``, ``published`` and ``title``.
A line that is not such an object becomes an error item named ``path#line``.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from presslens.dates import normalize_published
from presslens.ingest.item import Item
from presslens.settings import Settings

_FIELDS = ("url", "outlet", "title")


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def count_lines(path: Path) -> int:
    """Non-blank lines, for the progress bar; a truncated ``.gz`` counts what it holds."""
    total = 0
    try:
        with _open(path) as fh:
            for line in fh:
                total += bool(line.strip())
    except (OSError, EOFError, zlib.error):
        pass  # the run itself reports the damage as an error item
    return total


def parse_line(raw: bytes, source_id: str, settings: Settings) -> Item:
    """One line to an Item (or an error item saying what is wrong with it)."""
    if len(raw) > settings.max_input_bytes:
        return Item.failed(
            source_id, "too-large", f"the line is {len(raw):,} bytes, over max_input_bytes"
        )
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        return Item.failed(source_id, "encoding", "the line is not UTF-8")
    except json.JSONDecodeError as exc:
        return Item.failed(source_id, "json", f"not valid JSON ({exc.msg}, column {exc.colno})")
    except RecursionError:  # [[[[... 100,000 deep: the parser's stack, not the run's
        return Item.failed(source_id, "json", "the line nests arrays or objects too deeply")
    if not isinstance(record, dict):
        return Item.failed(source_id, "json", "the line is not a JSON object")
    body, fmt = record.get("text"), "text"
    if body is None:
        body, fmt = record.get("html"), "html"
    if not isinstance(body, str):
        return Item.failed(source_id, "json", "the object has no string 'text' or 'html' field")
    meta = {k: record[k] if isinstance(record.get(k), str) else None for k in _FIELDS}
    published = normalize_published(record.get("published"))
    year = int(published[:4]) if published else None
    try:
        data = body.encode("utf-8")
    except UnicodeEncodeError:
        return Item.failed(source_id, "encoding", "the text holds unpaired surrogates")
    return Item(
        source_id=source_id, data=data, format=fmt, published=published, year_hint=year, **meta
    )


def iter_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    """Items of a JSON Lines file, streamed (``.gz`` is read transparently).

    A truncated or damaged ``.gz`` yields the lines it holds, then one error item
    naming the line where reading stopped.
    """
    number = 0
    try:
        with _open(path) as fh:
            for number, raw in enumerate(fh, start=1):
                if raw.strip():
                    yield parse_line(raw, f"{path}#{number}", settings)
    except (OSError, EOFError, zlib.error) as exc:  # a truncated .gz or unreadable file
        yield Item.failed(
            f"{path}#{number + 1}",
            "unreadable",
            f"the file is cut or damaged after line {number}: {exc or type(exc).__name__}",
        )
