"""Scores the techniques model on presslens's PTC validation split.

What ``presslens eval techniques`` prints: SemEval-2020 span identification (SI) F1,
technique classification (TC) micro-F1 on gold spans, the joint span+technique
score, and P/R/F1 per technique (TC on gold spans, and joint). The model reads each
article with PTC's own sentence lines, as in training; the document-level
Repetition rule of the stage is not part of these numbers (it needs the
``repetitions`` layer); its designation rule is, unless ``designations`` is off (the
model alone).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from presslens.corpora import ptc
from presslens.eval.bootstrap import LEVEL, RESAMPLES, f1_intervals
from presslens.eval.spans import (
    PRF,
    joint_by_technique,
    joint_sums,
    prf_of,
    si_sums,
    tc_score,
)
from presslens.techniques.designations import NAME_CALLING, find_designations
from presslens.techniques.model import Predictor, rank_labels
from presslens.techniques.windows import line_sentences


@dataclass
class TechniquesReport:
    split: str
    articles: int
    gold_spans: int
    predicted_spans: int
    si: PRF
    tc_micro: PRF
    joint: PRF
    tc_per_technique: dict[str, PRF] = field(default_factory=dict)
    joint_per_technique: dict[str, PRF] = field(default_factory=dict)
    seconds: float = 0.0
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)
    """95% intervals of the ``si``, ``tc_micro`` and ``joint`` F1 over article resamples
    (:mod:`presslens.eval.bootstrap`): how far the split's size lets the scores move."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def evaluate(
    predictor: Predictor, split: str = "val", designations: bool = True
) -> TechniquesReport:
    """Run ``predictor`` over the split's articles and score SI, TC and joint.

    With ``designations`` the rule-found Name_Calling spans the stage adds
    (:mod:`presslens.techniques.designations`) are scored too, as shipped.
    """
    started = time.perf_counter()
    articles = ptc.load_split(split)
    gold = [(a.id, g.technique, g.start, g.end) for a in articles for g in a.spans]
    pred_joint: list[tuple[str, str, int, int]] = []
    pred_tc: list[tuple[str, str, int, int]] = []
    for article in articles:
        sentences = line_sentences(article.text)
        tagged = predictor.tagged(article.text, sentences)  # one encoder pass, read twice
        found = predictor.spans_from(article.text, *tagged) if tagged[0] else ([], [])
        for (start, end), technique, _ in predictor.label(
            article.text, sentences, *found, tagged=tagged
        ):
            pred_joint.append((article.id, technique, start, end))
        if designations:
            pred_joint.extend(
                (article.id, NAME_CALLING, s, e) for s, e in find_designations(article.text)
            )
        spans = [(g.start, g.end) for g in article.spans]
        scores = predictor.technique_scores(article.text, sentences, spans, tagged)
        labels = rank_labels(scores, spans)
        pred_tc.extend((article.id, t, s, e) for t, (s, e) in zip(labels, spans, strict=True))
    tc = tc_score(pred_tc, gold)
    sums = {
        "si": si_sums([(a, s, e) for a, _, s, e in pred_joint], [(a, s, e) for a, _, s, e in gold]),
        "tc_micro": tc.articles,
        "joint": joint_sums(pred_joint, gold),
    }
    return TechniquesReport(
        split=split,
        articles=len(articles),
        gold_spans=len(gold),
        predicted_spans=len(pred_joint),
        si=prf_of(sums["si"].values()),
        tc_micro=tc.micro,
        joint=prf_of(sums["joint"].values()),
        tc_per_technique=tc.per_technique,
        joint_per_technique=joint_by_technique(pred_joint, gold),
        seconds=round(time.perf_counter() - started, 1),
        intervals=f1_intervals(sums, [a.id for a in articles]),
    )


INTERVAL_WORDS = f"{LEVEL:.0%} interval over {RESAMPLES} article resamples"
"""How reports name :attr:`TechniquesReport.intervals`."""
