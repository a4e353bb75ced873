"""The ``quotes`` stage: every quotation and report with its cue, speaker and route.

It reads the ``syntax`` layer (one parse for all stages), the ``anatomy`` layer
(paragraphs; the extractor falls back to blank-line paragraphs when absent) and
the ``entities`` layer (to link speakers and intermediaries); see
:mod:`presslens.attribution.quotes` for how attributions are found and
:mod:`presslens.attribution.coref` for how speakers are linked.

``Quote.span`` is the content without quotation marks. A quotation interrupted by
its attribution (``"X," he said, "Y."``) is one quote whose span runs from X's
first to Y's last character (the cue and speaker lie inside it); a multi-paragraph
quotation likewise spans all its paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from presslens.attribution import learned, neural, open_cues
from presslens.attribution.coref import History, resolve_addressee, resolve_speaker
from presslens.attribution.found import Found
from presslens.attribution.frames import medium_route
from presslens.attribution.furniture import furniture_spans, speaker_candidates
from presslens.attribution.lexicon import Lexicon, for_language
from presslens.attribution.marks import find_quotes
from presslens.attribution.quotes import attributed_quotes, regions
from presslens.document import Anatomy, Document, Entity, Quote, Span, Speaker
from presslens.settings import Settings, get_settings


class QuotesStage:
    """Adds ``quotes``: list[Quote] in text order, ids ``q1``, ``q2``, ..."""

    name = "quotes"
    needs = ("syntax", "entities", "anatomy", "language")
    adds = "quotes"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def run(self, doc: Document) -> list[Quote]:
        sdoc = doc.layer("syntax")
        if sdoc is None:
            return []
        entities: list[Entity] = list(doc.layer("entities") or [])
        lexicon = for_language(doc.layer("language"))
        anatomy = doc.layer("anatomy")
        if lexicon is not None:  # Russian, Ukrainian: the same stage with the language's lexicon
            return reported_quotes(doc.text, sdoc, anatomy, entities, lexicon)
        system = "combined" if (self.settings or get_settings()).attribution_model else "rules"
        found = find_attributions(doc.text, sdoc, anatomy, system)
        return to_quotes(doc.text, sdoc, found, entities, furniture_spans(anatomy))


def find_attributions(
    text: str, sdoc: Any, anatomy: Anatomy | None, system: str = "combined"
) -> list[Found]:
    """Attributions found in a parsed text, within the paragraphs and furniture of its anatomy.

    ``system``: "combined" (the rules with the learned model), "rules" or "model". The
    learned model is the fine-tuned tagger (:mod:`presslens.attribution.neural`) where
    its files are bundled, else the CRF (:mod:`presslens.attribution.learned`). The
    stage and ``presslens eval quotes`` both call this, so the scores measure what
    ships. Without a model's files the rules stand alone. The rules
    include the open-cue classifier (:mod:`presslens.attribution.open_cues`) where
    its file is bundled.
    """
    paras = paragraphs_of(anatomy)
    excluded, bounded = furniture(anatomy)
    tagger = neural.shipped() if system != "rules" else None
    model = learned.shipped() if system != "rules" and tagger is None else None
    opened = open_cues.shipped()
    if tagger is None and model is None:
        return attributed_quotes(text, sdoc, paras, excluded, bounded, open_model=opened)
    # The regions and quotations, found once for the rules and the model.
    regs = regions(text, paras, excluded, bounded)
    quotes = find_quotes(text, list(regs))
    quoted = [q.span for q in quotes]
    ruled = (
        []
        if system == "model"
        else attributed_quotes(text, sdoc, paras, excluded, bounded, (regs, quotes), opened)
    )
    if tagger is not None:
        found = neural.find_neural(text, sdoc, regs, tagger, quoted)
        if system == "model":
            return found
        kept = neural.scored_at_least(found, neural.shipped_least())
        return learned.combine(ruled, kept, neural.shipped_combine())
    found = learned.find_learned(text, sdoc, regs, model, quoted=quoted)
    return learned.combine(
        ruled, found, "model" if system == "model" else learned.shipped_combine()
    )


def reported_quotes(
    text: str, sdoc: Any, anatomy: Anatomy | None, entities: list[Entity], lexicon: Lexicon
) -> list[Quote]:
    """Quotes of a text parsed into Universal Dependencies, read with ``lexicon``."""
    from presslens.attribution import reported, speakers

    paras = paragraphs_of(anatomy)
    excluded, bounded = furniture(anatomy)
    found = reported.extract(text, sdoc, lexicon, paras, excluded, bounded)
    return speakers.to_quotes(text, sdoc, found, entities, lexicon, furniture_spans(anatomy))


def paragraphs_of(anatomy: Anatomy | None) -> list[Span] | None:
    """The anatomy's paragraphs, or None (the readers then cut the text at blank lines)."""
    return list(anatomy.paragraphs) if anatomy is not None and anatomy.paragraphs else None


def furniture(anatomy: Anatomy | None) -> tuple[list[Span], list[Span]]:
    """Spans no content may include (dateline, byline, boilerplate) and spans content
    may not run out of (headline, standfirst), from the anatomy layer."""
    if anatomy is None:
        return [], []
    excluded = list(anatomy.boilerplate)
    if anatomy.dateline is not None:
        excluded.append(anatomy.dateline.span)
    if anatomy.byline is not None:
        excluded.append(anatomy.byline)
    bounded = [s for s in (anatomy.headline, anatomy.standfirst) if s is not None]
    return excluded, bounded


def _readable(text: str, span: Span | None, eid: str | None, entities: list[Entity]) -> str:
    if eid is not None:
        for e in entities:
            if e.id == eid:
                return e.name
    return "" if span is None else text[span[0] : span[1]]


def to_quotes(
    text: str,
    sdoc: Any,
    found: list[Found],
    entities: list[Entity],
    furniture: Sequence[Span] = (),
) -> list[Quote]:
    """Link speakers and intermediaries to entities and make the public records.

    Speakers are linked to entities without their mentions in ``furniture`` (the
    dateline and byline: a dispatch's agency is never its speaker); routes to all.
    """
    history = History()
    candidates = speaker_candidates(entities, furniture)
    out: list[Quote] = []
    for n, f in enumerate(found, start=1):
        head = sdoc[f.speaker_head] if f.speaker_head is not None else None
        eid = resolve_speaker(f.speaker, head, text, candidates, history)
        if eid is not None:
            history.speakers.append((f.span[0], eid))
        speaker = None
        if f.speaker is not None or eid is not None:
            speaker = Speaker(f.speaker, _readable(text, f.speaker, eid, entities), eid)
        told = f.addressee
        if told is None and f.cue_token is not None:
            told = medium_route(sdoc[f.cue_token])  # 'in a statement carried by TASS'
        addressee = sdoc[told] if told is not None else None
        via = resolve_addressee(addressee, entities, eid)
        if via is not None:
            history.routes.add(via)
        parts = tuple(f.parts) if len(f.parts) > 1 else ()
        out.append(Quote(f"q{n}", f.kind, f.span, f.cue, speaker, via, parts, f.score))
    return out
