"""The ``techniques`` stage: persuasion-technique spans, linked to the quote they sit in.

Spans come from the shipped model (:mod:`presslens.techniques.model`; ONNX, no torch,
one encoder pass) over sentence windows, so articles of any length are read whole.
Pejorative designations ("the criminal regime", "the X regime"), which PTC's
annotators mostly left unmarked, are tagged ``Name_Calling,Labeling`` by rule
(:mod:`presslens.techniques.designations`). A technique span inside a quotation names
that quote (the innermost one), so views can say who used it: the outlet in its own
voice or a quoted speaker.

Passages the ``repetitions`` layer finds are not copied in as ``Repetition``: PTC's
annotators mark a repeated slogan, label or loaded word (half of the train spans are
one word, 86% at most four; one of 621 is a whole repeated sentence), not a passage a
page prints twice, and cross-validation over the articles the encoder never saw scored
that rule below the model alone (``MODEL_CARD.md``). A headline or standfirst that
copies body text is page layout, not the author's rhetoric: no ``Repetition`` span of
the model's lies inside such a copy or in the body text it copies
(:func:`layout_copies`); the ``repetitions`` layer still reports the copy.

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
from presslens.techniques.model import shared_predictor
from presslens.techniques.voice import quote_of  # re-exported: the stage's quote linking
from presslens.techniques.windows import split_sentences

REPETITION = "Repetition"


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


def layout_copies(anatomy: Anatomy | None, repetitions: Iterable[Repetition]) -> list[Span]:
    """Every occurrence of a repeated passage one of whose copies is the headline or the
    standfirst (or lies in them): a page-layout copy, never a ``Repetition``."""
    furniture = [s for s in (anatomy.headline, anatomy.standfirst) if s] if anatomy else []
    out: list[Span] = []
    for repetition in repetitions:
        if any(a < f[1] and f[0] < b for a, b in repetition.spans for f in furniture):
            out.extend(repetition.spans)
    return out


def combine(
    model_spans: Iterable[tuple[Span, str, float]],
    designations: Iterable[Span] = (),
    copies: Sequence[Span] = (),
) -> list[tuple[Span, str, float]]:
    """Model spans plus Name_Calling on designations
    (:mod:`presslens.techniques.designations`), without duplicate (span, label), and
    without a ``Repetition`` inside a layout copy (:func:`layout_copies`)."""
    best: dict[tuple[Span, str], float] = {}
    extra = [(s, NAME_CALLING, DESIGNATION_SCORE) for s in designations]
    for span, technique, score in (*model_spans, *extra):
        if technique == REPETITION and any(c[0] <= span[0] and span[1] <= c[1] for c in copies):
            continue
        best[(span, technique)] = max(score, best.get((span, technique), 0.0))
    return sorted(((s, t, p) for (s, t), p in best.items()), key=lambda x: (x[0], x[1]))


class TechniquesStage:
    """Adds ``techniques``: ``list[TechniqueSpan]`` with PTC technique names."""

    name = "techniques"
    needs: tuple[str, ...] = (
        "anatomy",
        "repetitions",
        "quotes",
        "uncredited_quotes",
        "language",
        "manipulation",
    )
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
        copies = layout_copies(doc.layer("anatomy"), doc.layer("repetitions") or ())
        designations = find_designations(doc.text)
        quotes: Sequence[Quote] = doc.quotations
        return [
            TechniqueSpan(
                span=span, technique=technique, score=round(score, 4), quote=quote_of(span, quotes)
            )
            for span, technique, score in combine(found, designations, copies)
        ]
