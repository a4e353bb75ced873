"""Coreference-lite: which document entity a speaker phrase stands for.

Why "lite": full coreference needs a model we do not ship; news attribution needs
far less. A speaker is (1) a phrase naming an entity (its head word inside one of
the entity's mentions; "the SVR press office" -> the SVR through the owner named
inside it, unless a name stands in apposition to the head: "X's campaign manager,
Robby Mook," -> Robby Mook), (2) a pronoun -> the nearest preceding compatible entity
(he/she -> a person, it/they -> an organisation), (3) a definite nominal that takes
up a title the text gave a person before ("President Donald Trump ... the president
said") -> that person, or (4) another definite nominal ("the press office", "the
statement", "the agency") -> the organisation that last spoke, else the nearest
organisation mentioned before that was no route ('... told Reuters. In a statement, the
ministry said' is not Reuters's statement); a person's title ('the minister') and a news
report name no body. Indefinite or plural nominals ("a
source", "officials") stay unresolved: they are anonymous. Rules look only at
grammar and entity types, never at names, so swapping parties changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from presslens.document import Entity, Span
from presslens.entities.titles import is_title_word

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
INDEFINITE = frozenset(
    {"a", "an", "one", "some", "several", "many", "two", "three", "other", "another"}
)
DEFINITE = frozenset({"the", "its", "this", "that", "their"})
ORG_TYPES = frozenset({"ORG", "NORP", "GPE", "ORGANIZATION"})


@dataclass
class History:
    """Speakers resolved so far in the document, in text order."""

    speakers: list[tuple[int, str]] = field(default_factory=list)  # (position, entity id)
    # Organisations words were given to ('told Reuters'): the medium, never the body a
    # later 'the ministry' stands for.
    routes: set[str] = field(default_factory=set)


def _types(entities: Sequence[Entity]) -> dict[str, str]:
    return {e.id: e.type for e in entities}


def _mention_entity(entities: Sequence[Entity], char: int) -> str | None:
    for e in entities:
        for s, t in e.mentions:
            if s <= char < t:
                return e.id
    return None


def _nearest_before(entities: Sequence[Entity], at: int, types: frozenset[str]) -> str | None:
    best: tuple[int, str] | None = None
    for e in entities:
        if e.type not in types:
            continue
        for s, _ in e.mentions:
            if s < at and (best is None or s > best[0]):
                best = (s, e.id)
    return best[1] if best else None


def _resolve_phrase(entities: Sequence[Entity], span: Span, text: str) -> str | None:
    try:
        from presslens.entities import resolve_mention
    except ImportError:  # the entities package is optional for this stage
        return None
    return resolve_mention(entities, span, text)


_SEEING = frozenset({"see", "obtain", "review", "view", "examine"})
# People who speak for a body by office: 'the ministry's spokesman' is the ministry's.
_REPRESENTATIVES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})


def _unnamed_people(head: Any) -> bool:
    """Whether the phrase is headed by a generic people noun ('officials', 'a source',
    'an aide'): an unnamed source stays unlinked, whatever place or body it is placed in
    (linking 'officials in Moscow' to Moscow showed the quote as Moscow's)."""
    from presslens.attribution.sourcing import PEOPLE_NOUNS  # (sourcing imports this module)

    lemma = head.lemma_.lower()
    return (
        head.pos_ == "NOUN"
        and (lemma in PEOPLE_NOUNS or head.lower_ in PEOPLE_NOUNS)
        and lemma not in _REPRESENTATIVES
    )


def _agents_below(head: Any) -> list[Span]:
    """Character ranges of the 'by X' agents inside a speaker phrase ('documents seen by
    Reuters', 'a letter obtained by the newspaper'): who saw the papers is not who
    speaks through them ('a statement released by X' is X's)."""
    out = []
    for t in head.subtree:
        if t.dep_ == "agent" and t.head.i != head.i and t.head.lemma_ in _SEEING:
            sub = list(t.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return out


_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across"})


def _places_below(head: Any) -> list[Span]:
    """Character ranges of where the speaker sits ('the Russian embassy in Washington',
    'the company's office in Kyiv'): a place the body is in is not the body that
    speaks."""
    out = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _LOCATIVE:
            sub = list(c.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return out


def _appositive_entity(head: Any, span: Span, entities: Sequence[Entity]) -> str | None:
    """The person or body named in apposition to a speaker phrase's head: in
    "Hillary Clinton's campaign manager, Robby Mook," the speaker is Robby Mook, not
    the owner named first."""
    for child in head.children:
        if child.dep_ != "appos" or not span[0] <= child.idx < span[1]:
            continue
        eid = _mention_entity(entities, child.idx)
        if eid is not None and _types(entities).get(eid) in ORG_TYPES | {"PERSON"}:
            return eid
    return None


# A title's abbreviations as the nominal that takes it up spells them ('Gov. Brown ...
# the governor said').
_TITLE_WORDS = {
    "gov.": "governor",
    "sen.": "senator",
    "rep.": "representative",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "adm.": "admiral",
    "sgt.": "sergeant",
    "sec.": "secretary",
    "atty.": "attorney",
    "pres.": "president",
}


def _title_words(title: str) -> list[str]:
    return [_TITLE_WORDS.get(w, w) for w in title.lower().replace("'s", "").split()]


def _title_head(words: list[str]) -> str:
    """The word a title is about: the last, or the one before 'of' ('secretary of state')."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _titled_before(entities: Sequence[Entity], words: list[str], head: str, at: int) -> str | None:
    """The person last named before ``at`` with a title the definite nominal ``words``
    (without its article) takes up: 'President Donald Trump ... The president said',
    'Defence Minister Anna Berg ... the minister added'. Every word of the nominal
    must be in the title ('the former president' takes up no 'President'), its head
    ``head`` the title's (:func:`_title_head`). Why: the text itself says who holds the
    title; no list of office holders, and the same rule for every party."""
    said = [w.strip(",.;:").lower() for w in words if w.strip(",.;:")]
    if not said:
        return None
    best: tuple[int, str] | None = None
    for e in entities:
        if e.type != "PERSON":
            continue
        for title in e.titles:
            held = _title_words(title)
            if not held or _title_head(held) != head or not set(said) <= set(held):
                continue
            for s, _ in e.mentions:
                if s < at and (best is None or s > best[0]):
                    best = (s, e.id)
    return best[1] if best else None


def resolve_speaker(
    span: Span | None,
    head: Any | None,
    text: str,
    entities: Sequence[Entity],
    history: History,
) -> str | None:
    """The entity id ``span`` (with head token ``head``) refers to, or None."""
    if span is None or not entities:
        return None
    types = _types(entities)
    words = text[span[0] : span[1]].split()
    first = words[0].lower() if words else ""
    lower = text[span[0] : span[1]].lower().strip()
    if lower in PERSON_PRONOUNS:
        return _nearest_before(entities, span[0], frozenset({"PERSON"}))
    if lower in GROUP_PRONOUNS:
        for _, eid in reversed(history.speakers):
            if types.get(eid) in ORG_TYPES:
                return eid
        return _nearest_before(entities, span[0], ORG_TYPES)
    if head is not None:
        eid = _mention_entity(entities, head.idx)
        if eid is not None:
            return eid
        eid = _appositive_entity(head, span, entities)
        if eid is not None:
            return eid
        if any(c.dep_ == "conj" and span[0] <= c.idx < span[1] for c in head.children):
            return None  # 'Zelensky and Macron said': several speakers, none of them alone
        if _unnamed_people(head):
            return None  # 'officials in X', 'a Treasury official': anonymous wherever placed
    seen_by = [*_agents_below(head), *_places_below(head)] if head is not None else []
    inside = [
        e.id
        for e in entities
        for s, t in e.mentions
        if span[0] <= s and t <= span[1] and not any(a <= s < b for a, b in seen_by)
    ]
    if inside:
        # "the SVR press office", "the ministry's spokesman": the owner named inside.
        return inside[-1] if len(set(inside)) == 1 else _resolve_phrase(entities, span, text)
    if first in INDEFINITE or (head is not None and head.tag_ in ("NNS", "NNPS")):
        return None
    if first == "the" and head is not None and head.pos_ == "NOUN":
        eid = _titled_before(entities, words[1:], head.lower_, span[0])
        if eid is not None:
            return eid
    own = (span[0], min([a for a, _ in seen_by if span[0] <= a < span[1]] or [span[1]]))
    eid = _resolve_phrase(entities, own, text)  # the phrase without where it sits
    if eid is not None:
        return eid
    if first in DEFINITE and head is not None and head.pos_ == "NOUN":
        if any(c.dep_ in _DESCRIBED for c in head.children):
            return None  # 'the Russian embassy in Washington': a description, no anaphor
        if is_title_word(head.lower_) and head.lower_ not in _SPEAK_FOR_A_BODY:
            return None  # 'the minister': a person no title before names, not a body
        if head.lemma_.lower() in _MEDIA_PRODUCTS:
            return None  # 'the report, which cited ...': an outlet's story, not a body's
        for _, eid in reversed(history.speakers):
            if types.get(eid) in ORG_TYPES:
                return eid
        bodies = [e for e in entities if e.id not in history.routes]
        return _nearest_before(bodies, span[0], ORG_TYPES)
    return None


_MEDIA_PRODUCTS = frozenset({"report", "story", "article", "reporting", "piece"})
# What makes a definite nominal a description of its own rather than a word taking up a
# body named before: an adjective ('the Russian embassy') or a prepositional phrase.
_DESCRIBED = frozenset({"amod", "prep", "nmod"})
_SPEAK_FOR_A_BODY = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})


def resolve_addressee(
    token: Any | None, entities: Sequence[Entity], speaker: str | None
) -> str | None:
    """The organisation a statement was given to ("told TASS"), if it is an entity."""
    if token is None or not entities:
        return None
    eid = _mention_entity(entities, token.idx)
    if eid is None or eid == speaker:
        return None
    return eid if _types(entities).get(eid) in ORG_TYPES - {"GPE"} else None
