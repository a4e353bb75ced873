"""The one-pass model's span head: techniques from the tagger's states pooled over a span.

The span classifier of the three-encoder model read each span again with its own
encoder. Here the tagger's final hidden states, already computed to find the spans,
are pooled over the span's wordpieces (mean, max, first and last piece) and joined
with the six hand-made span features (:func:`presslens.techniques.model.span_pool_features`);
one multinomial logistic regression over them names the technique. It is fitted on the
gold spans of the ``fit`` articles (one row per span and label), the tagger frozen, with
the inputs standardised (the scaling is folded into the weights, so inference is one
matrix product). Its L2 strength is chosen by ``k``-fold cross-validation over the
held-out articles (tune + val, which neither the tagger nor this head trained on): the
head is fitted once per strength on ``fit``, and each fold is scored with the lexical
mix (``tc_mix``) chosen on the other folds. Needs scikit-learn (the ``train`` extra).
"""

from __future__ import annotations

import json
import logging
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from presslens.corpora import ptc
from presslens.corpora.ptc import Article
from presslens.eval.spans import tc_score
from presslens.techniques.labels import TECHNIQUES
from presslens.techniques.model import Predictor, mix_techniques, rank_labels, span_pool_features
from presslens.techniques.windows import line_sentences

log = logging.getLogger("presslens.train.techniques")

STRENGTHS = (0.001, 0.003, 0.01)
"""Inverse L2 strengths (scikit-learn's ``C``) cross-validation chooses from."""
SEED = 13


def gold_rows(
    predictor: Predictor, articles: Sequence[Article]
) -> tuple[np.ndarray, np.ndarray, list[tuple[str, int, int]]]:
    """Pooled features ``(N, 4H + 6)`` of every gold span, its technique index and
    ``(article id, start, end)``, one row per gold (span, technique)."""
    feats, labels, where = [], [], []
    for article in articles:
        if not article.spans:
            continue
        sentences = line_sentences(article.text)
        tagged = predictor.tagged(article.text, sentences)
        if not tagged[0] or tagged.states is None:
            raise ValueError("the span head needs a one-pass predictor that keeps its states")
        spans = [(g.start, g.end) for g in article.spans]
        feats.append(span_pool_features(article.text, sentences, tagged[0], tagged.states, spans))
        labels += [TECHNIQUES.index(g.technique) for g in article.spans]
        where += [(article.id, g.start, g.end) for g in article.spans]
    return np.concatenate(feats), np.array(labels), where


def fit(x: np.ndarray, y: np.ndarray, strength: float) -> tuple[np.ndarray, np.ndarray]:
    """``(W (14, D), b (14,))`` on raw features: standardised logistic regression folded."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(0)
    scale = x.std(0)
    scale = np.where(scale > 1e-6, scale, 1.0)
    clf = LogisticRegression(C=strength, max_iter=500, random_state=SEED)
    clf.fit((x - mean) / scale, y)
    w = np.zeros((len(TECHNIQUES), x.shape[1]))
    b = np.full(len(TECHNIQUES), -30.0)  # a technique fit never shows: never chosen
    w[clf.classes_] = clf.coef_ / scale
    b[clf.classes_] = clf.intercept_ - (clf.coef_ / scale) @ mean
    return w.astype(np.float32), b.astype(np.float32)


def probabilities(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    logits = x @ w.T + b
    e = np.exp(logits - logits.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def tc_f1(where: Sequence[tuple[str, int, int]], labels: np.ndarray, probs: np.ndarray) -> float:
    """TC micro-F1 of ``probs`` on gold rows (a span listed k times: its k best labels)."""
    by_article: dict[str, list[int]] = {}
    for i, (article, _, _) in enumerate(where):
        by_article.setdefault(article, []).append(i)
    pred, gold = [], []
    for article, rows in by_article.items():
        spans = [(where[i][1], where[i][2]) for i in rows]
        names = rank_labels(probs[rows], spans)
        pred += [(article, t, s, e) for t, (s, e) in zip(names, spans, strict=True)]
        named = [TECHNIQUES[labels[i]] for i in rows]
        gold += [(article, t, s, e) for t, (s, e) in zip(named, spans, strict=True)]
    return tc_score(pred, gold).micro.f1


def choose(
    fit_rows: tuple[np.ndarray, np.ndarray],
    held: tuple[np.ndarray, np.ndarray, list[tuple[str, int, int]], np.ndarray],
    fold_ids: Sequence[Sequence[str]],
) -> tuple[float, list[dict[str, Any]]]:
    """The strength with the best mean fold TC (lexical mix chosen on the other folds),
    and per strength its fold scores."""
    x_fit, y_fit = fit_rows
    from presslens_training.techniques.cv import TC_MIXES

    x_held, y_held, where, lexical = held
    article = np.array([w[0] for w in where])
    table = []
    for strength in STRENGTHS:
        w, b = fit(x_fit, y_fit, strength)
        probs = probabilities(x_held, w, b)
        scores, mixes = [], []
        for fold in fold_ids:
            test = np.isin(article, list(fold))
            train_rows = [x for x, t in zip(where, test, strict=True) if not t]
            test_rows = [x for x, t in zip(where, test, strict=True) if t]

            def on(rows, mask, mix, probs=probs):
                return tc_f1(rows, y_held[mask], mix_techniques(probs[mask], lexical[mask], mix))

            mix = max(TC_MIXES, key=lambda m: on(train_rows, ~test, m))
            scores.append(on(test_rows, test, mix))
            mixes.append(mix)
        table.append(
            {
                "strength": strength,
                "folds": [round(s, 4) for s in scores],
                "mean": round(statistics.fmean(scores), 4),
                "sd": round(statistics.stdev(scores), 4),
                "tc_mix": mixes,
            }
        )
        log.info("span head C=%s: TC %.4f +- %.4f", strength, table[-1]["mean"], table[-1]["sd"])
    best = max(table, key=lambda r: r["mean"])
    return float(best["strength"]), table


def add_span_head(model_dir: Path, predictor: Predictor, k: int = 5) -> dict[str, Any]:
    """Fit the span head of ``model_dir``'s (one-pass) tagger into its heads file.

    ``predictor``: the folder's predictor with a placeholder span head, so it keeps the
    tagger's states. Returns the record written to ``config.json`` (``span_head``).
    """
    from presslens_training.techniques.cv import folds, heldout_articles

    started = time.time()
    split = ptc.split_ids(ptc.article_ids())
    x_fit, y_fit, _ = gold_rows(predictor, ptc.load_articles(ids=split["fit"]))
    held_articles = heldout_articles()
    x_held, y_held, where = gold_rows(predictor, held_articles)
    assert predictor.lexical is not None
    lexical = []
    for article in held_articles:
        if article.spans:
            sentences = line_sentences(article.text)
            spans = [(g.start, g.end) for g in article.spans]
            from presslens.techniques.features import normalise, sentence_of

            around = [sentence_of(sentences, s) for s in spans]
            lexical.append(
                predictor.lexical.span_probabilities(
                    article.text, spans, around, normalise(article.text)
                )
            )
    fold_ids = folds([a.id for a in held_articles], k)
    strength, table = choose(
        (x_fit, y_fit), (x_held, y_held, where, np.concatenate(lexical)), fold_ids
    )
    w, b = fit(x_fit, y_fit, strength)
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    heads_path = model_dir / config["heads"]
    with np.load(heads_path) as old:
        heads = {key: old[key] for key in old.files if not key.startswith("span_pool")}
    np.savez(heads_path, **heads, span_pool_w=w, span_pool_b=b)
    record = {
        "input": "tagger states over the span's wordpieces: mean, max, first, last; "
        "6 span features",
        "fitted_on": "fit gold spans",
        "rows": len(y_fit),
        "model": "multinomial logistic regression, standardised inputs (folded in)",
        "strength": strength,
        "cv": {"folds": k, "articles": "tune+val", "table": table},
        "seconds": round(time.time() - started, 1),
    }
    config["span_head"] = record
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return record
