"""The open-cue classifier of :mod:`presslens.attribution.open_cues`: its training data,
its fit and its cross-validation over the fit articles of PolNeAR train (issue 19).

A candidate is a report of a verb the rules did not read as a cue (see
:func:`presslens.attribution.indirect.open_reports`) whose content touches none the
rules found. Its label: whether it matches, with its source, a gold attribution that
no rule prediction matches (the scorer's test: content overlap of at least half the
smaller span, source spans overlapping). Labelled so, keeping a candidate adds a true
positive exactly when its label is 1, and F1 rises when a kept candidate is right
more often than F1/2 of the time: the threshold has a natural value near 0.4.

    PYTHONPATH=src python -m presslens_training.quotes.open_cues --cache DIR
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.attribution.found import Found
from presslens.attribution.indirect import open_reports
from presslens.attribution.marks import find_quotes
from presslens.attribution.open_cues import (
    BITS,
    WEIGHTS,
    OpenCueModel,
    features,
    fresh,
    index,
)
from presslens.attribution.quotes import regions
from presslens.eval.quotes import Report, chars, match, score_article, source_right
from presslens_training.quotes.data import Prepared
from presslens_training.quotes.train import metrics, predicted


@dataclass
class Candidates:
    """One article's rule output, its fresh open-verb candidates, their features and labels."""

    ruled: list[Found]
    found: list[Found]
    rows: list[list[str]]
    labels: list[int]


def candidates_of(prep: Prepared, ruled: list[Found]) -> Candidates:
    text = prep.article.text
    regs = regions(text, prep.regions, prep.excluded, prep.bounded)
    interiors = [q.span for q in find_quotes(text, regs)]
    found = fresh(open_reports(prep.sdoc, interiors, regs), ruled, text, prep.bounded)
    golds = prep.article.attributions
    taken = set(match(predicted(ruled), golds).values())
    labels = []
    for f, p in zip(found, predicted(found), strict=True):
        a = chars(f.parts)
        right = False
        for j, g in enumerate(golds):
            if j in taken:
                continue
            b = chars(g.content)
            inter = len(a & b)
            if inter and inter * 2 >= min(len(a), len(b)) and source_right(p, g):
                right = True
                break
        labels.append(int(right))
    return Candidates(ruled, found, [features(prep.sdoc, f) for f in found], labels)


def matrix(rows: Sequence[list[str]]):
    from scipy.sparse import csr_matrix

    indptr = [0]
    cols: list[int] = []
    for r in rows:
        cols.extend(sorted({index(x) for x in r}))
        indptr.append(len(cols))
    data = np.ones(len(cols), dtype=np.float32)
    return csr_matrix((data, cols, indptr), shape=(len(rows), 1 << BITS))


def fit(
    rows: Sequence[list[str]], labels: Sequence[int], c: float, threshold: float
) -> OpenCueModel:
    """A logistic regression (liblinear, L2) over the hashed features; its intercept is
    folded into the weight of the feature every candidate has (``bias``)."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    lr = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=SEED)
    with threadpool_limits(limits=1):  # with more threads the weights move by up to 1e-3
        lr.fit(matrix(rows), np.asarray(labels))
    weights = lr.coef_[0].astype(np.float32)
    weights[index("bias")] += float(lr.intercept_[0])
    return OpenCueModel(weights, threshold)


def kept(model: OpenCueModel, prep: Prepared, cand: Candidates) -> list[Found]:
    return sorted([*cand.ruled, *model.keep(prep.sdoc, cand.found)], key=lambda f: f.span)


def cross_validate(
    fold_preps: Sequence[Sequence[Prepared]],
    cands: dict[str, Candidates],
    cs: Sequence[float],
    thresholds: Sequence[float],
    log: Callable = print,
) -> dict[str, list[dict[str, float]]]:
    """Per setting, the per-fold metrics of the rules with the kept candidates."""
    rows: dict[str, list[dict[str, float]]] = {"rules": []}
    for k, held in enumerate(fold_preps):
        names = {p.article.name for p in held}
        train = [c for n, c in cands.items() if n not in names]
        x = [r for c in train for r in c.rows]
        y = [v for c in train for v in c.labels]
        base = Report()
        for p in held:
            score_article(
                base, p.article.text, predicted(cands[p.article.name].ruled), p.article.attributions
            )
        rows["rules"].append(metrics(base))
        for c in cs:
            model = fit(x, y, c, 0.5)
            for t in thresholds:
                m = OpenCueModel(model.weights, t)
                rep = Report()
                for p in held:
                    found = kept(m, p, cands[p.article.name])
                    score_article(rep, p.article.text, predicted(found), p.article.attributions)
                rows.setdefault(f"C={c} t={t}", []).append(metrics(rep))
        log(f"fold {k + 1} of {len(fold_preps)} scored")
    return rows


def fit_preparations(
    cache: Path | None, k: int
) -> tuple[dict[str, Prepared], list[list[Prepared]]]:
    """The fit articles of PolNeAR train, prepared, and their ``k`` folds (those of
    ``presslens train quotes``)."""
    from presslens_training.quotes.data import folds, parsed, prepare, split

    pairs = parsed("train", cache)
    docs = {a.name: d for a, d in pairs}
    fit_articles = split([a for a, _ in pairs], "fit")
    preps = {a.name: prepare(a, docs[a.name]) for a in fit_articles}
    return preps, [[preps[a.name] for a in f] for f in folds(fit_articles, k)]


# The knobs the folds choose among; the threshold is fixed near F1/2 (see above).
C_GRID = (0.1, 0.3, 1.0)
THRESHOLD = 0.4
SEED = 13


def train_open_cues(
    out: Path, *, cache: Path | None = None, k: int = 5, log: Callable = print
) -> dict:
    """Choose C by k-fold CV over the fit articles, fit on all of them, write
    ``open_cues.npz`` and ``open_cues.json`` (the CV table and the files' sha256) to ``out``."""
    from rich.progress import track

    from presslens_training.quotes.train import rules_of

    preps, fold_preps = fit_preparations(cache, k)

    cands = {
        n: candidates_of(p, rules_of(p))
        for n, p in track(list(preps.items()), description="open-verb candidates")
    }
    rows = cross_validate(fold_preps, cands, C_GRID, (THRESHOLD,), log)
    base = [r["f1"] for r in rows["rules"]]
    table = []
    for setting, per_fold in rows.items():
        f1 = [r["f1"] for r in per_fold]
        table.append(
            {
                "setting": setting,
                "f1_mean": round(statistics.fmean(f1), 4),
                "f1_std": round(statistics.stdev(f1), 4),
                "p": round(statistics.fmean(r["p"] for r in per_fold), 4),
                "r": round(statistics.fmean(r["r"] for r in per_fold), 4),
                "direct_f1": round(statistics.fmean(r["direct_f1"] for r in per_fold), 4),
                "overrun": round(statistics.fmean(r["overrun"] for r in per_fold), 4),
                "paired_diff": [round(a - b, 4) for a, b in zip(f1, base, strict=True)],
            }
        )
        log(f"{setting}: F1 {table[-1]['f1_mean']:.4f} ± {table[-1]['f1_std']:.4f}")
    best = max((r for r in table if r["setting"] != "rules"), key=lambda r: r["f1_mean"])
    c = float(best["setting"].split()[0].removeprefix("C="))
    x = [r for cand in cands.values() for r in cand.rows]
    y = [v for cand in cands.values() for v in cand.labels]
    model = fit(x, y, c, THRESHOLD)
    meta = {
        "data": "PolNeAR v1.0.0 train, fit part (see train.json); no licence stated: research use",
        "command": "presslens train quotes --open-cues-only",
        "seed": SEED,
        "c": c,
        "threshold": THRESHOLD,
        "candidates": len(y),
        "right": int(sum(y)),
        "cv": table,
    }
    model.save(out, meta)
    meta["sha256"] = hashlib.sha256((out / WEIGHTS).read_bytes()).hexdigest()
    (out / "open_cues.json").write_text(
        json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return meta


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from presslens_training.quotes.train import rules_of

    preps, fold_preps = fit_preparations(args.cache, 5)
    cands = {n: candidates_of(p, rules_of(p)) for n, p in preps.items()}
    n = sum(len(c.labels) for c in cands.values())
    pos = sum(sum(c.labels) for c in cands.values())
    print(f"{n} candidates, {pos} right ({pos / max(n, 1):.3f})")
    rows = cross_validate(fold_preps, cands, (0.1, 0.3), (0.35, 0.4, 0.45))
    base = [r["f1"] for r in rows["rules"]]
    for setting, per_fold in rows.items():
        f1 = [r["f1"] for r in per_fold]
        diff = [a - b for a, b in zip(f1, base, strict=True)]
        print(
            f"{setting:14s} F1 {statistics.fmean(f1):.4f} ± {statistics.stdev(f1):.4f}"
            f"  P {statistics.fmean(r['p'] for r in per_fold):.4f}"
            f"  R {statistics.fmean(r['r'] for r in per_fold):.4f}"
            f"  diff {statistics.fmean(diff):+.4f} (" + " ".join(f"{d:+.4f}" for d in diff) + ")"
        )
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
