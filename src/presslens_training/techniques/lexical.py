"""Training the lexical models (:mod:`presslens.techniques.lexical`) on PTC ``fit``: numpy only.

Full-batch Adam on L2-regularised logistic regression over hashed features: a binary
token model (word inside any gold span) and a 14-way span model (gold spans). A few
minutes on one CPU core; deterministic given the data (zero init, no sampling), so
``seed`` is recorded for the record only.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from presslens.corpora import ptc
from presslens.techniques.features import normalise, sentence_of
from presslens.techniques.labels import INDEX, TECHNIQUES
from presslens.techniques.lexical import (
    SPAN_BITS,
    TOKEN_BITS,
    LexicalModel,
    _row_sums,
    _segments,
    hash_features,
    sigmoid,
    span_feature_strings,
    token_features,
    window_words,
)
from presslens.techniques.windows import encode_sentences, line_sentences, pack

log = logging.getLogger("presslens.train.techniques")


def token_data(tokenizer, articles: list[ptc.Article], bits: int = TOKEN_BITS):
    """Hashed word features and 0/1 labels (word overlaps a gold span) of ``articles``."""
    rows: list[np.ndarray] = []
    labels: list[float] = []
    for a in articles:
        windows = pack(encode_sentences(tokenizer, a.text, line_sentences(a.text)))
        gold = sorted((g.start, g.end) for g in a.spans)
        for window, feats in zip(windows, token_features(a.text, windows), strict=True):
            for (s, e, _), f in zip(window_words(window), feats, strict=True):
                rows.append(hash_features(f, bits))
                labels.append(float(any(gs < e and s < ge for gs, ge in gold)))
    return rows, np.array(labels, dtype=np.float32)


def span_data(articles: list[ptc.Article], bits: int = SPAN_BITS):
    rows: list[np.ndarray] = []
    labels: list[int] = []
    for a in articles:
        sentences = line_sentences(a.text)
        doc_norm = normalise(a.text)
        for g in a.spans:
            span = (g.start, g.end)
            f = span_feature_strings(a.text, span, sentence_of(sentences, span), doc_norm)
            rows.append(hash_features(f, bits))
            labels.append(INDEX[g.technique])
    return rows, np.array(labels, dtype=np.int64)


def adam(w: np.ndarray, grad_fn, steps: int, lr: float) -> np.ndarray:
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        g = grad_fn(w)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w = w - lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def fit_binary(
    rows: list[np.ndarray],
    y: np.ndarray,
    dim: int,
    l2: float = 1e-5,
    steps: int = 300,
    lr: float = 0.05,
) -> np.ndarray:
    idx, starts = _segments(rows)
    counts = np.array([len(r) for r in rows])
    n = len(y)

    def grad(w: np.ndarray) -> np.ndarray:
        p = sigmoid(_row_sums(w[idx], starts))
        resid = np.repeat((p - y) / n, counts)
        return np.bincount(idx, weights=resid, minlength=dim) + l2 * w

    return adam(np.zeros(dim, dtype=np.float64), grad, steps, lr).astype(np.float32)


def fit_multiclass(
    rows: list[np.ndarray],
    y: np.ndarray,
    dim: int,
    k: int,
    l2: float = 1e-4,
    steps: int = 300,
    lr: float = 0.05,
) -> np.ndarray:
    idx, starts = _segments(rows)
    counts = np.array([len(r) for r in rows])
    n = len(y)
    onehot = np.eye(k)[y]
    # Inverse square-root class weights, as the encoder's span classifier uses.
    freq = np.bincount(y, minlength=k).astype(np.float64)
    cw = 1.0 / np.sqrt(np.maximum(freq, 1))
    cw = cw / (cw[y].mean())
    weight = cw[y][:, None] / n

    def grad(w: np.ndarray) -> np.ndarray:
        logits = _row_sums(w[idx], starts)
        e = np.exp(logits - logits.max(-1, keepdims=True))
        p = e / e.sum(-1, keepdims=True)
        resid = np.repeat((p - onehot) * weight, counts, axis=0)
        g = np.zeros_like(w)
        np.add.at(g, idx, resid)
        return g + l2 * w

    return adam(np.zeros((dim, k), dtype=np.float64), grad, steps, lr).astype(np.float32)


def train_lexical(
    tokenizer,
    articles: list[ptc.Article],
    *,
    token_l2: float = 1e-5,
    span_l2: float = 1e-4,
    steps: int = 300,
) -> tuple[LexicalModel, dict[str, Any]]:
    """Both lexical models trained on ``articles`` (the ``fit`` split)."""
    started = time.time()
    rows, y = token_data(tokenizer, articles)
    log.info("lexical token model: %d words, %.3f positive", len(y), float(y.mean()))
    token_w = fit_binary(rows, y, 1 << TOKEN_BITS, l2=token_l2, steps=steps)
    srows, sy = span_data(articles)
    log.info("lexical span model: %d spans", len(sy))
    span_w = fit_multiclass(srows, sy, 1 << SPAN_BITS, len(TECHNIQUES), l2=span_l2, steps=steps)
    info = {
        "token_bits": TOKEN_BITS,
        "span_bits": SPAN_BITS,
        "token_l2": token_l2,
        "span_l2": span_l2,
        "steps": steps,
        "words": len(y),
        "positive_rate": float(y.mean()),
        "spans": len(sy),
        "seconds": round(time.time() - started, 1),
    }
    return LexicalModel(token_w, span_w), info


def save(model: LexicalModel, out: Path) -> Path:
    path = out / "lexical.npz"
    model.save(path)
    return path


TAG_MIXES = (("linear", 0.0), ("linear", 0.3), ("linear", 0.4), ("linear", 0.5))
TAG_MIXES += (("logodds", 0.25), ("logodds", 0.5), ("logodds", 0.75), ("logodds", 1.0))
TC_MIXES = (0.0, 0.3, 0.4, 0.5, 0.6)
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35)
GAPS = (2, 3, 4, 5)
PEAKS = (0.4, 0.5)
MIN_CHARS = (8,)


def tune_mix(
    predictor, articles: list[ptc.Article], lexical: LexicalModel, tag_mixes=None
) -> dict[str, Any]:
    """Mix weights and decoding knobs of ``predictor`` + ``lexical``, chosen on ``articles``.

    SI F1 picks ``tag_mix`` and the decoding knobs, TC micro-F1 on gold spans picks
    ``tc_mix``, and the joint F1 then picks ``core`` (cores change only the joint score).
    ``articles`` must be the ``tune`` split: never ``val``.
    """
    from dataclasses import replace

    from presslens.eval.spans import tc_score
    from presslens.techniques.model import mix_token_probabilities, rank_labels, softmax
    from presslens_training.techniques.tuning import best_decode, best_nesting, decode_grid

    gold_tc = [(a.id, g.technique, g.start, g.end) for a in articles for g in a.spans]
    cache = []
    saved_mix = predictor.tc_mix
    for a in articles:
        sents = line_sentences(a.text)
        windows = predictor.windows(a.text, sents)
        neural, techs = predictor.tag_outputs(windows) if windows else ([], None)
        lex = lexical.token_probabilities(a.text, windows) if windows else []
        spans = [(g.start, g.end) for g in a.spans]
        predictor.tc_mix = 0.0
        tc_nn = predictor.technique_scores(a.text, sents, spans)
        doc_norm = normalise(a.text)
        tc_lex = (
            lexical.span_probabilities(
                a.text, spans, [sentence_of(sents, s) for s in spans], doc_norm
            )
            if spans
            else np.zeros((0, len(TECHNIQUES)))
        )
        cache.append((a, sents, windows, neural, lex, spans, tc_nn, tc_lex, techs))
    predictor.tc_mix = saved_mix

    prior = predictor.tag_prior
    grid = decode_grid(THRESHOLDS, GAPS, MIN_CHARS, PEAKS)
    best_si = None
    for mix in tag_mixes or TAG_MIXES:
        probabilities = [
            (
                a,
                windows,
                [
                    mix_token_probabilities(p, q, mix[1], mix[0], prior)
                    for p, q in zip(neural, lex, strict=True)
                ],
            )
            for a, _, windows, neural, lex, *_ in cache
        ]
        score, params = best_decode(probabilities, grid)
        if best_si is None or score.f1 > best_si[0]:
            best_si = (score.f1, mix, params)
    assert best_si is not None
    si_f1, tag_mix, params = best_si

    def tc_labels(mix: float):
        out = []
        for a, _, _, _, _, spans, tc_nn, tc_lex, _ in cache:
            if not spans:
                continue
            mixed = softmax((1 - mix) * np.log(tc_nn + 1e-9) + mix * np.log(tc_lex + 1e-9))
            out.append((a, spans, mixed))
        return out

    best_tc = None
    for mix in TC_MIXES:
        pred = [
            (a.id, t, s, e)
            for a, spans, mixed in tc_labels(mix)
            for t, (s, e) in zip(rank_labels(mixed, spans), spans, strict=True)
        ]
        score = tc_score(pred, gold_tc).micro.f1
        if best_tc is None or score > best_tc[0]:
            best_tc = (score, mix)
    assert best_tc is not None
    tc_f1, tc_mix = best_tc

    mixed = replace(
        predictor, lexical=lexical, tag_mode=tag_mix[0], tag_mix=tag_mix[1], tc_mix=tc_mix
    )
    nested = [(a, windows, neural, techs) for a, _, windows, neural, *_, techs in cache]
    joint_f1, knobs = best_nesting(mixed, nested, params)
    return {
        "tag_mode": tag_mix[0],
        "tag_mix": tag_mix[1],
        "tc_mix": tc_mix,
        "decode": {
            "threshold": params.threshold,
            "gap": params.gap,
            "min_chars": params.min_chars,
            "peak": params.peak,
            "core": knobs.core,
            "labelled": knobs.labelled,
            "tune_si_f1": round(si_f1, 4),
            "tune_joint_f1": round(joint_f1, 4),
        },
        "tune_tc_f1": round(tc_f1, 4),
    }


def add_lexical(
    model_dir: Path, *, steps: int = 500, seed: int = 13, token_mix: bool = True
) -> dict[str, Any]:
    """Train the lexical models on ``fit`` into ``model_dir`` and tune the mix on ``tune``.

    ``model_dir`` holds an exported model (``config.json``, int8 encoders, heads,
    tokenizer). Without ``token_mix`` the token model is trained and shipped but not
    mixed into span detection (``tag_mix`` 0). Writes ``lexical.npz`` and the ``lexical``
    and ``decode`` entries of ``config.json`` (tuned with the default, int8, variant).
    """
    import json

    from presslens.techniques.model import load_predictor
    from presslens.techniques.windows import load_tokenizer

    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    tokenizer = load_tokenizer(model_dir / "tokenizer.json")
    split = ptc.split_ids(ptc.article_ids())
    model, info = train_lexical(tokenizer, ptc.load_articles(ids=split["fit"]), steps=steps)
    path = save(model, model_dir)
    config.pop("lexical", None)
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    predictor = load_predictor(model_dir, threads=1)
    predictor.tag_prior = info["positive_rate"]
    started = time.time()
    grid = TAG_MIXES if token_mix else (("linear", 0.0),)
    tuned = tune_mix(predictor, ptc.load_articles(ids=split["tune"]), model, grid)
    info.update(
        seed=seed, tune_seconds=round(time.time() - started, 1), tune_tc_f1=tuned["tune_tc_f1"]
    )
    log.info("lexical mix tuned on tune: %s", json.dumps(tuned))
    config["decode"] = tuned["decode"]
    config["lexical"] = {
        "file": path.name,
        "tag_mode": tuned["tag_mode"],
        "tag_mix": tuned["tag_mix"],
        "tag_prior": round(info["positive_rate"], 4),
        "tc_mix": tuned["tc_mix"],
        "trained": info,
    }
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return config["lexical"]
