"""The ``sourcing`` stage: on what basis each claim-bearing sentence rests.

Why per sentence: a fact-checker reads claims, not quotes. Every sentence that
asserts something gets one basis: ``unverifiable`` when a source asserts
knowledge without showing it ("according to the information received by",
"is well aware of", "has similar information", "it is known that", "data show"
with no figures); else the basis of the attribution covering it (``named`` for a
person, ``organisation`` for a body or its press office or statement,
``anonymous`` for unnamed sources); else ``unattributed``: the outlet's own voice.
Patterns are grammar only, never names, so swapping parties changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from presslens.attribution.coref import ORG_TYPES
from presslens.attribution.cues import words
from presslens.attribution.found import overlap
from presslens.document import BASES, Basis, Document, Entity, Quote, Sourcing, Span
from presslens.settings import Settings

_KNOWLEDGE = r"(?:information|data|intelligence|evidence)"
UNVERIFIABLE = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\baccording to (?:the |our |some |available |reliable |certain )*{_KNOWLEDGE}"
        r"(?: (?:received|obtained|available|gathered|collected|at (?:the|our|its) disposal)"
        r"(?: (?:by|to|of))?)?",
        r"\b(?:is|are|was|were|am|remains?)\s+(?:well |fully |perfectly |very )?"
        r"aware\s+(?:of|that)\b",
        rf"\b(?:has|have|had|possess(?:es)?)\s+(?:similar |reliable |credible |certain |some |"
        rf"new |exclusive |solid |the )?{_KNOWLEDGE}\b",
        r"\bit is (?:well[- ]|widely |commonly )?known that\b",
        r"\bit is no secret that\b",
        r"\bas is (?:well[- ]|widely )?known\b",
        r"\bthere (?:is|are) (?:information|evidence|data|reports) that\b",
        r"\b(?:data|evidence|statistics|figures|information) (?:show|shows|suggest|suggests|"
        r"indicate|indicates|prove|proves|confirm|confirms)\b",
    )
)
_DATA_SHOW = re.compile(r"^(?:data|evidence|statistics|figures|information) ", re.IGNORECASE)
ANONYMOUS_WORDS = words(
    """
    source sources official officials insider insiders people person someone aide aides
    diplomat diplomats expert experts analyst analysts observer observers witness
    witnesses reportedly
    """
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "our", "this", "that"})
PRONOUNS_NAMED = frozenset({"he", "she", "i", "him", "her"})
PRONOUNS_BODY = frozenset({"it", "they", "we"})


def _find_unverifiable(text: str, span: Span) -> Span | None:
    piece = text[span[0] : span[1]]
    for pattern in UNVERIFIABLE:
        m = pattern.search(piece)
        if m is None:
            continue
        if _DATA_SHOW.match(m.group(0)) and re.search(r"\d", piece):
            continue  # data shown with figures is evidence, not a bare assertion
        return (span[0] + m.start(), span[0] + m.end())
    return None


def _entity_near(entities: Sequence[Entity], sentence: Span, cue: Span, text: str) -> str | None:
    """The entity the knowledge is claimed by: 'received by X' after the cue, else X before it."""
    after = [
        (s, e.id)
        for e in entities
        for s, t in e.mentions
        if cue[1] <= s < min(sentence[1], cue[1] + 40)
        and e.type in ORG_TYPES | {"PERSON"}
        and text[cue[0] : cue[1]].rstrip().lower().endswith(("by", "of", "to"))
    ]
    if after:
        return min(after)[1]
    before = [
        (s, e.id)
        for e in entities
        for s, t in e.mentions
        if sentence[0] <= s < cue[0] and e.type in ORG_TYPES | {"PERSON"}
    ]
    return max(before)[1] if before else None


def _ner_type(sdoc: Any, span: Span | None) -> str | None:
    """spaCy's entity label on the speaker phrase's last named token, if any."""
    if sdoc is None or span is None:
        return None
    window = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    labels = [t.ent_type_ for t in window or () if t.ent_type_] if window is not None else []
    return labels[-1] if labels else None


def speaker_basis(quote: Quote, entities: Sequence[Entity], sdoc: Any = None) -> Basis:
    """The basis a quote gives: named person, organisation or anonymous source."""
    types = {e.id: e.type for e in entities}
    sp = quote.speaker
    if sp is None:
        return "anonymous"
    if sp.entity is not None:
        return "named" if types.get(sp.entity) == "PERSON" else "organisation"
    words = [w.strip(",.").lower() for w in sp.text.split()]
    if not words:
        return "anonymous"
    if any(w in ANONYMOUS_WORDS for w in words):
        return "anonymous"
    if len(words) == 1 and words[0] in PRONOUNS_NAMED:
        return "named"
    if len(words) == 1 and words[0] in PRONOUNS_BODY:
        return "organisation"
    label = _ner_type(sdoc, sp.span)
    if label == "PERSON":
        return "named"
    if label in ORG_TYPES:
        return "organisation"
    if any(w[:1].isupper() and w.lower() not in _DETERMINERS for w in sp.text.split()):
        return "named"  # an unlinked proper name
    return "organisation" if words[0] in ("the", "its", "their") else "anonymous"


def _claims(doc: Document) -> list[Span]:
    """Sentences that can carry a claim: not boilerplate, dateline or byline; with a verb."""
    anatomy = doc.layer("anatomy")
    sdoc = doc.layer("syntax")
    if anatomy is not None and anatomy.sentences:
        sents = list(anatomy.sentences)
    elif sdoc is not None:
        sents = [(s.start_char, s.end_char) for s in sdoc.sents]
    else:
        sents = [(0, len(doc.text))]
    skip: list[Span] = []
    if anatomy is not None:
        skip.extend(anatomy.boilerplate)
        if anatomy.dateline is not None:
            skip.append(anatomy.dateline.span)
        if anatomy.byline is not None:
            skip.append(anatomy.byline)
    out = []
    for s in sents:
        size = s[1] - s[0]
        if size <= 0 or any(overlap(s, k) >= size * 0.8 for k in skip):
            continue
        if len(doc.text[s[0] : s[1]].split()) < 4:
            continue
        out.append(s)
    return out


def source_sentences(
    doc: Document, quotes: Sequence[Quote], entities: Sequence[Entity]
) -> list[Sourcing]:
    """One Sourcing per claim-bearing sentence, in text order."""
    text = doc.text
    out: list[Sourcing] = []
    for sent in _claims(doc):
        covering = [q for q in quotes if overlap(q.span, sent) or (q.cue and overlap(q.cue, sent))]
        cue = _find_unverifiable(text, sent)
        if cue is not None:
            source = _entity_near(entities, sent, cue, text)
            if source is None and covering:
                sp = covering[0].speaker
                source = sp.entity if sp else None
            out.append(Sourcing(sent, "unverifiable", cue, source))
            continue
        if covering:
            q = max(covering, key=lambda q: overlap(q.span, sent))
            out.append(
                Sourcing(
                    sent,
                    speaker_basis(q, entities, doc.layer("syntax")),
                    q.cue,
                    q.speaker.entity if q.speaker else None,
                )
            )
            continue
        out.append(Sourcing(sent, "unattributed"))
    return out


def profile(sourcing: Sequence[Sourcing], text_len: int) -> dict[str, float]:
    """Share of the text (characters) resting on each basis; every basis is a key.

    >>> profile([Sourcing((0, 50), "named"), Sourcing((50, 75), "unattributed")], 100)["named"]
    0.5
    """
    shares = dict.fromkeys(BASES, 0.0)
    if text_len <= 0:
        return shares
    for s in sourcing:
        shares[s.basis] += (s.span[1] - s.span[0]) / text_len
    return {k: round(v, 4) for k, v in shares.items()}


class SourcingStage:
    """Adds ``sourcing``: list[Sourcing], one per claim-bearing sentence."""

    name = "sourcing"
    needs = ("quotes", "entities", "anatomy", "syntax")
    adds = "sourcing"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def run(self, doc: Document) -> list[Sourcing]:
        quotes: list[Quote] = list(doc.layer("quotes") or [])
        entities: list[Entity] = list(doc.layer("entities") or [])
        return source_sentences(doc, quotes, entities)
