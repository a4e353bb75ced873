"""The ``uncredited_quotes`` stage: quotations credited to nobody.

The rule lives in :mod:`presslens.attribution.uncredited`; this stage feeds it the
``quotes`` layer and the same regions the quotes stage reads (paragraphs without
the dateline, byline and boilerplate).
"""

from __future__ import annotations

from presslens.attribution.lexicon import for_language
from presslens.attribution.uncredited import uncredited_quotes
from presslens.document import Document, Quote
from presslens.settings import Settings
from presslens.stages.quotes import furniture, paragraphs_of


class UncreditedQuotesStage:
    """Adds ``uncredited_quotes``: list[Quote] with ids ``u1``, ``u2``, ..., no cue, no speaker."""

    name = "uncredited_quotes"
    needs = ("quotes", "anatomy", "syntax", "language")
    adds = "uncredited_quotes"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def run(self, doc: Document) -> list[Quote]:
        if doc.has("syntax") and doc.layer("syntax") is None:
            return []  # no parse: no quotes were read, so none is known to be uncredited
        anatomy = doc.layer("anatomy")
        paras = paragraphs_of(anatomy)
        excluded, bounded = furniture(anatomy)
        nested = for_language(doc.layer("language")) is not None
        quotes = list(doc.layer("quotes") or [])
        return uncredited_quotes(doc.text, quotes, paras, excluded, bounded, nested)
