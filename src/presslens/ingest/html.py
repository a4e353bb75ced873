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
without comments (inline ads and comment threads are not the dispatch), and when
that yields a short body or none, trafilatura's balanced and then
recall-oriented modes, keeping the longest, so a page precision mode over-prunes
still yields its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from presslens.document import Document, Metadata, Source
from presslens.errors import InputError
from presslens.ingest.text import bom_encoding, check_text_length, decode_text
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

# A body shorter than this many words makes the next mode worth a try (the longest
# result wins): precision mode sometimes prunes an article down to a reprint
# notice or a teaser. News bodies are rarely shorter (the benchmark's median is
# about 500 words).
SHORT_BODY_WORDS = 100
_WORD = re.compile(r"\w+")

_COMMON = {"include_comments": False, "include_tables": True, "with_metadata": True}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_BLANK_RUN = re.compile(r"\s*\n\s*")


def decode_html(data: bytes, source: str | None = None) -> str:
    """Decode an HTML page: BOM, valid UTF-8, the ``<meta charset>`` it declares, detection.

    Valid UTF-8 goes before the declaration because pages re-saved as UTF-8 (by
    crawlers, editors, Splash) often keep a stale ``iso-8859-1`` declaration, while
    legacy-encoded text almost never happens to be valid UTF-8.
    """
    if bom_encoding(data) is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
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


@dataclass(frozen=True)
class Extraction:
    """trafilatura's result (a ``trafilatura.settings.Document``), the mode that found
    it and the language the page declares in ``<html lang>``."""

    result: Any
    mode: str
    declared_language: str | None


def extract_article(
    html: str | bytes, *, url: str | None = None, modes: tuple[ExtractionMode, ...] = MODES
) -> Extraction | None:
    """Run trafilatura with each mode in turn until a body of ``SHORT_BODY_WORDS`` words.

    The first mode reaching that length wins; if none does, the longest body does.
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
    best: Extraction | None = None
    best_words = 0
    for mode in modes:
        result = bare_extraction(tree, url=url, **{**_COMMON, **mode.options})
        words = len(_WORD.findall(result.text or "")) if result is not None else 0
        if words > best_words:
            best, best_words = Extraction(result, mode.name, _html_lang(tree)), words
        if best_words >= SHORT_BODY_WORDS:
            break
    return best


def _html_lang(tree: Any) -> str | None:
    """The page's declared language (``<html lang="en-GB">`` -> ``en``)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    primary = lang.strip().split("-")[0].split("_")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def document_from_html(
    html: str | bytes,
    *,
    path: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
    modes: tuple[ExtractionMode, ...] = MODES,
) -> Document:
    """Extract the article from an HTML page into a Document.

    ``modes`` are the trafilatura configurations tried in turn (the benchmark
    compares alternatives through it).

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
            raise InputError(
                "too-large",
                f"page is over the limit of {settings.max_input_bytes:,} bytes (max_input_bytes)",
                source=source,
            )
        html = decode_html(html, source)
    elif len(html) > settings.max_input_bytes:
        raise InputError(
            "too-large",
            f"page is over the limit of {settings.max_input_bytes:,} characters (max_input_bytes)",
            source=source,
        )
    if not html.strip():
        raise InputError("empty", "the page is empty", source=source)
    found = extract_article(html, url=url, modes=modes)
    if found is None:
        raise InputError("html", "no article text found in the page", source=source)
    return _layout(found, path=path, url=url, settings=settings)


def _layout(
    found: Extraction, *, path: str | None, url: str | None, settings: Settings
) -> Document:
    """Lay out title and body as a dispatch; record where each part is."""
    result = found.result
    title = " ".join((result.title or "").split()) or None
    body = paragraphs(result.text or "")
    if title and body and body[0] == title:
        body = body[1:]  # a page's <h1> often repeats the title
    if not body:
        raise InputError("html", "no article text found in the page", source=path or url)
    head = f"{title}\n\n" if title else ""
    text = head + "\n\n".join(body)
    if len(text.strip()) < settings.min_text_chars:
        raise InputError(
            "empty", "the article text is shorter than min_text_chars", source=path or url
        )
    check_text_length(text, settings, path or url)
    extra: dict[str, Any] = {
        "title_span": (0, len(title)) if title else None,
        "body_span": (len(head), len(text)),
        "extraction_mode": found.mode,
        # The page's <html lang>, kept aside rather than as metadata.language: CMS
        # templates often declare "en" over any language, and the language stage
        # trusts metadata.language over its own detection.
        "declared_language": found.declared_language,
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
        language=result.language or None,  # set by trafilatura only when it detected one
        extra=extra,
    )
    return Document(text=text, source=Source(path=path, url=url, format="html"), metadata=metadata)


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura joins authors with ``;``."""
    if not value:
        return ()
    return tuple(dict.fromkeys(a.strip() for a in value.split(";") if a.strip()))
