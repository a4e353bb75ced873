"""The analysis contract flattened into rows researchers can query with plain SQL.

Spans are resolved to their text here, once, so a query never needs offsets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from presslens.analysis import probability

QUOTE_COLUMNS = (
    "doc_id",
    "quote_id",
    "kind",
    "span_start",
    "span_end",
    "text",
    "cue",
    "speaker_text",
    "speaker_entity",
    "speaker_name",
    "via",
    "score",
)
ENTITY_COLUMNS = ("doc_id", "entity_id", "name", "type", "titles", "mentions")
SOURCING_COLUMNS = ("doc_id", "span_start", "span_end", "basis", "source_entity", "text")
TECHNIQUE_COLUMNS = ("doc_id", "span_start", "span_end", "technique", "score", "quote_id", "text")


def _cut(text: str, span: Any) -> str | None:
    if not span:
        return None
    return text[int(span[0]) : int(span[1])]


def _start(span: Any) -> int | None:
    return int(span[0]) if span else None


def _end(span: Any) -> int | None:
    return int(span[1]) if span else None


def quote_rows(analysis: dict[str, Any]) -> list[tuple[Any, ...]]:
    text, doc_id = analysis["text"], analysis["id"]
    names = {e["id"]: e.get("name") for e in analysis.get("entities") or ()}
    rows = []
    for q in analysis.get("quotes") or ():
        speaker = q.get("speaker") or {}
        entity = speaker.get("entity")
        rows.append(
            (
                doc_id,
                q.get("id"),
                q.get("kind"),
                _start(q.get("span")),
                _end(q.get("span")),
                _cut(text, q.get("span")),
                _cut(text, q.get("cue")),
                speaker.get("text"),
                entity,
                names.get(entity) or speaker.get("text"),
                names.get(q.get("via")) or q.get("via"),
                probability(q.get("score")),
            )
        )
    return rows


def entity_rows(analysis: dict[str, Any]) -> list[tuple[Any, ...]]:
    doc_id = analysis["id"]
    return [
        (
            doc_id,
            e.get("id"),
            e.get("name"),
            e.get("type"),
            "; ".join(e.get("titles") or ()),
            len(e.get("mentions") or ()),
        )
        for e in analysis.get("entities") or ()
    ]


def sourcing_rows(analysis: dict[str, Any]) -> list[tuple[Any, ...]]:
    text, doc_id = analysis["text"], analysis["id"]
    return [
        (
            doc_id,
            _start(s.get("span")),
            _end(s.get("span")),
            s.get("basis"),
            s.get("source"),
            _cut(text, s.get("span")),
        )
        for s in analysis.get("sourcing") or ()
    ]


def technique_rows(analysis: dict[str, Any]) -> list[tuple[Any, ...]]:
    text, doc_id = analysis["text"], analysis["id"]
    return [
        (
            doc_id,
            _start(t.get("span")),
            _end(t.get("span")),
            t.get("technique"),
            float(t.get("score") or 0.0),
            t.get("quote"),
            _cut(text, t.get("span")),
        )
        for t in analysis.get("techniques") or ()
    ]


@dataclass(frozen=True)
class LayerWriter:
    """How one layer of the contract becomes rows of its table."""

    table: str
    columns: tuple[str, ...]
    rows: Callable[[dict[str, Any]], list[tuple[Any, ...]]]


LAYER_WRITERS: tuple[LayerWriter, ...] = (
    LayerWriter("quotes", QUOTE_COLUMNS, quote_rows),
    LayerWriter("entities", ENTITY_COLUMNS, entity_rows),
    LayerWriter("sourcing", SOURCING_COLUMNS, sourcing_rows),
    LayerWriter("techniques", TECHNIQUE_COLUMNS, technique_rows),
)
"""Every flattened layer, in the order its rows are written (a new queryable layer is
one more entry here and one more table in :mod:`presslens.store.schema`)."""


def counts(analysis: dict[str, Any]) -> tuple[int, int, int, int]:
    """(quotes, entities, sourcing, techniques), kept on the analysis row for listings."""
    return (
        len(analysis.get("quotes") or ()),
        len(analysis.get("entities") or ()),
        len(analysis.get("sourcing") or ()),
        len(analysis.get("techniques") or ()),
    )
