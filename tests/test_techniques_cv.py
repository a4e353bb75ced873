"""Cross-validation of the techniques knobs (:mod:`presslens_training.techniques.cv`).

Synthetic articles with known encoder outputs stand in for the ONNX tagger, so the
fold bookkeeping and the tuning are checked without a model or the corpus.
"""

from __future__ import annotations

import numpy as np

from presslens.corpora.ptc import Article, Gold
from presslens.techniques.decode import DecodeParams
from presslens.techniques.labels import TECHNIQUES
from presslens.techniques.model import Predictor, head_span_probabilities
from presslens.techniques.windows import Window
from presslens_training.techniques import cv

TEXT = "under pressure from the criminal regime in Kiev"
OFFSETS = [(-1, -1), (0, 5), (6, 14), (15, 19), (20, 23), (24, 32), (33, 39), (40, 42), (43, 47)]
OFFSETS.append((-1, -1))
WORDS = np.array([-1, 0, 1, 2, 3, 4, 5, 6, 7, -1])
WINDOW = Window(np.arange(len(WORDS), dtype=np.int64), OFFSETS, WORDS, [(0, len(TEXT))])
NC = TECHNIQUES.index("Name_Calling,Labeling")
N = len(TECHNIQUES)


def _outputs(i: int, labelled: bool) -> cv.ArticleOutputs:
    """Article ``i``: gold Name_Calling on "criminal regime" when ``labelled``, else none;
    the encoder is sure of it exactly where the gold is."""
    gold = [Gold(TECHNIQUES[NC], 24, 39)] if labelled else []
    prob = np.zeros(len(WORDS), dtype=np.float32)
    if labelled:
        prob[5:7] = 0.9
    tech = np.full((len(WORDS), N), 0.01, dtype=np.float32)
    tech[5:7, NC] = 0.9
    spans = [(g.start, g.end) for g in gold]
    return cv.ArticleOutputs(
        Article(f"a{i:02d}", TEXT, gold),
        [(0, len(TEXT))],
        ([WINDOW], [prob], [tech]),
        [np.zeros(len(WORDS), dtype=np.float32)],
        head_span_probabilities([WINDOW], [tech], spans),
        np.full((len(spans), N), 1.0 / N, dtype=np.float32),
        {"designations": [((24, 39), TECHNIQUES[NC])]},
    )


def _predictor() -> Predictor:
    return Predictor(
        backend=None,  # type: ignore[arg-type]  # outputs are given; never called
        tokenizer=None,
        head_w=None,
        head_b=None,
        params=DecodeParams(),
        tech_w=np.eye(N, dtype=np.float32),
        tech_b=np.zeros(N, dtype=np.float32),
    )


def test_folds_partition_the_articles():
    ids = [str(i) for i in range(23)]
    parts = cv.folds(ids, 5)
    assert sorted(i for part in parts for i in part) == sorted(ids)
    assert cv.folds(ids, 5) == parts  # seeded: the same folds every time
    assert parts != cv.folds(ids, 5, seed=1)


def test_cross_validation_finds_separable_spans():
    outputs = [_outputs(i, labelled=i % 3 != 0) for i in range(15)]
    model_alone, with_rule = cv.cross_validate(
        _predictor(), outputs, 5, {"alone": (), "rule": ("designations",)}
    )
    assert len(model_alone.folds) == 5 and len(model_alone.knobs) == 5
    for fold in model_alone.folds:
        assert fold == {"si": 1.0, "tc": 1.0, "joint": 1.0}
    # The rule adds its span in the unlabelled articles too: precision, hence SI, drops.
    assert with_rule.mean("si") < 1.0
    assert model_alone.to_dict()["sd"] == {"si": 0.0, "tc": 0.0, "joint": 0.0}


def test_fixed_predictions_are_scored_on_the_same_folds():
    outputs = [_outputs(i, labelled=True) for i in range(10)]
    joint = [(o.article.id, TECHNIQUES[NC], 24, 39) for o in outputs[:5]]
    tc = [(o.article.id, TECHNIQUES[NC], 24, 39) for o in outputs]
    result = cv.fixed_result("fixed", outputs, joint, tc, 5)
    assert [f["tc"] for f in result.folds] == [1.0] * 5
    found = {o.article.id for o in outputs[:5]}
    for fold, ids in zip(result.folds, cv.folds([o.article.id for o in outputs], 5), strict=True):
        share = sum(i in found for i in ids) / len(ids)
        assert abs(fold["si"] - (2 * share / (1 + share) if share else 0.0)) < 1e-9


def test_compare_lists_the_model_both_ways_and_the_baseline(monkeypatch):
    outputs = [_outputs(i, labelled=i % 3 != 0) for i in range(15)]
    monkeypatch.setattr(cv, "collect", lambda predictor, articles: outputs)
    fixed = (
        [(o.article.id, TECHNIQUES[NC], 24, 39) for o in outputs],
        [(o.article.id, TECHNIQUES[NC], 24, 39) for o in outputs if o.article.spans],
    )
    monkeypatch.setattr(cv, "fixed_predictions", lambda predictor, articles: fixed)
    articles = [o.article for o in outputs]
    results = cv.compare(_predictor(), 5, _predictor(), articles)
    assert [r.name for r in results] == [
        "model as it is, + designations",
        "knobs tuned per fold, + designations",
        "knobs tuned per fold, model alone",
        "baseline as it is, + designations",
    ]
    assert all(len(r.folds) == 5 for r in results)
    assert results[2].mean("si") == 1.0 and results[0].mean("si") < 1.0
