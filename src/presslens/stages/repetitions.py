"""The ``repetitions`` stage: passages a document repeats (:mod:`presslens.repetitions`)."""

from __future__ import annotations

from presslens.document import Anatomy, Document, Repetition
from presslens.repetitions import MIN_WORDS, find_repetitions
from presslens.settings import Settings


class RepetitionsStage:
    """Adds ``repetitions``: one record per passage the document repeats."""

    name = "repetitions"
    needs = ("anatomy",)
    adds = "repetitions"

    def __init__(self, settings: Settings):
        self.min_words = MIN_WORDS

    def run(self, doc: Document) -> list[Repetition]:
        anatomy: Anatomy | None = doc.layer("anatomy")
        boilerplate = anatomy.boilerplate if anatomy else ()
        sentences = anatomy.sentences if anatomy else ()
        return find_repetitions(
            doc.text, boilerplate=boilerplate, sentences=sentences, min_words=self.min_words
        )
