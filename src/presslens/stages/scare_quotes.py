"""The ``scare_quotes`` stage: short quoted phrases that are nobody's speech.

The rule lives in :mod:`presslens.attribution.scare`; this stage feeds it the
``quotes`` layer and the anatomy's paragraphs.
"""

from __future__ import annotations

from presslens.attribution.scare import scare_quotes
from presslens.document import Document, Span
from presslens.settings import Settings
from presslens.stages.quotes import paragraphs_of


class ScareQuotesStage:
    """Adds ``scare_quotes``: list of (start, end) content spans."""

    name = "scare_quotes"
    needs = ("quotes", "anatomy", "syntax")
    adds = "scare_quotes"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def run(self, doc: Document) -> list[Span]:
        if doc.has("syntax") and doc.layer("syntax") is None:
            return []  # no parse (not English): quotes are unknown, so nothing is "nobody's"
        anatomy = doc.layer("anatomy")
        paras = paragraphs_of(anatomy)
        return scare_quotes(doc.text, list(doc.layer("quotes") or []), paras)
