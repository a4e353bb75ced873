"""Exploration (issue 19): the attribution CRF with the rules' own reading as features.

Why: the shipped CRF reads words, marks and cues and is combined with the rules after
the fact (``add+outer``); it never sees what the rules found. Given each token's role
in the rules' attributions (content of a direct, mixed or indirect report, cue,
speaker) as features, the CRF can learn where the rules are right and what they miss
around them (stacking). The rules are not trained, so their reading of a held-out
article leaks nothing.

    PYTHONPATH=src python -m presslens_training.quotes.stacked --cache ../quotes-cache

Prints, over the 5 folds of the fit articles (the folds of ``presslens train quotes``),
mean ± std of content+source F1, fully quoted F1 and overrun for the rules alone, the
shipped CRF (``CACHE/learned_folds.pkl``, the quotes rules bench's) with ``add+outer``,
and the stacked CRF alone and combined; and the paired per-fold differences.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from presslens.attribution.found import Found
from presslens.attribution.learned import combine
from presslens.attribution.learned_features import sentence_features
from presslens.eval.quotes import Report, score_article
from presslens_training.quotes.data import Prepared, folds, gold_labels, parsed, prepare, split
from presslens_training.quotes.train import (
    QuoteKnobs,
    fit_model,
    metrics,
    predicted,
    rules_of,
)


def rule_roles(found: Sequence[Found]) -> dict[int, tuple[str, str, int]]:
    """Character offset -> (role, kind, event number) for every character the rules mark."""
    out: dict[int, tuple[str, str, int]] = {}
    for n, f in enumerate(found):
        spans = [("CONT", s) for s in f.parts]
        if f.cue is not None:
            spans.append(("CUE", f.cue))
        if f.speaker is not None:
            spans.append(("SRC", f.speaker))
        for role, (s, e) in spans:
            for c in range(s, e):
                out.setdefault(c, (role, f.kind, n))
    return out


def rule_features(tokens: Sequence[Any], roles: dict[int, tuple[str, str, int]]) -> list[list[str]]:
    """Per token: its role in the rules' reading, the role's kind and edge, its neighbours'."""
    tags = [roles.get(t.idx) for t in tokens]
    out = []
    for k, tag in enumerate(tags):
        role = tag[0] if tag else "O"
        prev = tags[k - 1] if k else None
        nxt = tags[k + 1] if k + 1 < len(tags) else None
        f = ["r=" + role, "r-1=" + (prev[0] if prev else "O"), "r+1=" + (nxt[0] if nxt else "O")]
        if tag:
            f.append("rk=" + role + "|" + tag[1])
            f.append("rb=" + ("I" if prev and prev[2] == tag[2] and prev[0] == role else "B"))
        out.append(f)
    return out


def unit_rows(
    prep: Prepared, found: Sequence[Found], keep: str
) -> list[tuple[int, list[list[str]]]]:
    """(unit index, features) of the units the stacked model reads: the lexicon gate's
    candidates and every unit the rules mark."""
    roles = rule_roles(found)
    marked = {k for k, u in enumerate(prep.units) if any(t.idx in roles for t in u.tokens)}
    rows = []
    for k in sorted(set(prep.candidates) | marked):
        u = prep.units[k]
        base = sentence_features(u.tokens, prep.quoted, keep)
        extra = rule_features(u.tokens, roles)
        rows.append((k, [a + b for a, b in zip(base, extra, strict=True)]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--c1", type=float, default=0.2)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=60)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from presslens.attribution.learned import link

    pairs = parsed("train", args.cache)
    docs = {a.name: d for a, d in pairs}
    fit = split([a for a, _ in pairs], "fit")
    preps = {a.name: prepare(a, docs[a.name]) for a in fit}
    ruled = {name: rules_of(p) for name, p in preps.items()}
    rows = {name: unit_rows(p, ruled[name], "flat") for name, p in preps.items()}
    shipped = pickle.loads((args.cache / "learned_folds.pkl").read_bytes())
    fold_preps = [[preps[a.name] for a in f] for f in folds(fit, 5)]
    knobs = QuoteKnobs(args.c1, args.c2, args.iterations, "flat")
    systems = ("rules", "shipped add+outer", "stacked", "stacked add+outer", "stacked+rules")
    table: dict[str, list[dict[str, float]]] = {s: [] for s in systems}
    for n, held in enumerate(fold_preps):
        names = {p.article.name for p in held}
        data = [
            (feats, gold_labels(p.article, p.units[k]))
            for f in fold_preps
            for p in f
            if p.article.name not in names
            for k, feats in rows[p.article.name]
        ]
        model = fit_model(data, knobs, lambda *a: None)
        reports = {s: Report() for s in systems}
        for p in held:
            name = p.article.name
            tagged = []
            for k, feats in rows[name]:
                labels = model.tag(feats)
                if any(label != "O" for label in labels):
                    tagged.append((k, p.units[k], labels))
            stacked = link(p.article.text, tagged, p.quoted)
            outputs = {
                "rules": ruled[name],
                "shipped add+outer": combine(ruled[name], shipped[name], "add+outer"),
                "stacked": stacked,
                "stacked add+outer": combine(ruled[name], stacked, "add+outer"),
                "stacked+rules": combine(ruled[name], stacked, "model+rules"),
            }
            for s, found in outputs.items():
                score_article(reports[s], p.article.text, predicted(found), p.article.attributions)
        for s in systems:
            table[s].append(metrics(reports[s]))
        print(
            f"fold {n + 1}: " + "  ".join(f"{s} {table[s][-1]['f1']:.4f}" for s in systems),
            flush=True,
        )
    for s in systems:
        cells = []
        for key in ("f1", "p", "r", "direct_f1", "overrun"):
            v = [r[key] for r in table[s]]
            cells.append(f"{key} {statistics.fmean(v):.4f} ± {statistics.stdev(v):.4f}")
        print(f"{s:20s} " + "  ".join(cells))
    for s in systems[1:]:
        d = [b["f1"] - a["f1"] for a, b in zip(table["rules"], table[s], strict=True)]
        print(
            f"{s} - rules: {statistics.fmean(d):+.4f} ± {statistics.stdev(d):.4f}  "
            + " ".join(f"{x:+.4f}" for x in d)
        )
    if args.json:
        args.json.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
