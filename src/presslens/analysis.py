"""The public output contract ``presslens.analysis/1`` (see DESIGN.md).

An :class:`Analysis` is a Document after the pipeline ran; ``to_dict`` renders the
contract that the CLI prints, the store keeps and the API serves. Interfaces render
these dicts and contain no analysis logic. Fields may be added; changing what a
field means requires bumping ``SCHEMA``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from presslens.document import (
    Anatomy,
    Dateline,
    Document,
    Entity,
    Quote,
    Repetition,
    Sourcing,
    Span,
    TechniqueSpan,
)

SCHEMA = "presslens.analysis/1"


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [int(span[0]), int(span[1])]


def _spans(spans: Any) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in spans]


def anatomy_to_dict(a: Anatomy | None) -> dict[str, Any] | None:
    if a is None:
        return None
    dateline: Dateline | None = a.dateline
    return {
        "headline": _span(a.headline),
        "standfirst": _span(a.standfirst),
        "dateline": None
        if dateline is None
        else {
            "span": _span(dateline.span),
            "place": dateline.place,
            "date": dateline.date,
            "agency": dateline.agency,
        },
        "byline": _span(a.byline),
        "boilerplate": _spans(a.boilerplate),
        "paragraphs": _spans(a.paragraphs),
        "sentences": _spans(a.sentences),
    }


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "titles": list(e.titles),
        "mentions": _spans(e.mentions),
    }


def probability(value: Any) -> float | None:
    """A contract field that holds a probability (``quotes[].score``), read from JSON
    that may come from anywhere: a number in [0, 1], else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if 0.0 <= value <= 1.0 else None


def quote_to_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "kind": q.kind,
        "span": _span(q.span),
        "cue": _span(q.cue),
        "speaker": None
        if q.speaker is None
        else {"span": _span(q.speaker.span), "text": q.speaker.text, "entity": q.speaker.entity},
        "via": q.via,
        "parts": _spans(q.parts),
        "score": q.score,
    }


def sourcing_to_dict(s: Sourcing) -> dict[str, Any]:
    return {"span": _span(s.span), "basis": s.basis, "cue": _span(s.cue), "source": s.source}


def technique_to_dict(t: TechniqueSpan) -> dict[str, Any]:
    return {
        "span": _span(t.span),
        "technique": t.technique,
        "score": round(float(t.score), 4),
        "quote": t.quote,
    }


def repetition_to_dict(r: Repetition) -> dict[str, Any]:
    return {"spans": _spans(r.spans)}


@dataclass
class Analysis:
    """A Document after analysis, with the contract as a dict or JSON.

    >>> import presslens
    >>> a = presslens.analyze("MOSCOW, June 20. /TASS/. The agency said so.", stages=["anatomy"])
    >>> a.to_dict()["anatomy"]["dateline"]["agency"]
    'TASS'
    """

    document: Document
    stages: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def language(self) -> str | None:
        return self.document.language

    @property
    def anatomy(self) -> Anatomy | None:
        return self.document.anatomy

    @property
    def entities(self) -> list[Entity]:
        return self.document.entities

    @property
    def quotes(self) -> list[Quote]:
        return self.document.quotes

    @property
    def scare_quotes(self) -> list[Span]:
        return self.document.scare_quotes

    @property
    def uncredited_quotes(self) -> list[Quote]:
        return self.document.uncredited_quotes

    @property
    def sourcing(self) -> list[Sourcing]:
        return self.document.sourcing

    @property
    def techniques(self) -> list[TechniqueSpan]:
        return self.document.techniques

    @property
    def repetitions(self) -> list[Repetition]:
        return self.document.repetitions

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        meta = doc.metadata
        anatomy: Anatomy | None = doc.layer("anatomy")
        title = meta.title
        if not title and anatomy is not None and anatomy.headline is not None:
            title = doc.slice(anatomy.headline)
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": doc.id,
            "source": {"path": doc.source.path, "url": doc.source.url, "format": doc.source.format},
            "language": doc.layer("language") or meta.language,
            "metadata": {
                "title": title,
                "outlet": meta.outlet,
                "published": meta.published,
                "authors": list(meta.authors),
            },
            "text": doc.text,
            "anatomy": anatomy_to_dict(anatomy),
            "entities": [entity_to_dict(e) for e in doc.layer("entities", ())],
            "quotes": [quote_to_dict(q) for q in doc.layer("quotes", ())],
            "scare_quotes": _spans(doc.layer("scare_quotes", ())),
            "uncredited_quotes": [quote_to_dict(q) for q in doc.layer("uncredited_quotes", ())],
            "sourcing": [sourcing_to_dict(s) for s in doc.layer("sourcing", ())],
            "techniques": [technique_to_dict(t) for t in doc.layer("techniques", ())],
            "repetitions": [repetition_to_dict(r) for r in doc.layer("repetitions", ())],
            "stages": list(self.stages),
        }
        if meta.extra.get("decoding"):  # only when not clean UTF-8: how the bytes were read
            out["metadata"]["decoding"] = meta.extra["decoding"]
        manipulation = doc.layer("manipulation")
        if manipulation is not None:  # ru/uk: document-level UNLP-2025 techniques (additive)
            out["manipulation"] = manipulation.to_dict()
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
