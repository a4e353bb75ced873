"""``presslens train quotes``: knobs by CV, fit, held-out and dev scores, model card.

1. PolNeAR train is split by article (:mod:`presslens.corpora.polnear_split`): ``fit``
   (85% of each publisher's articles) and ``heldout`` (15%, seeded).
2. Each knob setting of the grid (CRF ``c1``/``c2``, feature set) is scored by k-fold
   cross-validation over ``fit`` with what the quotes stage outputs (content+source F1
   of ``presslens eval quotes``), for every way of combining the model with the rules;
   the best mean wins, setting and combination together, except that among the settings
   within one standard deviation of it the one with the fewest direct quotes whose gold
   runs beyond the marks is taken (:func:`choose`).
3. The CRF is fitted on all of ``fit`` and exported (numpy arrays, CRC32-keyed).
4. The held-out part and PolNeAR dev are scored once, for the card (never to choose).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from presslens.corpora.polnear_split import HELDOUT_FRACTION, SPLIT_SEED
from presslens_training.files import sha256
from presslens_training.quotes.data import folds, parsed, prepare, split
from presslens_training.quotes.train import (
    COMBINE_MODES,
    SEED,
    QuoteKnobs,
    cross_validate,
    example_cache,
    fit_model,
    gate_of,
    metrics,
    rules_of,
    score,
    summary,
    training_data,
)

# Feature set "flat" only: with spaCy's dependencies ("all", "wide") the CRF followed
# the parse, which moves when the parties' names are swapped (issue 19; see the card).
DEFAULT_GRID = (
    QuoteKnobs(0.05, 0.01, 60, "flat"),
    QuoteKnobs(0.2, 0.05, 60, "flat"),
)
MAX_BYTES = 5_000_000
DATA = (
    "PolNeAR v1.0.0 (networkdynamics/PolNeAR@c3eee83, Newell, Margolin and Ruths, LREC 2018), "
    "train split; no licence stated: research/evaluation use only"
)


def _rounded(row: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in row.items()}


def train_quotes(
    out: Path,
    *,
    cache: Path | None = None,
    grid: Sequence[QuoteKnobs] = DEFAULT_GRID,
    k: int = 5,
    heldout: bool = True,
    dev: bool = True,
    log: Callable = print,
    limit: int | None = None,
) -> dict:
    """Run the whole recipe; returns what the card reports (``limit``: first N articles
    of each part, for a quick check of the recipe itself)."""
    started = time.time()
    pairs = parsed("train", cache)
    sdocs = {a.name: d for a, d in pairs}
    articles = [a for a, _ in pairs]
    fit_part, held_part = split(articles, "fit")[:limit], split(articles, "heldout")[:limit]
    log(f"PolNeAR train: {len(fit_part)} articles to fit, {len(held_part)} held out")
    preps = {a.name: prepare(a, sdocs[a.name]) for a in fit_part}
    rules = {n: rules_of(p) for n, p in preps.items()}
    fold_preps = [[preps[a.name] for a in f] for f in folds(fit_part, k)]
    caches: dict[str, dict] = {}
    cv: list[dict] = []
    for knobs in grid:
        if knobs.features not in caches:
            caches[knobs.features] = example_cache(list(preps.values()), knobs.features)
        log(f"CV {knobs}")
        per_mode = cross_validate(fold_preps, knobs, rules, caches[knobs.features], log)
        for mode, rows in per_mode.items():
            if knobs != grid[0] and mode == "rules":
                continue  # the rules do not depend on the model's knobs
            mean, std = summary(rows)
            cv.append(
                {
                    "knobs": knobs.__dict__,
                    "combine": mode,
                    "folds": [_rounded(r) for r in rows],
                    "mean": round(mean, 4),
                    "std": round(std, 4),
                    "direct_mean": round(summary(rows, "direct_f1")[0], 4),
                    "direct_std": round(summary(rows, "direct_f1")[1], 4),
                    "overrun_mean": round(summary(rows, "overrun")[0], 4),
                }
            )
            log(f"  {mode}: mean {mean:.4f} std {std:.4f}")
    best = choose(cv)
    knobs = QuoteKnobs(**best["knobs"])
    combine = best["combine"]
    extra = gate_of(list(preps.values()), knobs)
    model = fit_model(
        training_data(list(preps.values()), caches[knobs.features], extra), knobs, log
    )
    record: dict = {
        "data": DATA,
        "split": {
            "seed": SPLIT_SEED,
            "heldout_fraction": HELDOUT_FRACTION,
            "fit": len(fit_part),
            "heldout": len(held_part),
            "folds": k,
            "heldout_names": [a.name for a in held_part],
        },
        "seed": SEED,
        "knobs": knobs.__dict__,
        "combine": combine,
        "cv": cv,
        "features": len(model.hashes),
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
    }
    model.save(
        out, extra={"knobs": knobs.__dict__, "combine": combine, "cue_lemmas": sorted(extra)}
    )
    if heldout:
        held = [prepare(a, sdocs[a.name]) for a in held_part]
        record["heldout"] = _scores(held, model, knobs, extra)
    if dev:
        dev_preps = [prepare(a, d) for a, d in parsed("dev", cache)[:limit]]
        record["dev"] = _scores(dev_preps, model, knobs, extra)
    record["seconds"] = round(time.time() - started, 1)
    previous = out / "train.json"
    if previous.exists():  # measurements and notes added after an earlier training
        earlier = json.loads(previous.read_text(encoding="utf-8"))
        record.update({k: earlier[k] for k in ("swap", "sections") if k in earlier})
    (out / "train.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    write_card(out, record)
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    if size > MAX_BYTES:
        log(f"warning: model folder is {size} bytes (limit {MAX_BYTES})")
    return record


def choose(cv: Sequence[dict]) -> dict:
    """The best mean content+source F1; among the settings within one standard deviation
    of it (a difference inside the noise is no result), the most regularised CRF (the
    one-standard-error rule: the simplest model the data cannot tell apart from the best;
    fewer, stronger weights also move less when spaCy re-tags a word beside a swapped
    name), then the fewest direct quotes whose gold runs beyond the marks (the issue's
    second target)."""
    top = max(cv, key=lambda row: row["mean"])
    close = [row for row in cv if row["mean"] >= top["mean"] - top["std"]]
    return min(
        close,
        key=lambda row: (
            -row["knobs"]["c1"],
            -row["knobs"]["c2"],
            row["overrun_mean"],
            -row["mean"],
        ),
    )


def _scores(preps: Sequence, model, knobs: QuoteKnobs, extra: frozenset[str]) -> dict:
    rules = {p.article.name: rules_of(p) for p in preps}
    reports = score(preps, model, knobs.features, rules, COMBINE_MODES, extra)
    return {m: _rounded(metrics(r)) for m, r in reports.items()}


def _default_line(record: dict) -> str:
    if record.get("default", False):
        return (
            "(on by default; the `attribution_model` setting,"
            " `PRESSLENS_ATTRIBUTION_MODEL=0`, turns it off)"
        )
    return "when the `attribution_model` setting is on (`PRESSLENS_ATTRIBUTION_MODEL=1`)"


def _gate(knobs: dict) -> str:
    if not knobs.get("gate_count"):
        return "lexicon"
    return f"+lemmas (>= {knobs['gate_count']}, {knobs['gate_rate']:.0%})"


def write_card(out: Path, record: dict) -> None:
    files = sorted(p for p in out.iterdir() if p.is_file() and p.name != "MODEL_CARD.md")
    sp = record["split"]
    lines = [
        "# presslens English attribution tagger (quotes-en)",
        "",
        "A linear-chain CRF that tags the cue, source and content of attributions in English",
        "news, token by token (`B-`/`I-` CUE, SRC, CONT), in the sentences where an attribution",
        "can be (a cue word, a quotation mark, a colon or a dash). Each content is linked to the",
        "nearest cue of its sentence and to the source nearest that cue",
        "(`presslens.attribution.learned`); the quotes stage combines these attributions with",
        "its rules " + _default_line(record) + ".",
        "Trained with CRFsuite (python-crfsuite, training only) and exported to",
        "arrays (`crf.npz`: CRC32 of each kept feature string, float16 label weights,",
        "transitions); inference is the numpy Viterbi of `presslens.entities.tagger`. Features:",
        "`presslens.attribution.learned_features`, set `" + record["knobs"]["features"] + "`",
        "(word, lemma, shape and part of speech of the token and its neighbours, quotation",
        "marks, the cue lexicon of `attribution/cues.py`, the nearest cue's side and distance,",
        "colon/dash side, sentence position; `all` and `wide` add spaCy's dependencies and the",
        "parse path to the reporting word above). Names are one placeholder: every",
        "capitalised word that is no English function word and no cue, by orthography (the",
        "techniques model's rule), never by spaCy's entity types.",
        "",
    ]
    if "swap" in record:
        sw = record["swap"]
        lines += [
            "## Party swap",
            f"Quote and sourcing labels that stay the same when the US parties' names are swapped"
            f" in {sw['articles']} PolNeAR train articles (`{sw['command']}`;"
            " `tests/test_party_swap_polnear.py` runs the same articles, with the model and"
            " without):",
            "",
            "| system | agreement |",
            "|---|---|",
        ]
        lines += [f"| {k} | {v} |" for k, v in sw["agreement"].items()]
        lines += ["", *sw.get("notes", []), ""]
    lines += [
        "## Data and license",
        f"- {record['data']}.",
        "  Read from `../shared/data/quotes/polnear` (see its SOURCE.md); no text is shipped.",
        "- **License: none stated by the corpus; the texts stay with their publishers.** The",
        "  model files are derived from the annotations for research and evaluation; cite",
        "  Newell et al. (LREC 2018). Check the terms before any other use.",
        f"- Split of train by article, per publisher, seed {sp['seed']}: {sp['fit']} to fit,"
        f" {sp['heldout']} held out ({sp['heldout_fraction']:.0%}; names in `train.json`).",
        "",
        "## Reproduce",
        "```",
        "presslens train quotes --out src/presslens/models/quotes-en",
        "presslens eval quotes --split dev",
        "presslens eval quotes --split heldout",
        "```",
        f"Seed {record['seed']} (CRFsuite's L-BFGS is deterministic); "
        f"{record['seconds']} s on CPU.",
        "",
        f"## Knobs ({record['split']['folds']}-fold CV over the fit articles; "
        "the quotes stage, scored as `presslens eval quotes` does)",
        "content+source F1 overall (mean, std) and on fully quoted attributions; `overrun`:",
        "the share of predicted direct quotes whose gold content runs beyond the marks.",
        "",
        "| c1 | c2 | iterations | features | gate | combine | mean | std | fully quoted "
        "| overrun |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in record["cv"]:
        kn = row["knobs"]
        lines.append(
            f"| {kn['c1']} | {kn['c2']} | {kn['iterations']} | {kn['features']} | "
            f"{_gate(kn)} | "
            f"{row['combine']} | {row['mean']:.4f} | {row['std']:.4f} | "
            f"{row['direct_mean']:.4f} ± {row['direct_std']:.4f} | {row['overrun_mean']:.4f} |"
        )
    lines += [
        "",
        f"Chosen: {record['knobs']}, combine `{record['combine']}`; "
        f"{record['features']} features kept. Rule: among the rows within one standard",
        "deviation of the best mean, the strongest regularisation (c1, c2), then the lowest",
        "overrun.",
        "",
    ]
    for part, title in (("heldout", "Held-out part of train (read once)"), ("dev", "PolNeAR dev")):
        if part not in record:
            continue
        lines += [
            f"## {title}",
            "| system | P | R | content+source F1 | fully quoted F1 | overrun |",
            "|---|---|---|---|---|---|",
        ]
        for mode, s in record[part].items():
            lines.append(
                f"| {mode} | {s['p']} | {s['r']} | {s['f1']} | {s['direct_f1']} | {s['overrun']} |"
            )
        lines.append("")
    for section in record.get("sections", []):  # notes written after training, kept
        lines += [f"## {section['title']}", *section["lines"], ""]
    lines += [
        "## Cost and limits",
        "- Speed: `python bench/bench_quotes_model.py --threads 1` times `analyze` with and",
        "  without the model in one process (PolNeAR dev articles near 4,500 characters).",
        "- Spans are PolNeAR's: content, cue and source as annotated there (thought and",
        "  intention included); speakers are surface mentions, linked to entities by the stage.",
        "- Names are masked and, in the set `flat`, no dependency is read; spaCy's coarse",
        "  part of speech of a word beside a name can still differ by name (see Party swap).",
        "",
        "## Files (sha256)",
        "",
    ]
    lines += [f"- `{p.name}` {p.stat().st_size} bytes, `{sha256(p)}`" for p in files]
    lines.append("")
    (out / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
