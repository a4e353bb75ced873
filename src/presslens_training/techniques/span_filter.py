"""Second-stage ideas for SI precision, cross-validated (issue #15): none ships.

SI precision is the one-pass model's weak side (val P 0.36, R 0.56). Three ideas that
need no new encoder are scored here, nested inside the 5-fold cross-validation of
:mod:`.cv` (same folds; each fold's knobs tuned on the other folds as
:func:`.cv.cross_validate` does, cached per fold), against the shipped model in the same
run with paired per-fold differences. Results: ``MODEL_CARD.md`` (Notes).

- ``cv``: a learned **span filter**. The unit of decision is one merged SI span of an
  article's model predictions (decoded spans, their cores, the technique head's
  labelled runs merged where they overlap: what SemEval's SI scorer counts), with 57
  features (:func:`unit_rows`) and optionally the tagger's states pooled over it; the
  target is its overlap fraction with the gold spans. Per outer fold an inner cross-fit
  over the four training folds gives out-of-fold scores that choose the cut-off and the
  decoding threshold; the filter then trains on the four folds and is applied to the
  fifth. ``--oracle`` adds the perfect filter's row; ``--fit-weight`` adds the fit
  articles' units as training rows.
- ``words``: a **word stacker** (:func:`word_rows`, gradient boosting) re-scoring every
  word from the tagger's, lexical and technique-head probabilities with their context,
  decoded as the model does.
- ``adaptive``: a **decoding threshold per article group** (articles grouped by their
  mean word probability).

    python -m presslens_training.techniques.span_filter cache --out /tmp/sf
    python -m presslens_training.techniques.span_filter cv --cache /tmp/sf --oracle
    python -m presslens_training.techniques.span_filter words --cache /tmp/sf
    python -m presslens_training.techniques.span_filter adaptive --cache /tmp/sf

No torch; numpy, scikit-learn and onnxruntime.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import pickle
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.eval.spans import joint_sums, merge, prf_of, si_sums
from presslens.techniques.decode import DecodeParams, word_scores
from presslens.techniques.features import normalise, sentence_of, span_features
from presslens.techniques.labels import TECHNIQUES
from presslens.techniques.model import (
    Predictor,
    load_predictor,
    mix_token_probabilities,
    span_pieces,
)
from presslens_training.techniques.cv import (
    ArticleOutputs,
    Knobs,
    collect,
    configured,
    folds,
    heldout_articles,
    tc_predictions,
    tune,
)

QUOTES = '"“”«»'
SEED = 13


@dataclass
class Unit:
    """One merged SI span of an article's model predictions."""

    article: str
    span: tuple[int, int]
    preds: list[tuple[str, int, int]]
    """``(technique, start, end)`` model predictions inside the unit."""
    features: np.ndarray
    pooled: np.ndarray
    """Tagger states over the unit: mean and max (``2H``)."""
    target: float = 0.0
    """Overlap fraction with the merged gold spans."""


def _word_table(predictor: Predictor, o: ArticleOutputs, tag_mix: float):
    """Per window: ``(start, end, raw, mixed, lexical, technique max)`` per word."""
    windows, raw, techs = o.tagged
    out = []
    for k, window in enumerate(windows):
        mixed = mix_token_probabilities(
            raw[k], o.lexical[k], tag_mix, "linear", predictor.tag_prior
        )
        rw = word_scores(window, raw[k])
        mw = word_scores(window, mixed)
        lw = word_scores(window, o.lexical[k])
        tw = word_scores(window, techs[k].max(1)) if techs is not None else rw
        out.append(
            np.array(
                [
                    (a[0], a[1], a[2], b[2], c[2], d[2])
                    for a, b, c, d in zip(rw, mw, lw, tw, strict=True)
                ],
                dtype=np.float64,
            ).reshape(-1, 6)
        )
    return out


def _stats(values: np.ndarray) -> list[float]:
    if not len(values):
        return [0.0, 0.0, 0.0, 0.0]
    return [float(values.mean()), float(values.max()), float(values.min()), float(values.std())]


def unit_rows(
    predictor: Predictor,
    knobs: Knobs,
    o: ArticleOutputs,
    states: bool = True,
) -> list[Unit]:
    """The article's merged model predictions with their features and targets."""
    trial = configured(predictor, knobs)
    text = o.article.text
    windows, raw, techs = o.tagged
    if not windows:
        return []
    found, named = trial.spans_from(text, windows, raw, techs, o.lexical)
    labelled = trial.label(text, o.sentences, found, named, o.tagged)
    found_set = {s for s, _ in found}
    named_set = {s for s, _, _ in named}
    spans = merge([s for s, _, _ in labelled])
    if not spans:
        return []
    threshold = knobs.params.threshold
    table = _word_table(predictor, o, knobs.tag_mix)
    all_words = np.concatenate(table) if table else np.zeros((0, 6))
    art_mixed = all_words[:, 3] if len(all_words) else np.zeros(1)
    n_sent = max(1, len(o.sentences))
    art_feats = [
        float(art_mixed.mean()),
        float((art_mixed >= threshold).mean()),
        len(spans) / n_sent,
        math.log1p(len(text)) / 10,
    ]
    head = trial.technique_scores(text, o.sentences, spans, o.tagged)
    doc_norm = normalise(text)
    gold = merge((g.start, g.end) for g in o.article.spans)
    units = []
    first_line = text.find("\n")
    for row, span in enumerate(spans):
        preds = [(t, s, e) for (s, e), t, _ in labelled if span[0] <= s and e <= span[1]]
        words = np.zeros((0, 6))
        ctx_before = ctx_after = np.zeros(0)
        for w in table:
            inside = (w[:, 0] < span[1]) & (span[0] < w[:, 1])
            if inside.any():
                words = w[inside]
                idx = np.flatnonzero(inside)
                ctx_before = w[max(0, idx[0] - 3) : idx[0], 2]
                ctx_after = w[idx[-1] + 1 : idx[-1] + 4, 2]
                break
        sentence = sentence_of(o.sentences, span) or span
        sent_words = np.concatenate(
            [w[(w[:, 0] < sentence[1]) & (sentence[0] < w[:, 1]), :] for w in table]
        )
        outside = sent_words[(sent_words[:, 1] <= span[0]) | (sent_words[:, 0] >= span[1])]
        p = head[row]
        entropy = float(-(p * np.log(p + 1e-9)).sum())
        top = np.zeros(len(TECHNIQUES))
        top[int(p.argmax())] = 1.0
        before = text[sentence[0] : span[0]]
        quoted = sum(before.count(q) for q in QUOTES) % 2 == 1 or any(
            q in text[span[0] : span[1]] for q in QUOTES
        )
        sources = [
            sum(1 for s in found_set if span[0] <= s[0] and s[1] <= span[1]),
            sum(1 for s in named_set if span[0] <= s[0] and s[1] <= span[1]),
        ]
        feats = [
            *_stats(words[:, 2]),
            *_stats(words[:, 3]),
            float((words[:, 3] >= threshold).mean()) if len(words) else 0.0,
            *_stats(words[:, 4]),
            *_stats(words[:, 5]),
            math.log1p(len(words)),
            math.log1p(span[1] - span[0]),
            span[0] / max(1, len(text)),
            1.0 if first_line < 0 or span[0] < first_line else 0.0,
            (span[1] - span[0]) / max(1, sentence[1] - sentence[0]),
            float(sent_words[:, 3].mean()) if len(sent_words) else 0.0,
            float(outside[:, 3].mean()) if len(outside) else 0.0,
            float(ctx_before.mean()) if len(ctx_before) else 0.0,
            float(ctx_after.mean()) if len(ctx_after) else 0.0,
            1.0 if quoted else 0.0,
            float(p.max()),
            entropy,
            *top,
            len(preds),
            len({t for t, _, _ in preds}),
            float(sources[0] > 0),
            float(sources[1] > 0),
            *span_features(text, span, sentence, doc_norm),
            *art_feats,
        ]
        pooled = np.zeros(0, np.float32)
        if states and o.tagged.states is not None:
            parts = [
                o.tagged.states[k][inside].astype(np.float32)
                for k, inside in span_pieces(windows, span)
            ]
            pieces = (
                np.concatenate(parts)
                if parts
                else np.zeros((1, o.tagged.states[0].shape[1]), np.float32)
            )
            pooled = np.concatenate([pieces.mean(0), pieces.max(0)])
        overlap = sum(max(0, min(span[1], g[1]) - max(span[0], g[0])) for g in gold)
        units.append(
            Unit(
                o.article.id,
                span,
                preds,
                np.array(feats, np.float32),
                pooled,
                overlap / (span[1] - span[0]),
            )
        )
    return units


# --------------------------------------------------------------------------- models


def design(units: Sequence[Unit], states: bool) -> np.ndarray:
    x = np.stack([u.features for u in units])
    if states:
        x = np.hstack([x, np.stack([u.pooled for u in units])])
    return x


def fit_filter(units: Sequence[Unit], kind: str, strength: float, weights=None):
    """A scorer ``x -> P(overlap)`` fitted on ``units`` (soft targets)."""
    y = np.array([u.target for u in units])
    w = np.ones(len(units)) if weights is None else np.asarray(weights)
    states = kind.endswith("+states")
    x = design(units, states)
    if kind.startswith("lr"):
        from sklearn.linear_model import LogisticRegression

        mean, scale = x.mean(0), x.std(0)
        scale = np.where(scale > 1e-6, scale, 1.0)
        xs = (x - mean) / scale
        clf = LogisticRegression(C=strength, max_iter=1000)
        clf.fit(
            np.vstack([xs, xs]),
            np.r_[np.ones(len(y)), np.zeros(len(y))],
            sample_weight=np.r_[w * y, w * (1 - y)] + 1e-9,
        )
        return lambda us: clf.predict_proba((design(us, states) - mean) / scale)[:, 1]
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(
        max_iter=int(strength),
        learning_rate=0.05,
        max_leaf_nodes=15,
        min_samples_leaf=40,
        l2_regularization=1.0,
        random_state=SEED,
    )
    clf.fit(
        np.vstack([x, x]),
        np.r_[np.ones(len(y)), np.zeros(len(y))],
        sample_weight=np.r_[w * y, w * (1 - y)] + 1e-9,
    )
    return lambda us: clf.predict_proba(design(us, states))[:, 1]


# --------------------------------------------------------------------------- scoring


def fold_scores(
    outputs: Sequence[ArticleOutputs],
    units: Sequence[Unit],
    keep: np.ndarray,
    tc_mix: float,
    designations: bool = True,
) -> dict[str, float]:
    """SI, TC and joint on ``outputs`` of the units kept (and the designation rule's spans)."""
    ids = {o.article.id for o in outputs}
    joint = [
        (u.article, t, s, e) for u, k in zip(units, keep, strict=True) if k for t, s, e in u.preds
    ]
    if designations:
        for o in outputs:
            joint.extend((o.article.id, t, s, e) for (s, e), t in o.rules.get("designations", ()))
    return scores_of(outputs, [p for p in joint if p[0] in ids], tc_mix)


CUTS = tuple(np.round(np.arange(0.0, 0.61, 0.02), 2))


def best_cut(outputs, units, scores, tc_mix) -> tuple[float, float]:
    """``(SI F1, cut-off)`` with the best SI F1 on ``outputs`` (0: keep all)."""
    best = (-1.0, 0.0)
    for cut in CUTS:
        f1 = fold_scores(outputs, units, scores >= cut, tc_mix)["si"]
        if f1 > best[0] + 1e-9:
            best = (f1, float(cut))
    return best


ORACLE = "oracle filter"


def tuned_knobs(
    predictor: Predictor, train: Sequence[ArticleOutputs], fold: int, cache: Path | None
) -> Knobs:
    """:func:`.cv.tune` on ``train`` (read from ``cache`` when a run stored it)."""
    path = cache / f"knobs-fold{fold}.json" if cache else None
    if path and path.is_file():
        d = json.loads(path.read_text(encoding="utf-8"))
        return Knobs(d.pop("tag_mix"), d.pop("tc_mix"), DecodeParams(**d))
    knobs, _ = tune(predictor, train)
    if path:
        path.write_text(json.dumps(knobs.to_dict()), encoding="utf-8")
    return knobs


def run_cv(
    predictor: Predictor,
    outputs: Sequence[ArticleOutputs],
    fit_outputs: Sequence[ArticleOutputs],
    systems: dict[str, dict],
    k: int = 5,
    thresholds: Sequence[float | None] = (None,),
    log=print,
    knob_cache: Path | None = None,
    oracle: bool = False,
) -> dict[str, list[dict]]:
    """Per system, per fold: scores on the held-out fold; ``None`` threshold: as tuned.
    ``oracle``: a row that drops exactly the units overlapping no gold span (the bound
    a perfect filter reaches)."""
    results: dict[str, list[dict]] = {"baseline": [], **{name: [] for name in systems}}
    by_id = {o.article.id: o for o in outputs}
    fold_ids = folds(by_id, k)
    for f, fold in enumerate(fold_ids):
        started = time.time()
        test = [by_id[i] for i in fold]
        inner = [g for j, g in enumerate(fold_ids) if j != f]
        train = [by_id[i] for g in inner for i in g]
        knobs = tuned_knobs(predictor, train, f, knob_cache)
        variants = {}
        for t in dict.fromkeys([None, *thresholds]):
            kn = (
                knobs
                if t is None
                else dataclasses.replace(
                    knobs, params=dataclasses.replace(knobs.params, threshold=t)
                )
            )
            tr = [u for o in train for u in unit_rows(predictor, kn, o)]
            te = [u for o in test for u in unit_rows(predictor, kn, o)]
            fi = []
            if fit_outputs:
                fi = [u for o in fit_outputs for u in unit_rows(predictor, kn, o)]
            variants[t] = (kn, tr, te, fi)
        base_te = variants[None][2]
        results["baseline"].append(
            fold_scores(test, base_te, np.ones(len(base_te), bool), knobs.tc_mix)
        )
        if oracle:
            hit = np.array([u.target > 0 for u in base_te], bool)
            results.setdefault(ORACLE, []).append(fold_scores(test, base_te, hit, knobs.tc_mix))
        for name, spec in systems.items():
            best = None
            for t, (kn, tr, te, fi) in variants.items():
                if t not in thresholds:
                    continue
                # inner cross-fit: out-of-fold filter scores on the training folds
                oof = np.zeros(len(tr))
                tr_art = np.array([u.article for u in tr])
                for g in inner:
                    mask = np.isin(tr_art, g)
                    rows = [u for u, m in zip(tr, mask, strict=True) if not m]
                    weights = [1.0] * len(rows)
                    if spec.get("fit_weight"):
                        rows = rows + fi
                        weights = weights + [spec["fit_weight"]] * len(fi)
                    model = fit_filter(rows, spec["kind"], spec["strength"], weights)
                    oof[mask] = model([u for u, m in zip(tr, mask, strict=True) if m])
                f1, cut = best_cut(train, tr, oof, kn.tc_mix)
                if best is None or f1 > best[0]:
                    best = (f1, cut, t, kn, tr, te, fi)
            f1, cut, t, kn, tr, te, fi = best
            rows, weights = list(tr), [1.0] * len(tr)
            if spec.get("fit_weight"):
                rows, weights = rows + fi, weights + [spec["fit_weight"]] * len(fi)
            model = fit_filter(rows, spec["kind"], spec["strength"], weights)
            scores = model(te) if te else np.zeros(0)
            res = fold_scores(test, te, scores >= cut, kn.tc_mix)
            res.update(cut=cut, threshold=kn.params.threshold, inner_si=round(f1, 4))
            if te:
                from sklearn.metrics import roc_auc_score

                hit = np.array([u.target > 0 for u in te])
                res["auc"] = float(roc_auc_score(hit, scores)) if 0 < hit.sum() < len(hit) else 0.5
                res["kept"] = float((scores >= cut).mean())
            results[name].append(res)
        log(
            fold_line(
                f,
                started,
                results,
                lambda r: (
                    f" cut {r['cut']} thr {r['threshold']} auc {r.get('auc', 0):.3f}"
                    f" kept {r.get('kept', 1):.2f}"
                    if "cut" in r
                    else ""
                ),
            ),
            flush=True,
        )
    return results


def fold_line(
    f: int, started: float, results: dict[str, list[dict]], extra: Callable[[dict], str]
) -> str:
    """One progress line after fold ``f``: each system's SI and joint, then ``extra``."""
    return f"fold {f + 1}: {time.time() - started:.0f}s " + " | ".join(
        f"{n} SI {r[-1]['si']:.4f} J {r[-1]['joint']:.4f}" + extra(r[-1])
        for n, r in results.items()
    )


def table(results: dict[str, list[dict]]) -> str:
    lines = []
    base = results["baseline"]
    for name, rows in results.items():
        for score in ("si", "si_p", "si_r", "tc", "joint"):
            vals = [r[score] for r in rows]
            diff = [r[score] - b[score] for r, b in zip(rows, base, strict=True)]
            lines.append(
                f"| {name} | {score} | "
                + " | ".join(f"{v:.3f}" for v in vals)
                + f" | {statistics.fmean(vals):.3f} ± {statistics.stdev(vals):.3f}"
                + f" | {statistics.fmean(diff):+.3f} ± {statistics.stdev(diff):.3f}"
                + f" ({sum(d > 0 for d in diff)}/{len(diff)} up) |"
            )
    return "\n".join(lines)


def _load(path: Path) -> list[ArticleOutputs]:
    """Cached outputs; pickle rebuilds a :class:`Tagged` from one tuple of its items."""
    from presslens.techniques.model import Tagged

    original = Tagged.__new__

    def rebuild(cls, windows, probs=None, techs=None, states=None):
        if probs is None and techs is None and isinstance(windows, tuple):
            windows, probs, techs = windows
        return original(cls, windows, probs, techs, states)

    Tagged.__new__ = rebuild  # type: ignore[method-assign]
    try:
        with path.open("rb") as f:
            outs = pickle.load(f)
    finally:
        Tagged.__new__ = original  # type: ignore[method-assign]
    for o in outs:
        if o.tagged.states is not None:
            o.tagged.states = [s.astype(np.float32) for s in o.tagged.states]
    return outs


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens_training.techniques.span_filter")
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache", help="one tagger pass over the held-out and fit articles")
    c.add_argument("--model", type=Path, default=None)
    c.add_argument("--out", type=Path, required=True)
    v = sub.add_parser("cv", help="nested 5-fold cross-validation of span filters")
    v.add_argument("--model", type=Path, default=None)
    v.add_argument("--cache", type=Path, required=True)
    v.add_argument("--systems", default="lr:0.01")
    v.add_argument("--thresholds", default="none")
    v.add_argument("--fit-weight", type=float, default=0.0)
    v.add_argument("--oracle", action="store_true", help="add the perfect filter's row")
    v.add_argument("--json", type=Path, default=None)
    w = sub.add_parser("words", help="nested 5-fold cross-validation of a word stacker")
    w.add_argument("--model", type=Path, default=None)
    w.add_argument("--cache", type=Path, required=True)
    w.add_argument("--iters", type=int, default=200)
    w.add_argument("--mixes", default="1.0,0.5")
    w.add_argument("--json", type=Path, default=None)
    a = sub.add_parser("adaptive", help="nested 5-fold CV of a per-article-group threshold")
    a.add_argument("--model", type=Path, default=None)
    a.add_argument("--cache", type=Path, required=True)
    a.add_argument("--bins", default="2,3")
    a.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    predictor = load_predictor(args.model, threads=1)
    if args.cmd == "cache":
        from presslens.corpora import ptc

        args.out.mkdir(parents=True, exist_ok=True)
        split = ptc.split_ids(ptc.article_ids())
        for name, articles in (
            ("held", heldout_articles()),
            ("fit", ptc.load_articles(ids=split["fit"])),
        ):
            outs = collect(predictor, articles)
            for o in outs:  # half the disk; the states are float32 again on load
                if o.tagged.states is not None:
                    o.tagged.states = [s.astype(np.float16) for s in o.tagged.states]
            with (args.out / f"{name}.pkl").open("wb") as f:
                pickle.dump(outs, f, protocol=5)
        return
    held = _load(args.cache / "held.pkl")
    if args.cmd == "adaptive":
        bins = [int(b) for b in args.bins.split(",")]
        results = run_adaptive(predictor, held, 5, bins, args.cache)
        print(table(results))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        return
    if args.cmd == "words":
        mixes = [float(m) for m in args.mixes.split(",")]
        results = run_words(predictor, held, 5, args.iters, mixes, args.cache)
        print(table(results))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        return
    fit = _load(args.cache / "fit.pkl") if args.fit_weight else []
    systems = {}
    for item in filter(None, args.systems.split(",")):
        kind, strength = item.split(":")
        systems[item] = {"kind": kind, "strength": float(strength), "fit_weight": args.fit_weight}
    thresholds = [None if t == "none" else float(t) for t in args.thresholds.split(",")]
    results = run_cv(
        predictor, held, fit, systems, 5, thresholds, knob_cache=args.cache, oracle=args.oracle
    )
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


# --------------------------------------------------------------------------- word stacker
# The second idea tried: re-score every word (not span) from the tagger's, the lexical
# model's and the technique head's probabilities with their context (neighbours,
# sentence, article), then decode as the model does. ``python -m ... words --cache DIR``.


def shift(v: np.ndarray, d: int) -> np.ndarray:
    """``v`` moved ``d`` places right (left when negative), zeros shifted in."""
    n = len(v)
    out = np.zeros(n)
    if 0 < d < n:
        out[d:] = v[: n - d]
    elif 0 < -d < n:
        out[: n + d] = v[-d:]
    return out


def smooth(v: np.ndarray, w: int) -> np.ndarray:
    """Mean of ``v`` over ``+-w`` places (fewer at the ends)."""
    n = len(v)
    c = np.r_[0.0, np.cumsum(v)]
    lo = np.clip(np.arange(n) - w, 0, n)
    hi = np.clip(np.arange(n) + w + 1, 0, n)
    return (c[hi] - c[lo]) / np.maximum(hi - lo, 1)


def word_rows(o: ArticleOutputs) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per window: ``(words, 27)`` word features and ``(words, 3)`` ``(start, end, in
    gold)``. Features: the tagger's, lexical and technique-head word probabilities and
    their product, neighbours at +-1 and +-2, means over +-3 and +-8 words, the
    sentence's mean and max, position and length in the sentence, quotation parity,
    capital, punctuation, word length, headline, and the article's probability level."""
    text = o.article.text
    gold = merge((g.start, g.end) for g in o.article.spans)
    windows, raw, techs = o.tagged
    tables = []
    for k, window in enumerate(windows):
        rw = word_scores(window, raw[k])
        lw = word_scores(window, o.lexical[k])
        tw = word_scores(window, techs[k].max(1)) if techs is not None else rw
        tables.append(
            np.array(
                [(a[0], a[1], a[2], b[2], c[2]) for a, b, c in zip(rw, lw, tw, strict=True)]
            ).reshape(-1, 5)
        )
    allw = np.concatenate(tables) if tables else np.zeros((0, 5))
    art = [allw[:, 2].mean(), allw[:, 3].mean(), (allw[:, 2] > 0.3).mean(), allw[:, 2].std()]
    first_line = text.find("\n")
    feats, targets = [], []
    for t in tables:
        n = len(t)
        r, lx, th = t[:, 2], t[:, 3], t[:, 4]

        sent = np.zeros(n)
        sent_max = np.zeros(n)
        pos = np.zeros(n)
        slen = np.zeros(n)
        quote = np.zeros(n)
        for s in o.sentences:
            m = (t[:, 0] >= s[0]) & (t[:, 1] <= s[1])
            if m.any():
                sent[m] = r[m].mean()
                sent_max[m] = r[m].max()
                pos[m] = np.arange(m.sum()) / m.sum()
                slen[m] = math.log1p(m.sum())
                seg = text[s[0] : s[1]]
                for i in np.flatnonzero(m):
                    quote[i] = sum(seg[: int(t[i, 0]) - s[0]].count(q) for q in QUOTES) % 2
        words = [text[int(a) : int(b)] for a, b in t[:, :2]]
        cap = np.array([w[:1].isupper() for w in words], float)
        punct = np.array([not any(ch.isalnum() for ch in w) for w in words], float)
        wl = np.array([math.log1p(len(w)) for w in words])
        head = np.array([1.0 if first_line < 0 or a < first_line else 0.0 for a in t[:, 0]])
        cols = [
            r,
            lx,
            th,
            r * lx,
            shift(r, 1),
            shift(r, -1),
            shift(r, 2),
            shift(r, -2),
            shift(lx, 1),
            shift(lx, -1),
            smooth(r, 3),
            smooth(r, 8),
            smooth(lx, 3),
            smooth(th, 3),
            sent,
            sent_max,
            pos,
            slen,
            quote,
            cap,
            punct,
            wl,
            head,
            *[np.full(n, v) for v in art],
        ]
        feats.append(np.stack(cols, 1))
        inside = np.zeros(n)
        for g in gold:
            inside = np.maximum(inside, (t[:, 0] < g[1]) & (g[0] < t[:, 1]))
        targets.append(np.c_[t[:, :2], inside])
    return feats, targets


def fit_words(x: np.ndarray, y: np.ndarray, iters: int):
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(
        max_iter=iters,
        learning_rate=0.05,
        max_leaf_nodes=31,
        min_samples_leaf=100,
        l2_regularization=1.0,
        random_state=SEED,
    )
    clf.fit(x, y)
    return clf


def run_words(
    predictor: Predictor,
    outputs: Sequence[ArticleOutputs],
    k: int = 5,
    iters: int = 200,
    mixes: Sequence[float] = (1.0, 0.5),
    cache: Path | None = None,
    log=print,
) -> dict[str, list[dict]]:
    """Nested CV of the word stacker: its probabilities (mixed with the tuned token mix
    by ``mix``) decoded with knobs tuned on inner out-of-fold probabilities."""
    from presslens.techniques.decode import decode_words
    from presslens_training.techniques.cv import GAPS, MIN_CHARS, PEAKS, THRESHOLDS, _mixed

    by_id = {o.article.id: o for o in outputs}
    rows = {o.article.id: word_rows(o) for o in outputs}
    fold_ids = folds(by_id, k)
    results: dict[str, list[dict]] = {"baseline": [], **{f"words mix {m}": [] for m in mixes}}

    def stack(ids):
        x = np.concatenate([f for i in ids for f in rows[i][0]])
        y = np.concatenate([t[:, 2] for i in ids for t in rows[i][1]])
        return x, y

    def predict(model, ids):
        return {
            i: [model.predict_proba(f)[:, 1] if len(f) else np.zeros(0) for f in rows[i][0]]
            for i in ids
        }

    def spans_of(o, probs_by_window, knobs, mix, params):
        base = _mixed(predictor, o, knobs.tag_mix)
        scored = []
        for w, p, q in zip(o.tagged[0], base, probs_by_window, strict=True):
            words = word_scores(w, p)
            scored.append(
                [(a, b, mix * qq + (1 - mix) * c) for (a, b, c), qq in zip(words, q, strict=True)]
            )
        return decode_words(o.article.text, scored, params)

    def joint_of(o, probs_by_window, knobs, mix, params):
        from presslens.techniques.decode import labelled_runs

        trial = configured(predictor, dataclasses.replace(knobs, params=params))
        found = spans_of(o, probs_by_window, knobs, mix, params)
        windows, raw, techs = o.tagged
        named = labelled_runs(o.article.text, windows, raw, techs, params) if techs else []
        out = [
            (o.article.id, t, s, e)
            for (s, e), t, _ in trial.label(o.article.text, o.sentences, found, named, o.tagged)
        ]
        out += [(o.article.id, t, s, e) for (s, e), t in o.rules.get("designations", ())]
        return out

    def score(test_outs, joint, tc_mix):
        gold = [
            (o.article.id, g.technique, g.start, g.end) for o in test_outs for g in o.article.spans
        ]
        si = prf_of(
            si_sums(
                [(a, s, e) for a, _, s, e in joint], [(a, s, e) for a, _, s, e in gold]
            ).values()
        )
        from presslens.eval.spans import tc_score

        return {
            "si": si.f1,
            "si_p": si.precision,
            "si_r": si.recall,
            "tc": tc_score(tc_predictions(test_outs, tc_mix), gold).micro.f1,
            "joint": prf_of(joint_sums(joint, gold).values()).f1,
        }

    def si_only(outs, probs, knobs, mix, params):
        gold = [(o.article.id, g.start, g.end) for o in outs for g in o.article.spans]
        pred = [
            (o.article.id, s, e)
            for o in outs
            for (s, e), _ in spans_of(o, probs[o.article.id], knobs, mix, params)
        ]
        return prf_of(si_sums(pred, gold).values()).f1

    for f, fold in enumerate(fold_ids):
        started = time.time()
        test = [by_id[i] for i in fold]
        inner = [g for j, g in enumerate(fold_ids) if j != f]
        train_ids = [i for g in inner for i in g]
        train = [by_id[i] for i in train_ids]
        knobs = tuned_knobs(predictor, train, f, cache)
        base = [
            p
            for o in test
            for p in joint_of(
                o, [np.zeros(len(t)) for t in rows[o.article.id][1]], knobs, 0.0, knobs.params
            )
        ]
        results["baseline"].append(score(test, base, knobs.tc_mix))
        oof = {}
        for g in inner:
            rest = [i for i in train_ids if i not in set(g)]
            oof.update(predict(fit_words(*stack(rest), iters), g))
        model = fit_words(*stack(train_ids), iters)
        test_probs = predict(model, fold)
        for mix in mixes:
            best = None
            for threshold, gap, peak in itertools.product((0.15, *THRESHOLDS), GAPS, PEAKS):
                params = dataclasses.replace(
                    knobs.params, threshold=threshold, gap=gap, peak=peak, min_chars=MIN_CHARS
                )
                f1 = si_only(train, oof, knobs, mix, params)
                if best is None or f1 > best[0]:
                    best = (f1, params)
            params = best[1]
            joint = [
                p for o in test for p in joint_of(o, test_probs[o.article.id], knobs, mix, params)
            ]
            res = score(test, joint, knobs.tc_mix)
            res.update(
                threshold=params.threshold,
                gap=params.gap,
                peak=params.peak,
                inner_si=round(best[0], 4),
            )
            results[f"words mix {mix}"].append(res)
        log(
            fold_line(
                f,
                started,
                results,
                lambda r: (
                    f" thr {r['threshold']} gap {r['gap']} inner {r['inner_si']}"
                    if "gap" in r
                    else ""
                ),
            ),
            flush=True,
        )
    return results


# --------------------------------------------------------------------------- per-article threshold
# The third idea tried: PTC articles differ in how much of them the annotators marked;
# let the decoding threshold depend on the article's own probability level (its mean
# mixed word probability, in ``bins`` groups cut at the training folds' quantiles).

ADAPTIVE_THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def article_level(predictor: Predictor, o: ArticleOutputs, tag_mix: float) -> float:
    from presslens_training.techniques.cv import _mixed

    probs = _mixed(predictor, o, tag_mix)
    words = [w[2] for win, p in zip(o.tagged[0], probs, strict=True) for w in word_scores(win, p)]
    return float(np.mean(words)) if words else 0.0


def run_adaptive(
    predictor: Predictor,
    outputs: Sequence[ArticleOutputs],
    k: int = 5,
    bins: Sequence[int] = (2, 3),
    cache: Path | None = None,
    log=print,
) -> dict[str, list[dict]]:
    """Nested CV: per fold, one threshold per article group chosen on the other folds."""
    from presslens_training.techniques.cv import predictions

    by_id = {o.article.id: o for o in outputs}
    fold_ids = folds(by_id, k)
    results: dict[str, list[dict]] = {"baseline": [], **{f"{b} groups": [] for b in bins}}
    for f, fold in enumerate(fold_ids):
        started = time.time()
        test = [by_id[i] for i in fold]
        train = [o for o in outputs if o.article.id not in set(fold)]
        knobs = tuned_knobs(predictor, train, f, cache)
        level = {o.article.id: article_level(predictor, o, knobs.tag_mix) for o in outputs}
        sums: dict[tuple[str, float], tuple] = {}
        joints: dict[tuple[str, float], list] = {}
        for o in outputs:
            gold = [(o.article.id, g.start, g.end) for g in o.article.spans]
            for t in ADAPTIVE_THRESHOLDS:
                kn = dataclasses.replace(
                    knobs, params=dataclasses.replace(knobs.params, threshold=t)
                )
                joint = predictions(predictor, kn, [o], ("designations",))
                joints[(o.article.id, t)] = joint
                s = si_sums([(a, x, y) for a, _, x, y in joint], gold)
                sums[(o.article.id, t)] = s.get(o.article.id, (0.0, 0, 0.0, len(gold)))
        base = [p for o in test for p in predictions(predictor, knobs, [o], ("designations",))]
        results["baseline"].append(scores_of(test, base, knobs.tc_mix))
        for b in bins:
            cuts = np.quantile([level[o.article.id] for o in train], np.linspace(0, 1, b + 1)[1:-1])

            def group(i, cuts=cuts, level=level):
                return int(np.searchsorted(cuts, level[i]))

            best = None
            for combo in itertools.product(ADAPTIVE_THRESHOLDS, repeat=b):
                f1 = prf_of(sums[(o.article.id, combo[group(o.article.id)])] for o in train).f1
                if best is None or f1 > best[0]:
                    best = (f1, combo)
            combo = best[1]
            joint = [p for o in test for p in joints[(o.article.id, combo[group(o.article.id)])]]
            res = scores_of(test, joint, knobs.tc_mix)
            res.update(thresholds=list(combo), inner_si=round(best[0], 4))
            results[f"{b} groups"].append(res)
        log(
            f"fold {f + 1}: {time.time() - started:.0f}s "
            + " | ".join(
                f"{n} SI {r[-1]['si']:.4f} J {r[-1]['joint']:.4f} {r[-1].get('thresholds', '')}"
                for n, r in results.items()
            ),
            flush=True,
        )
    return results


def scores_of(test: Sequence[ArticleOutputs], joint: list, tc_mix: float) -> dict[str, float]:
    """SI (with P and R), TC and joint of labelled predictions on ``test``."""
    from presslens.eval.spans import tc_score

    gold = [(o.article.id, g.technique, g.start, g.end) for o in test for g in o.article.spans]
    si = prf_of(
        si_sums([(a, s, e) for a, _, s, e in joint], [(a, s, e) for a, _, s, e in gold]).values()
    )
    return {
        "si": si.f1,
        "si_p": si.precision,
        "si_r": si.recall,
        "tc": tc_score(tc_predictions(test, tc_mix), gold).micro.f1,
        "joint": prf_of(joint_sums(joint, gold).values()).f1,
    }


if __name__ == "__main__":
    main()
