"""Choosing decoding knobs on the ``tune`` articles (never ``val``); no torch needed.

:func:`tune_decode` picks threshold, gap, minimum length and peak on SI F1.
Nested spans (a confident core inside a long span, or a run the tagger's technique
head names) overlap spans already found, so they leave SI unchanged and
:func:`best_nesting` chooses them on the joint span + technique score. Export, the
technique-head upgrade and the lexical-mix tuning all end in :func:`best_nesting`, so
the knobs that ship are chosen the same way whichever step wrote them last.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from presslens.corpora import ptc
from presslens.corpora.ptc import Article
from presslens.eval.spans import joint_score, si_score
from presslens.techniques.decode import DecodeParams, decode
from presslens.techniques.model import Predictor, load_predictor
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


def tune_decode(model_dir: Path) -> dict[str, Any]:
    """Best decoding knobs on the held-out ``tune`` train articles, default variant.

    Threshold, gap, minimum length and peak maximise SI F1; the nested ``core`` and
    technique-head ``labelled`` runs change only span + technique results, so they
    maximise the joint F1.
    """
    predictor = load_predictor(model_dir)
    cached = []
    gold = []
    mixed = []  # what span detection reads: the tagger mixed with the lexical model, if any
    for a in ptc.load_split("tune"):
        windows = predictor.windows(a.text, line_sentences(a.text))
        raw, techs = predictor.tag_outputs(windows)
        cached.append((a, windows, raw, techs))
        mixed.append((a, windows, predictor.mix(a.text, windows, raw)))
        gold.extend((a.id, g.start, g.end) for g in a.spans)
    best: tuple[float, DecodeParams] | None = None
    for t in (0.25, 0.3, 0.35, 0.4, 0.45):
        for peak in (0.0, 0.4, 0.5, 0.6):
            for gap in (1, 2, 3):
                for min_chars in (4, 8, 12, 16):
                    params = DecodeParams(t, gap, min_chars, peak)
                    pred = [
                        (a.id, s, e)
                        for a, w, p in mixed
                        for (s, e), _ in decode(a.text, w, p, params)
                    ]
                    f1 = si_score(pred, gold).f1
                    if best is None or f1 > best[0]:
                        best = (f1, params)
    assert best is not None
    params = best[1]
    best_joint = best_nesting(predictor, cached, params)
    return {
        **asdict(best_joint[1]),
        "tune_si_f1": round(best[0], 4),
        "tune_joint_f1": round(best_joint[0], 4),
    }
