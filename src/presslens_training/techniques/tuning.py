"""Choosing decoding knobs on the ``tune`` articles (never ``val``); no torch needed.

:func:`best_decode` is the one SI grid search: training's epoch scores, export, the
lexical mix and the ensemble weight all call it with their own probabilities and grid;
:func:`tune_decode` picks threshold, gap, minimum length and peak on SI F1 with it.
Nested spans (a confident core inside a long span, or a run the tagger's technique
head names) overlap spans already found, so they leave SI unchanged and
:func:`best_nesting` chooses them on the joint span + technique score. Export, the
technique-head upgrade and the lexical-mix tuning all end in :func:`best_nesting`, so
the knobs that ship are chosen the same way whichever step wrote them last.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from presslens.corpora import ptc
from presslens.corpora.ptc import Article
from presslens.eval.spans import PRF, joint_score, si_score
from presslens.techniques.decode import DecodeParams, decode
from presslens.techniques.model import Predictor, load_predictor
from presslens.techniques.windows import Window, line_sentences

CORES = (0.0, 0.5, 0.6, 0.7)
LABELLED = (0.0, 0.3, 0.4, 0.5, 0.6)

Cached = tuple[Article, Sequence[Window], list[np.ndarray], list[np.ndarray] | None]
"""An article, its tagger windows and the tagger's outputs on them (``tag_outputs``)."""
Probabilities = tuple[Article, Sequence[Window], list[np.ndarray]]
"""An article, its tagger windows and the per-piece probabilities span detection reads."""


def decode_grid(
    thresholds: Iterable[float],
    gaps: Iterable[int],
    min_chars: Iterable[int],
    peaks: Iterable[float] = (0.0,),
) -> list[DecodeParams]:
    """Every combination of the span-detection knobs (nesting knobs left off)."""
    return [DecodeParams(*knobs) for knobs in itertools.product(thresholds, gaps, min_chars, peaks)]


def best_decode(
    probabilities: Sequence[Probabilities], grid: Iterable[DecodeParams]
) -> tuple[PRF, DecodeParams]:
    """The SI score and knobs of the grid point with the best SI F1 (first on ties)."""
    gold = [(a.id, g.start, g.end) for a, *_ in probabilities for g in a.spans]
    best: tuple[PRF, DecodeParams] | None = None
    for params in grid:
        pred = [
            (a.id, s, e)
            for a, windows, probs in probabilities
            for (s, e), _ in decode(a.text, windows, probs, params)
        ]
        score = si_score(pred, gold)
        if best is None or score.f1 > best[0].f1:
            best = (score, params)
    if best is None:
        raise ValueError("empty decoding grid")
    return best


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
    mixed = []  # what span detection reads: the tagger mixed with the lexical model, if any
    for a in ptc.load_split("tune"):
        windows = predictor.windows(a.text, line_sentences(a.text))
        raw, techs = predictor.tag_outputs(windows)
        cached.append((a, windows, raw, techs))
        mixed.append((a, windows, predictor.mix(a.text, windows, raw)))
    grid = decode_grid(
        (0.25, 0.3, 0.35, 0.4, 0.45), (1, 2, 3), (4, 8, 12, 16), (0.0, 0.4, 0.5, 0.6)
    )
    si, params = best_decode(mixed, grid)
    best_joint = best_nesting(predictor, cached, params)
    return {
        **asdict(best_joint[1]),
        "tune_si_f1": round(si.f1, 4),
        "tune_joint_f1": round(best_joint[0], 4),
    }
