"""The `entities` stage: people, organisations and places, every mention merged.

Mentions come from the ``syntax`` layer (spaCy, English) and from the anatomy's
dateline for any language; Russian and Ukrainian documents take their own path
(:mod:`presslens.entities.cyrillic`: natasha, the NER-UK tagger, base forms),
chosen by the document's language. Acronym definitions add aliases, mentions inside
boilerplate are dropped, mentions are merged by symmetric rules
(:mod:`presslens.entities.merge`), and every further occurrence of a known name
becomes a mention (:mod:`presslens.entities.propagate`); organisation mentions
widen over the unit that speaks for them (:mod:`presslens.entities.parts`).
"""

from __future__ import annotations

from typing import Any

from presslens.document import Anatomy, Document, Entity
from presslens.entities import cyrillic, english
from presslens.entities.acronyms import define_acronyms
from presslens.entities.build import to_entities
from presslens.entities.dateline import dateline_mentions, with_dateline
from presslens.entities.mention import Mention, inside_any
from presslens.entities.merge import merge
from presslens.entities.parts import with_org_parts
from presslens.entities.propagate import propagate
from presslens.settings import Settings

_PROPER_TAGS = frozenset({"NNP", "NNPS"})


def _proper_at(doc: Any) -> Any:
    """Whether spaCy tags the word at a character offset as a proper noun.

    A word glued to punctuation in one token ("/TASS/." in a dateline) has no tag
    of its own and is accepted.
    """
    from spacy.attrs import IDX

    # Offsets from one array rather than a Token per word (most are never asked about).
    starts = dict(zip(doc.to_array(IDX).tolist(), range(len(doc)), strict=True))

    def check(at: int) -> bool:
        i = starts.get(at)
        if i is not None:
            return doc[i].tag_ in _PROPER_TAGS
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        return span is not None and len(span) == 1 and not span[0].is_alpha

    return check


def find_entities(
    text: str, syntax: Any = None, language: str | None = None, anatomy: Anatomy | None = None
) -> list[Entity]:
    """Entities of ``text`` given its spaCy Doc (or None), language and anatomy.

    The path follows the language, never the parse: Russian and Ukrainian go to
    :mod:`presslens.entities.cyrillic` whatever ``syntax`` holds.
    """
    if language in cyrillic.LANGUAGES:
        return cyrillic.find_entities(text, language, anatomy)
    anatomy = anatomy or Anatomy()
    skip = anatomy.boilerplate
    from_dateline = dateline_mentions(text, anatomy)
    mentions: list[Mention] = []
    if syntax is not None:
        mentions = english.english_mentions(syntax, {m.name: m.type for m in from_dateline})
    mentions = define_acronyms(text, with_dateline(mentions, from_dateline))
    if syntax is not None:
        mentions = english.of_place_qualifiers(mentions, english.place_words(syntax))
    mentions = [m for m in mentions if not inside_any(m.span, skip)]
    groups = merge(mentions)
    proper_at = _proper_at(syntax) if syntax is not None else None
    groups = propagate(text, groups, skip=skip, proper_at=proper_at)
    if syntax is not None:
        groups = with_org_parts(groups, syntax)
        groups = english.with_person_titles(groups, syntax)
    return to_entities(groups)


class EntitiesStage:
    """Adds ``entities``: a list of :class:`~presslens.document.Entity`."""

    name = "entities"
    needs = ("syntax", "anatomy", "language")
    adds = "entities"

    def __init__(self, settings: Settings):
        self.settings = settings

    def run(self, doc: Document) -> list[Entity]:
        language = doc.layer("language") or doc.metadata.language
        syntax = doc.layer("syntax")  # find_entities chooses its path by language, not by parse
        return find_entities(
            doc.text, syntax=syntax, language=language, anatomy=doc.layer("anatomy")
        )
