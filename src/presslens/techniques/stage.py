"""The ``techniques`` stage: persuasion-technique spans, linked to the quote they sit in.

Spans come from the shipped model (:mod:`.model`; ONNX, no torch) over sentence
windows, so articles of any length are read whole. Repetition is a property of the
document, which a window cannot see: every passage the ``repetitions`` layer found
more than once is tagged ``Repetition`` as well, beside what the model says; and
pejorative designations ("the criminal regime", "the X regime"), which PTC's
annotators mostly left unmarked, are tagged ``Name_Calling,Labeling`` by rule
(:mod:`.designations`). A
technique span inside a quotation names that quote (the innermost one), so views can
say who used it: the outlet in its own voice or a quoted speaker.

The model reads English. Russian and Ukrainian documents are read by the UNLP-2025
manipulation model instead (:mod:`presslens.manipulation.reading`), which also records
the document-level techniques as the ``manipulation`` layer; other languages get an
empty layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from presslens.document import Anatomy, Document, Quote, Repetition, Span, TechniqueSpan
from presslens.manipulation.reading import LANGUAGES as MANIPULATION_LANGUAGES
from presslens.manipulation.reading import read as read_manipulation
from presslens.settings import Settings
from presslens.techniques.designations import NAME_CALLING, find_designations
from presslens.techniques.designations import SCORE as DESIGNATION_SCORE
from presslens.techniques.labels import trim_span
from presslens.techniques.model import shared_predictor
from presslens.techniques.windows import split_sentences

REPETITION = "Repetition"
REPETITION_SCORE = 0.9
"""Score of a span tagged from the ``repetitions`` layer (a verbatim repeat, not a guess)."""


def sentences_of(doc: Document) -> list[Span]:
    """The anatomy's sentences plus headline and standfirst; a plain split without them."""
    anatomy: Anatomy | None = doc.layer("anatomy")
    spans: list[Span] = []
    if anatomy is not None:
        spans = list(anatomy.sentences)
        for extra in (anatomy.headline, anatomy.standfirst):
            if extra and not any(s[0] < extra[1] and extra[0] < s[1] for s in spans):
                spans.append(extra)
    if not spans:
        return split_sentences(doc.text)
    return sorted(spans)


def repetition_spans(text: str, repetitions: Iterable[Repetition]) -> list[Span]:
    """Every occurrence of every repeated passage, trimmed to PTC's boundary rule."""
    out: list[Span] = []
    for repetition in repetitions:
        if len(repetition.spans) < 2:
            continue
        for span in repetition.spans:
            trimmed = trim_span(text, span)
            if trimmed:
                out.append(trimmed)
    return out


def quote_of(span: Span, quotes: Sequence[Quote]) -> str | None:
    """The id of the innermost quote whose content contains ``span``."""
    inside = [q for q in quotes if q.span[0] <= span[0] and span[1] <= q.span[1]]
    if not inside:
        return None
    return min(inside, key=lambda q: q.span[1] - q.span[0]).id


def combine(
    model_spans: Iterable[tuple[Span, str, float]],
    repeated: Iterable[Span],
    designations: Iterable[Span] = (),
) -> list[tuple[Span, str, float]]:
    """Model spans plus Repetition on repeated passages and Name_Calling on designations
    (:mod:`.designations`), without duplicate (span, label)."""
    best: dict[tuple[Span, str], float] = {}
    extra = [(s, REPETITION, REPETITION_SCORE) for s in repeated]
    extra += [(s, NAME_CALLING, DESIGNATION_SCORE) for s in designations]
    for span, technique, score in (*model_spans, *extra):
        best[(span, technique)] = max(score, best.get((span, technique), 0.0))
    return sorted(((s, t, p) for (s, t), p in best.items()), key=lambda x: (x[0], x[1]))


class TechniquesStage:
    """Adds ``techniques``: ``list[TechniqueSpan]`` with PTC technique names."""

    name = "techniques"
    needs: tuple[str, ...] = ("anatomy", "repetitions", "quotes")
    adds = "techniques"

    def __init__(self, settings: Settings):
        self.model_dir = settings.techniques_model
        self.threshold = settings.techniques_threshold

    def run(self, doc: Document) -> list[TechniqueSpan]:
        language = doc.layer("language")
        if language in MANIPULATION_LANGUAGES and doc.text.strip():
            anatomy: Anatomy | None = doc.layer("anatomy")
            boilerplate = anatomy.boilerplate if anatomy is not None else ()
            quotes_ = doc.layer("quotes") or ()
            spans, manipulation = read_manipulation(doc.text, language, quotes_, boilerplate)
            if not doc.has("manipulation"):
                doc.add_layer("manipulation", manipulation)
            return spans
        if language not in (None, "en") or not doc.text.strip():
            return []
        predictor = shared_predictor(self.model_dir, self.threshold)
        found = predictor.analyse(doc.text, sentences_of(doc))
        repeated = repetition_spans(doc.text, doc.layer("repetitions") or ())
        designations = find_designations(doc.text)
        quotes: Sequence[Quote] = doc.layer("quotes") or ()
        return [
            TechniqueSpan(
                span=span, technique=technique, score=round(score, 4), quote=quote_of(span, quotes)
            )
            for span, technique, score in combine(found, repeated, designations)
        ]
