"""One reader for every input: a path, ``-`` (standard input), an http(s) URL, or
content already in hand (text, an HTML page, raw bytes).

Why one: ``presslens analyze``, ``presslens extract``, the API, the corpus engine
and :func:`presslens.analyze` used to decide each on its own what an argument was;
now they all call :func:`read`, so the same input gives the same Document (source,
format, metadata) whichever way it came in.

>>> from presslens.ingest.reader import read
>>> read(text="MOSCOW, June 20. /TASS/. The agency said so.").source.format
'text'
"""

from __future__ import annotations

from os import PathLike

from presslens.document import Document
from presslens.ingest import (
    document_from_html,
    document_from_text,
    read_bytes,
    read_path,
    read_stdin,
    read_url,
)
from presslens.settings import Settings, get_settings

URL_SCHEMES = ("http://", "https://")


def is_url(name: str) -> bool:
    """Whether ``name`` is an http(s) URL (any letter case) rather than a path."""
    return name.lower().startswith(URL_SCHEMES)


def read(
    source: str | PathLike[str] | None = None,
    *,
    text: str | None = None,
    html: str | None = None,
    data: bytes | None = None,
    name: str | None = None,
    url: str | None = None,
    format: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """A Document from exactly one input.

    - ``source``: a file path (text or HTML, optionally gzipped), ``-`` for standard
      input, or an http(s) URL (fetched through :mod:`presslens.ingest.url`'s guard);
    - ``text``: plain text, kept verbatim (checked like a file's text);
    - ``html``: a web page; the article is extracted;
    - ``data``: raw bytes (an upload, a corpus record), sniffed unless ``format``
      (``text`` or ``html``) is given.

    - ``url`` alone: fetch it (through the guard; never read as a path, whatever
      its scheme: a request's URL field must not open local files).

    With content, ``name`` and ``url`` say where it came from (``source.path`` and
    ``source.url``). Bad input raises :class:`~presslens.errors.InputError` with a
    one-line message.
    """
    settings = settings or get_settings()
    given = sum(x is not None for x in (source, text, html, data))
    if given == 0 and url is not None:
        return read_url(url, settings)
    if given != 1:
        raise TypeError("read() takes exactly one of source, text, html, data (or url alone)")
    if data is not None:
        return read_bytes(data, name=name, url=url, settings=settings, format=format)
    if text is not None:
        return document_from_text(text, name=name, url=url, settings=settings)
    if html is not None:
        return document_from_html(html, path=name, url=url, settings=settings)
    where = str(source)
    if where == "-":
        return read_stdin(settings)
    if is_url(where):
        return read_url(where, settings)
    return read_path(where, settings)
