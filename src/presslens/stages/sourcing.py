"""The ``sourcing`` stage: the basis of each claim-bearing sentence.

The rules live in :mod:`presslens.attribution.sourcing`.
"""

from __future__ import annotations

from presslens.attribution.lexicon import for_language
from presslens.attribution.sourcing import claim_sentences, source_sentences
from presslens.document import Document, Entity, Quote, Sourcing
from presslens.settings import Settings


class SourcingStage:
    """Adds ``sourcing``: list[Sourcing], one per claim-bearing sentence."""

    name = "sourcing"
    needs = ("quotes", "uncredited_quotes", "entities", "anatomy", "syntax", "language")
    adds = "sourcing"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def run(self, doc: Document) -> list[Sourcing]:
        # An uncredited quotation is someone's words, not the outlet's (no cue, no speaker).
        quotes: list[Quote] = doc.quotations
        entities: list[Entity] = list(doc.layer("entities") or [])
        lexicon = for_language(doc.layer("language"))
        if lexicon is not None:  # Russian, Ukrainian: the same rules with the language's words
            from presslens.attribution.bases import source_sentences as with_lexicon

            sdoc = doc.layer("syntax")
            return with_lexicon(doc.text, claim_sentences(doc), quotes, entities, sdoc, lexicon)
        return source_sentences(doc, quotes, entities)
