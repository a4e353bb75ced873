"""Choosing the nested-span knobs (``core``, ``labelled``) on the ``tune`` articles.

Nested spans (a confident core inside a long span, or a run the tagger's technique
head names) overlap spans already found, so they leave SI unchanged and are chosen on
the joint span + technique score. Export and the lexical-mix tuning both end here, so
the knobs that ship are chosen the same way whichever step wrote them last.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from presslens.corpora.ptc import Article
from presslens.eval.spans import joint_score
from presslens.techniques.decode import DecodeParams
from presslens.techniques.model import Predictor
from presslens.techniques.windows import Window, line_sentences

CORES = (0.0, 0.5, 0.6, 0.7)
LABELLED = (0.0, 0.3, 0.4, 0.5, 0.6)

Cached = tuple[Article, Sequence[Window], list[np.ndarray], list[np.ndarray] | None]
"""An article, its tagger windows and the tagger's outputs on them (``tag_outputs``)."""


def best_nesting(
    predictor: Predictor, cached: Sequence[Cached], params: DecodeParams
) -> tuple[float, DecodeParams]:
    """The ``core`` and ``labelled`` knobs (added to ``params``) with the best joint F1."""
    gold = [(a.id, g.technique, g.start, g.end) for a, *_ in cached for g in a.spans]
    labelled_grid = LABELLED if predictor.tech_w is not None else (0.0,)
    best: tuple[float, DecodeParams] | None = None
    for core in CORES:
        for labelled in labelled_grid:
            knobs = dataclasses.replace(params, core=core, labelled=labelled)
            trial = dataclasses.replace(predictor, params=knobs)
            pred = []
            for article, windows, raw, techs in cached:
                text = article.text
                found = trial.spans_from(text, windows, raw, techs)
                labelled_spans = trial.label(text, line_sentences(text), *found)
                pred.extend((article.id, t, s, e) for (s, e), t, _ in labelled_spans)
            f1 = joint_score(pred, gold).f1
            if best is None or f1 > best[0]:
                best = (f1, knobs)
    assert best is not None
    return best
