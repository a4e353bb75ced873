"""HTML pages to Documents, through trafilatura.

trafilatura finds the article in a page (dropping navigation, cookie banners,
ads, related links and comments) and reads its metadata (title, authors, date,
site name, canonical URL). presslens then lays the result out the way a dispatch
reads, so the anatomy stage sees a headline and paragraphs::

    <title>\\n\\n<paragraph>\\n\\n<paragraph>...

The spans of the title and of the body are kept in ``metadata.extra``
(``title_span``, ``body_span``) so the extraction itself stays recoverable.

Extraction settings were chosen on the public part of the Scrapinghub article
extraction benchmark (``presslens eval extraction``): ``favor_precision=True``
without comments, and when that finds nothing, trafilatura's balanced and then
recall-oriented modes, so a sparse page still yields its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from presslens.document import Document, Metadata, Source
from presslens.errors import InputError
from presslens.ingest.text import bom_encoding, decode_text
from presslens.settings import Settings, get_settings


@dataclass(frozen=True)
class ExtractionMode:
    """One way of calling trafilatura: a name and its keyword arguments."""

    name: str
    options: dict[str, Any]


PRECISION = ExtractionMode("precision", {"favor_precision": True})
BALANCED = ExtractionMode("balanced", {})
RECALL = ExtractionMode("recall", {"favor_recall": True})

# Tried in order until one yields a body; see the module docstring for why.
MODES: tuple[ExtractionMode, ...] = (PRECISION, BALANCED, RECALL)

_COMMON = {"include_comments": False, "include_tables": True, "with_metadata": True}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_BLANK_RUN = re.compile(r"\s*\n\s*")


def decode_html(data: bytes, source: str | None = None) -> str:
    """Decode an HTML page: BOM, then the ``<meta charset>`` it declares, then detection."""
    if bom_encoding(data) is None:
        declared = _META_CHARSET.search(data[:4096])
        if declared is not None:
            encoding = declared.group(1).decode("ascii").lower()
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; detect instead
    return decode_text(data, source)


def paragraphs(text: str) -> list[str]:
    """trafilatura's text output, one paragraph per non-blank line, stripped."""
    return [p.strip() for p in _BLANK_RUN.split(text) if p.strip()]


def extract_article(html: str | bytes, *, url: str | None = None,
                    modes: tuple[ExtractionMode, ...] = MODES) -> tuple[Any, str] | None:
    """Run trafilatura with each mode in turn; the first result with a body wins.

    Returns trafilatura's Document (metadata attributes) and the mode's name.
    """
    from lxml.etree import ParserError
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except (ParserError, ValueError):
        tree = None
    if tree is None:
        return None
    for mode in modes:
        result = bare_extraction(tree, url=url, **_COMMON, **mode.options)
        if result is not None and (result.text or "").strip():
            result.language = result.language or _html_lang(tree)
            return result, mode.name
    return None


def _html_lang(tree: Any) -> str | None:
    """The page's declared language (``<html lang="en-GB">`` -> ``en``)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    primary = lang.strip().split("-")[0].split("_")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def document_from_html(
    html: str | bytes,
    *,
    path: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Extract the article from an HTML page into a Document.

    >>> page = ("<html><head><title>Rain due | Daily</title></head><body><article>"
    ...         "<h1>Rain due</h1><p>" + "It will rain in the capital on Monday. " * 5 +
    ...         "</p></article></body></html>")
    >>> doc = document_from_html(page)
    >>> doc.text.splitlines()[0], doc.metadata.title
    ('Rain due', 'Rain due')
    """
    settings = settings or get_settings()
    source = path or url
    if isinstance(html, bytes):
        if len(html) > settings.max_input_bytes:
            raise InputError("too-large", f"page is over the limit of {settings.max_input_bytes:,}"
                             " bytes (max_input_bytes)", source=source)
        html = decode_html(html, source)
    elif len(html) > settings.max_input_bytes:
        raise InputError("too-large", f"page is over the limit of {settings.max_input_bytes:,}"
                         " characters (max_input_bytes)", source=source)
    if not html.strip():
        raise InputError("empty", "the page is empty", source=source)
    found = extract_article(html, url=url)
    if found is None:
        raise InputError("html", "no article text found in the page", source=source)
    result, mode = found
    return _layout(result, mode, path=path, url=url, settings=settings)


def _layout(result: Any, mode: str, *, path: str | None, url: str | None,
            settings: Settings) -> Document:
    """Lay out title and body as a dispatch; record where each part is."""
    title = " ".join((result.title or "").split()) or None
    body = paragraphs(result.text or "")
    if title and body and body[0] == title:
        body = body[1:]  # a page's <h1> often repeats the title
    if not body:
        raise InputError("html", "no article text found in the page", source=path or url)
    head = f"{title}\n\n" if title else ""
    text = head + "\n\n".join(body)
    if len(text.strip()) < settings.min_text_chars:
        raise InputError("empty", "the article text is shorter than min_text_chars",
                         source=path or url)
    extra: dict[str, Any] = {
        "title_span": (0, len(title)) if title else None,
        "body_span": (len(head), len(text)),
        "extraction_mode": mode,
    }
    for key in ("description", "hostname", "image", "categories", "tags", "license", "pagetype"):
        value = getattr(result, key, None)
        if value:
            extra[key] = value
    metadata = Metadata(
        title=title,
        outlet=result.sitename or None,
        published=result.date or None,
        authors=_authors(result.author),
        url=result.url or url,
        language=result.language or None,
        extra=extra,
    )
    return Document(text=text, source=Source(path=path, url=url, format="html"), metadata=metadata)


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura joins authors with ``;``."""
    if not value:
        return ()
    return tuple(dict.fromkeys(a.strip() for a in value.split(";") if a.strip()))
