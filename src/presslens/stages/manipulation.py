"""The ``manipulation`` stage: the UNLP-2025 reading of a Russian or Ukrainian document.

The manipulation model (:mod:`presslens.manipulation`) reads a whole document at once
and gives both its manipulative passages and the techniques of the document as a whole
(the data labels techniques per post, not per passage). This stage keeps that reading as
its layer; the ``techniques`` stage reports the passages, the contract's additive
``manipulation`` field the document-level techniques. Other languages get ``None``.
"""

from __future__ import annotations

from presslens.document import Anatomy, Document
from presslens.manipulation.reading import LANGUAGES, Manipulation, read
from presslens.settings import Settings, get_settings


class ManipulationStage:
    """Adds ``manipulation``: a :class:`~presslens.manipulation.reading.Manipulation` or None."""

    name = "manipulation"
    needs: tuple[str, ...] = ("anatomy", "quotes", "uncredited_quotes", "language")
    adds = "manipulation"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def run(self, doc: Document) -> Manipulation | None:
        if doc.layer("language") not in LANGUAGES or not doc.text.strip():
            return None
        anatomy: Anatomy | None = doc.layer("anatomy")
        boilerplate = anatomy.boilerplate if anatomy is not None else ()
        vectors = (self.settings or get_settings()).sentence_vectors
        _, reading = read(
            doc.text,
            doc.layer("language"),
            doc.quotations,
            boilerplate,
            sentence_vectors=vectors,
        )
        return reading
