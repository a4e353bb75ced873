"""Adapters that turn inputs into Documents: files, stdin, bytes, HTML pages and URLs.

One entry point per kind of input, all returning a :class:`~presslens.document.Document`
or raising :class:`~presslens.errors.InputError` with a one-line message, so a batch
can report a bad file and carry on:

>>> from presslens.ingest import read_bytes
>>> read_bytes(b"MOSCOW, June 20. /TASS/. Text.\\r\\n", name="a.txt").text
'MOSCOW, June 20. /TASS/. Text.\\r\\n'

Plain text is kept verbatim (only a byte-order mark is dropped); HTML goes through
trafilatura (:mod:`presslens.ingest.html`). Whether input is gzip, HTML or text is
decided from its bytes, with the file name only breaking ties.
"""

from __future__ import annotations

import sys

from presslens.document import Document, Source
from presslens.errors import InputError
from presslens.ingest.html import decode_html, document_from_html
from presslens.ingest.text import (
    TEXT_SUFFIXES,
    bom_encoding,
    check_text_length,
    control_ratio,
    decode_text_reported,
    gunzip_bounded,
    is_gzip,
    looks_like_html,
    read_file_bounded,
    read_stream_bounded,
    sniff_binary,
    strip_gz,
)
from presslens.settings import Settings, get_settings

__all__ = [
    "FORMATS",
    "document_from_html",
    "document_from_text",
    "guess_format",
    "read_bytes",
    "read_path",
    "read_stdin",
    "read_url",
]

FORMATS = ("text", "html")


def read_path(path: str, settings: Settings | None = None) -> Document:
    """Read a text or HTML file (optionally gzipped); ``-`` reads standard input.

    ``source.path`` is ``path`` exactly as given.
    """
    settings = settings or get_settings()
    if path == "-":
        return read_stdin(settings)
    data = read_file_bounded(path, settings.max_input_bytes)
    return read_bytes(data, name=path, settings=settings)


def read_stdin(settings: Settings | None = None) -> Document:
    """Read a document from standard input (``source.path`` is ``-``)."""
    settings = settings or get_settings()
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (some test runners): re-encode what it gives
        raw = sys.stdin.read(settings.max_input_bytes + 1).encode("utf-8")
        if len(raw) > settings.max_input_bytes:
            raise InputError("too-large", "standard input is over max_input_bytes", source="-")
    else:
        raw = read_stream_bounded(stream, settings.max_input_bytes, "-")
    return read_bytes(raw, name="-", settings=settings)


def guess_format(data: bytes, name: str | None = None) -> str:
    """``html`` or ``text`` for (already decompressed) ``data``.

    A ``.txt`` name means text whatever it contains (users expect text verbatim);
    otherwise the content decides, with an ``.html`` name breaking ties.
    """
    if name and strip_gz(name).lower().endswith(TEXT_SUFFIXES):
        return "text"
    return "html" if looks_like_html(data, name) else "text"


def read_bytes(
    data: bytes,
    *,
    name: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
    format: str | None = None,
) -> Document:
    """Make a Document from raw bytes (stdin, corpus records, uploads, fetched pages).

    ``format`` (``text`` or ``html``) skips sniffing; gzip is always detected by its
    magic bytes and decompressed within ``max_input_bytes``.
    """
    settings = settings or get_settings()
    where = name or url
    if format is not None and format not in FORMATS:
        raise InputError(
            "format", f"unknown format {format!r}; use one of {', '.join(FORMATS)}", source=where
        )
    limit = settings.max_input_bytes
    if len(data) > limit:
        raise InputError(
            "too-large",
            f"input is {len(data):,} bytes, over the limit of {limit:,} bytes (max_input_bytes)",
            source=where,
        )
    if is_gzip(data):
        data = gunzip_bounded(data, limit, where)
        if is_gzip(data):
            raise InputError("binary", "gzip inside gzip is not supported", source=where)
    if not data.strip():
        raise InputError(
            "empty",
            "the input is empty" if not data else "the input is only whitespace",
            source=where,
        )
    # UTF-16/32 text is full of NUL bytes: with a BOM, decoding decides instead.
    bom = bom_encoding(data)
    reason = sniff_binary(data) if bom is None or bom[0] == "utf-8" else None
    if reason is not None:
        raise InputError("binary", reason, source=where)
    fmt = format or guess_format(data, name)
    if fmt == "html":
        return document_from_html(decode_html(data, where), path=name, url=url, settings=settings)
    text, decoding = decode_text_reported(data, where)
    doc = document_from_text(text, name=name, url=url, settings=settings)
    if decoding.report() is not None:
        doc.metadata.extra["decoding"] = decoding.report()
    return doc


def document_from_text(
    text: str,
    *,
    name: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Check decoded plain text and wrap it, verbatim, in a Document."""
    settings = settings or get_settings()
    where = name or url
    if not text.strip():
        raise InputError("empty", "the input is only whitespace", source=where)
    if len(text.strip()) < settings.min_text_chars:
        raise InputError(
            "empty",
            f"the text is shorter than {settings.min_text_chars} characters (min_text_chars)",
            source=where,
        )
    check_text_length(text, settings, where)
    ratio = control_ratio(text)
    if ratio > 0.05:
        raise InputError("binary", f"{ratio:.0%} control characters (a binary file?)", source=where)
    return Document(text=text, source=Source(path=name, url=url, format="text"))


def read_url(url: str, settings: Settings | None = None) -> Document:
    """Fetch ``url`` (see :mod:`presslens.ingest.url` for the guard) and read it."""
    from presslens.ingest.url import read_url as _read_url

    return _read_url(url, settings)
