"""The `syntax` stage: tokens, sentences, parse and named entities from spaCy.

Its layer holds a spaCy ``Doc`` over the document's text (character offsets are
shared with ``Document.text``). It is an internal layer: the JSON contract does not
serialise it, but the entities and attribution stages read it, so the text is
parsed once.

spaCy's models are English. For other languages the layer is ``None`` and stages
that read it degrade to their rule-based parts.
"""

from __future__ import annotations

from typing import Any

from presslens.document import Document
from presslens.models import spacy_pipeline
from presslens.settings import Settings


class SyntaxStage:
    name = "syntax"
    needs = ("language",)
    adds = "syntax"

    def __init__(self, settings: Settings):
        self.model = settings.spacy_model

    def run(self, doc: Document) -> Any:
        language = doc.layer("language")
        if language not in (None, "en"):
            return None
        return spacy_pipeline(self.model)(doc.text)
