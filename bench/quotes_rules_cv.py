"""5-fold CV of the quotes stage's rules, alone and combined with the CRF (``add+outer``),
over the fit articles of PolNeAR train (issue 19), with what ``presslens eval quotes`` scores.

The folds are those of ``presslens train quotes``; the open-cue classifier (unless
``--no-open``) and the CRF of each fold are fitted on the other four (the CRF with c1 0.2,
c2 0.05, feature set ``flat``, as shipped); the CRF's attributions are
kept in ``CACHE/learned_folds.pkl``, so a change to the rules is scored in a minute. The
parses are kept in ``CACHE`` as the training recipe keeps them. Prints, per system, the
mean ± std over the folds of content+source F1 (and P, R), fully quoted F1 and the
overrun (predicted direct quotes whose gold runs beyond the marks), and writes the
per-fold rows to ``--json`` for paired differences.

    PYTHONPATH=src python bench/quotes_rules_cv.py --cache ../quotes-cache [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
from collections import Counter
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--no-open", action="store_true", help="the rules without the open-cue classifier"
    )
    ap.add_argument(
        "--no-crf", action="store_true", help="the rules only, without fitting the CRF's folds"
    )
    ap.add_argument(
        "--errors", action="store_true", help="print the error categories summed over the folds"
    )
    args = ap.parse_args()

    from presslens.attribution.learned import combine
    from presslens.eval.quotes import Report, score_article
    from presslens_training.quotes.data import folds, parsed, prepare, split
    from presslens_training.quotes.train import (
        QuoteKnobs,
        example_cache,
        fit_model,
        learned_of,
        metrics,
        predicted,
        rules_of,
        training_data,
    )

    pairs = parsed("train", args.cache)
    docs = {a.name: d for a, d in pairs}
    fit = split([a for a, _ in pairs], "fit")
    preps = {a.name: prepare(a, docs[a.name]) for a in fit}
    fold_preps = [[preps[a.name] for a in f] for f in folds(fit, 5)]
    stored = args.cache / "learned_folds.pkl"
    if args.no_crf:
        learned = {a.name: [] for a in fit}
    elif stored.exists():
        learned = pickle.loads(stored.read_bytes())
    else:
        knobs = QuoteKnobs(0.2, 0.05, 60, "flat")
        examples = example_cache(list(preps.values()), "flat")
        learned = {}
        for held in fold_preps:
            names = {p.article.name for p in held}
            train = [p for f in fold_preps for p in f if p.article.name not in names]
            model = fit_model(training_data(train, examples, frozenset()), knobs, lambda *a: None)
            for p in held:
                learned[p.article.name] = learned_of(p, model, "flat", frozenset())
        stored.write_bytes(pickle.dumps(learned))
    open_models = [None] * len(fold_preps)
    if not args.no_open:
        # The open-cue classifier of each fold, fitted on the other folds' candidates
        # with the shipped C and threshold, as the stage runs it.
        from presslens.attribution import open_cues
        from presslens_training.quotes.open_cues import THRESHOLD, candidates_of, fit

        shipped = open_cues.MODEL_DIR / "open_cues.json"
        c = json.loads(shipped.read_text(encoding="utf-8"))["c"] if shipped.exists() else 0.3
        cands = {n: candidates_of(p, rules_of(p)) for n, p in preps.items()}
        for k, held in enumerate(fold_preps):
            names = {p.article.name for p in held}
            train = [x for n, x in cands.items() if n not in names]
            open_models[k] = fit(
                [r for x in train for r in x.rows],
                [v for x in train for v in x.labels],
                c,
                THRESHOLD,
            )
    systems = ("rules",) if args.no_crf else ("rules", "add+outer")
    rows: dict[str, list[dict[str, float]]] = {m: [] for m in systems}
    errors: dict[str, Counter[str]] = {m: Counter() for m in systems}
    for k, held in enumerate(fold_preps):
        reports = {m: Report() for m in rows}
        for p in held:
            ruled = rules_of(p, open_models[k])
            for m, rep in reports.items():
                found = combine(ruled, learned[p.article.name], m)
                score_article(rep, p.article.text, predicted(found), p.article.attributions)
        for m, rep in reports.items():
            rows[m].append(metrics(rep))
            errors[m].update(rep.errors)
    for m, per_fold in rows.items():
        for key in ("f1", "p", "r", "direct_f1", "overrun"):
            values = [r[key] for r in per_fold]
            print(
                f"{m} {key}: {statistics.fmean(values):.4f} ± {statistics.stdev(values):.4f}  "
                + " ".join(f"{v:.4f}" for v in values)
            )
    if args.errors:
        for m, counts in errors.items():
            for kind, n in sorted(counts.items()):
                print(f"{m} errors {kind}: {n}")
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
