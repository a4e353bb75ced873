"""``presslens extract``: the article in an HTML page, its metadata and its anatomy.

Shows what presslens will analyse before analysing it: trafilatura's extraction
(title, body, date, authors, outlet, language, URL) and the dispatch anatomy the
``anatomy`` stage finds on that text (headline, dateline, paragraphs).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import typer

from presslens.cli.common import DebugOption, guarded, write_stdout
from presslens.document import Document

EXTRACT_STAGES = ("anatomy", "language")


class ExtractFormat(StrEnum):
    json = "json"
    text = "text"


def _load(source: str, max_bytes: int | None) -> Document:
    from presslens.ingest.reader import read
    from presslens.settings import get_settings

    return read(source, settings=get_settings(max_input_bytes=max_bytes))


def _run_stages(doc: Document) -> list[str]:
    """Run the anatomy and language stages that this installation has."""
    from presslens import stages
    from presslens.pipeline import Pipeline

    names = [n for n in EXTRACT_STAGES if stages.is_available(n)]
    if names:
        pipeline = Pipeline.from_names(names)
        pipeline(doc)
        return pipeline.stage_names
    return []


def extraction_to_dict(doc: Document, stage_names: list[str] | None = None) -> dict[str, Any]:
    """The extraction and its anatomy, spans resolved to text for reading."""
    from presslens.analysis import anatomy_to_dict

    meta = doc.metadata
    body_span = meta.extra.get("body_span") or (0, len(doc.text))
    anatomy = doc.layer("anatomy")
    resolved: dict[str, Any] | None = None
    if anatomy is not None:
        dateline = anatomy.dateline
        resolved = {
            "headline": doc.slice(anatomy.headline) if anatomy.headline else None,
            "standfirst": doc.slice(anatomy.standfirst) if anatomy.standfirst else None,
            "byline": doc.slice(anatomy.byline) if anatomy.byline else None,
            "dateline": None
            if dateline is None
            else {
                "text": doc.slice(dateline.span),
                "place": dateline.place,
                "date": dateline.date,
                "agency": dateline.agency,
            },
            "paragraphs": len(anatomy.paragraphs),
            "sentences": len(anatomy.sentences),
        }
    return {
        "source": {"path": doc.source.path, "url": doc.source.url, "format": doc.source.format},
        "title": meta.title,
        "body": doc.slice(tuple(body_span)),
        "published": meta.published,
        "authors": list(meta.authors),
        "outlet": meta.outlet,
        "language": doc.layer("language") or meta.language,
        "url": meta.url or doc.source.url,
        "description": meta.extra.get("description"),
        "extraction_mode": meta.extra.get("extraction_mode"),
        "text": doc.text,
        "body_span": list(body_span),
        "anatomy": anatomy_to_dict(anatomy),
        "anatomy_text": resolved,
        "stages": list(stage_names or []),
    }


def render_text(result: dict[str, Any]) -> str:
    """A plain, greppable view: ``Field: value`` lines, then the body."""
    lines = []
    for label, key in (
        ("Title", "title"),
        ("Published", "published"),
        ("Outlet", "outlet"),
        ("Language", "language"),
        ("URL", "url"),
    ):
        if result.get(key):
            lines.append(f"{label}: {result[key]}")
    if result["authors"]:
        lines.append("Authors: " + "; ".join(result["authors"]))
    anatomy = result.get("anatomy_text") or {}
    if anatomy.get("headline"):
        lines.append(f"Headline: {anatomy['headline']}")
    dateline = anatomy.get("dateline")
    if dateline:
        parts = [f"{k}={dateline[k]}" for k in ("place", "date", "agency") if dateline.get(k)]
        lines.append(f"Dateline: {dateline['text']}" + (f" ({', '.join(parts)})" if parts else ""))
    if anatomy:
        lines.append(f"Paragraphs: {anatomy['paragraphs']}")
    return "\n".join(lines) + "\n\n" + result["body"]


def extract(
    source: str = typer.Argument(
        ..., metavar="FILE", help="HTML (or text) file, '-' for standard input, or a URL."
    ),
    output_format: ExtractFormat = typer.Option(
        ExtractFormat.json, "--format", "-f", help="json or text."
    ),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Largest input accepted."),
    indent: int | None = typer.Option(2, "--indent", help="JSON indentation (0: one line)."),
    debug: bool = DebugOption,
) -> None:
    """Extract the article from a web page: title, body, date, authors, outlet, anatomy."""

    def run() -> dict[str, Any]:
        doc = _load(source, max_bytes)
        return extraction_to_dict(doc, _run_stages(doc))

    result = guarded(run, debug=debug)
    if output_format is ExtractFormat.text:
        write_stdout(render_text(result))
    else:
        write_stdout(json.dumps(result, ensure_ascii=False, indent=indent or None))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
