"""The ``techniques`` stage: persuasion-technique spans, linked to the quote they sit in.

Spans come from the shipped model (:mod:`presslens.techniques.model`; ONNX, no torch) over sentence
windows, so articles of any length are read whole. Repetition is a property of the
document, which a window cannot see: every passage the ``repetitions`` layer found
more than once is tagged ``Repetition`` as well, beside what the model says; and
pejorative designations ("the criminal regime", "the X regime"), which PTC's
annotators mostly left unmarked, are tagged ``Name_Calling,Labeling`` by rule
(:mod:`presslens.techniques.designations`). A
technique span inside a quotation names that quote (the innermost one), so views can
say who used it: the outlet in its own voice or a quoted speaker.

The model reads English. Russian and Ukrainian documents are read by the UNLP-2025
manipulation model: the ``manipulation`` stage's layer holds that reading, and this
stage reports its passages; other languages get an empty layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from presslens.document import Anatomy, Document, Quote, Repetition, Span, TechniqueSpan
from presslens.long_runs import blank_long_runs
from presslens.manipulation.reading import LANGUAGES as MANIPULATION_LANGUAGES
from presslens.manipulation.reading import Manipulation
from presslens.settings import Settings
from presslens.techniques.designations import NAME_CALLING, find_designations
from presslens.techniques.designations import SCORE as DESIGNATION_SCORE
from presslens.techniques.labels import trim_span
from presslens.techniques.model import shared_predictor
from presslens.techniques.voice import quote_of  # re-exported: the stage's quote linking
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


def combine(
    model_spans: Iterable[tuple[Span, str, float]],
    repeated: Iterable[Span],
    designations: Iterable[Span] = (),
) -> list[tuple[Span, str, float]]:
    """Model spans plus Repetition on repeated passages and Name_Calling on designations
    (:mod:`presslens.techniques.designations`), without duplicate (span, label)."""
    best: dict[tuple[Span, str], float] = {}
    extra = [(s, REPETITION, REPETITION_SCORE) for s in repeated]
    extra += [(s, NAME_CALLING, DESIGNATION_SCORE) for s in designations]
    for span, technique, score in (*model_spans, *extra):
        best[(span, technique)] = max(score, best.get((span, technique), 0.0))
    return sorted(((s, t, p) for (s, t), p in best.items()), key=lambda x: (x[0], x[1]))


class TechniquesStage:
    """Adds ``techniques``: ``list[TechniqueSpan]`` with PTC technique names."""

    name = "techniques"
    needs: tuple[str, ...] = ("anatomy", "repetitions", "quotes", "language", "manipulation")
    adds = "techniques"

    def __init__(self, settings: Settings):
        self.model_dir = settings.techniques_model
        self.threshold = settings.techniques_threshold

    def run(self, doc: Document) -> list[TechniqueSpan]:
        language = doc.layer("language")
        if language in MANIPULATION_LANGUAGES:  # read by the manipulation stage's model
            reading: Manipulation | None = doc.layer("manipulation")
            return list(reading.spans) if reading is not None else []
        if language not in (None, "en") or not doc.text.strip():
            return []
        predictor = shared_predictor(self.model_dir, self.threshold)
        found = predictor.analyse(blank_long_runs(doc.text), sentences_of(doc))  # #12
        repeated = repetition_spans(doc.text, doc.layer("repetitions") or ())
        designations = find_designations(doc.text)
        quotes: Sequence[Quote] = doc.layer("quotes") or ()
        return [
            TechniqueSpan(
                span=span, technique=technique, score=round(score, 4), quote=quote_of(span, quotes)
            )
            for span, technique, score in combine(found, repeated, designations)
        ]
