"""``presslens train entities --data ner-uk``: knobs by CV, fit, held-out score, model card.

1. NER-UK's DEV documents are split by document (:mod:`presslens.corpora.ner_uk`):
   ``train`` (80% of each subcorpus) and ``heldout`` (20%, seeded).
2. Each knob setting of the grid is scored by k-fold cross-validation over
   ``train`` with what the entities stage outputs (typed-overlap F1 of its
   mentions); the best mean wins.
3. The tagger is fitted on all of ``train`` with those knobs and exported.
4. The held-out part is scored once, for the card (never to choose anything).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from presslens.corpora.ner_uk import HELDOUT_FRACTION, SPLIT_SEED, load_documents, split
from presslens.entities.tagger import CrfModel
from presslens.eval.entities import ENTITY_TYPES, Report, capitalised_runs, evaluate, stage_spans
from presslens_training.entities.train import (
    SEED,
    Knobs,
    cross_validate,
    examples,
    fit,
    summary,
)
from presslens_training.files import sha256

DEFAULT_GRID = (Knobs(0.05, 0.01), Knobs(0.2, 0.01))
MAX_BYTES = 1_000_000


def stage_f1(model: CrfModel, docs: Sequence) -> float:
    """Typed-overlap F1 of the entities stage with ``model`` on ``docs``."""
    return evaluate(docs, lambda text: stage_spans(text, "uk", model)).overlap.prf().f1


def train_entities(
    out: Path,
    *,
    root: Path | None = None,
    grid: Sequence[Knobs] = DEFAULT_GRID,
    folds: int = 5,
    heldout: bool = True,
    log: Callable = print,
) -> dict:
    """Run the whole recipe; returns what the card reports."""
    started = time.time()
    docs = load_documents(root)
    train, held = split(docs, "train"), split(docs, "heldout")
    log(f"NER-UK: {len(train)} train documents, {len(held)} held out")
    cache = {d.id: examples(d) for d in train}
    cv: list[dict] = []
    for knobs in grid:
        log(f"CV {knobs}")
        scores = cross_validate(train, knobs, stage_f1, folds, log, cache)
        mean, std = summary(scores)
        cv.append({"knobs": knobs.__dict__, "folds": scores, "mean": mean, "std": std})
        log(f"  mean {mean:.4f} std {std:.4f}")
    best = max(cv, key=lambda row: row["mean"])
    knobs = Knobs(**best["knobs"])
    model = fit([ex for d in train for ex in cache[d.id]], knobs, log)
    record = {
        "data": "NER-UK 2.0 DEV part (lang-uk/ner-uk@7772b45), CC BY-NC-SA 4.0",
        "split": {
            "seed": SPLIT_SEED,
            "heldout_fraction": HELDOUT_FRACTION,
            "train": len(train),
            "heldout": len(held),
            "heldout_ids": [d.id for d in held],
        },
        "seed": SEED,
        "knobs": knobs.__dict__,
        "cv": cv,
        "features": len(model.hashes),
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
    }
    model.save(out, extra={"knobs": knobs.__dict__})
    if heldout:
        record["heldout"] = heldout_scores(held, model)
    record["seconds"] = round(time.time() - started, 1)
    (out / "train.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    write_card(out, record)
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    if size > MAX_BYTES:
        log(f"warning: model folder is {size} bytes (limit {MAX_BYTES})")
    return record


def scores_of(report: Report) -> dict:
    def prf(c) -> dict:
        r = c.prf()
        return {"p": round(r.precision, 4), "r": round(r.recall, 4), "f1": round(r.f1, 4)}

    return {
        "overlap": prf(report.overlap),
        "exact": prf(report.exact),
        "untyped": prf(report.untyped),
        "by_type": {
            t: {"overlap": prf(o), "exact": prf(e), "gold": o.gold}
            for t, (o, e) in report.by_type.items()
        },
    }


def heldout_scores(held: Sequence, model: CrfModel | None) -> dict:
    """The stage and the capitalised-run baseline on the held-out documents."""
    return {
        "stage": scores_of(evaluate(held, lambda text: stage_spans(text, "uk", model))),
        "baseline": scores_of(evaluate(held, capitalised_runs)),
    }


def write_card(out: Path, record: dict) -> None:
    files = sorted(p for p in out.iterdir() if p.is_file() and p.name != "MODEL_CARD.md")
    lines = [
        "# presslens Ukrainian entity tagger (entities-uk)",
        "",
        "A linear-chain CRF that tags people (PERS), organisations (ORG), places (LOC) and job",
        "titles (JOB) in Ukrainian text, for `presslens.entities.ukrainian`. Trained with",
        "CRFsuite (python-crfsuite, training only) and exported to arrays (`crf.npz`: CRC32 of",
        "each kept feature string, float16 label weights, transitions); inference is numpy",
        "Viterbi (`presslens.entities.tagger`). Features: `presslens.entities.features`",
        "(spelling, shape, endings, pymorphy3-uk readings of the word and its neighbours, and",
        "the BIO label natasha 1.6.0's bundled Russian NER gives each word).",
        "",
        "## Data and license",
        f"- {record['data']}: 391 documents (news `ng_*`, Brown-corpus `bruk_*`),",
        "  gold PERS/ORG/LOC/JOB spans, read from `../shared/data/entities/ner-uk` (see its",
        "  SOURCE.md). No text is shipped.",
        "- **License: CC BY-NC-SA 4.0**, inherited from the data (non-commercial, attribution,",
        "  share-alike). The model files are a derivative and carry the same terms.",
        f"- Split by document, per subcorpus, seed {record['split']['seed']}: "
        f"{record['split']['train']} train, {record['split']['heldout']} held out "
        f"({record['split']['heldout_fraction']:.0%}; ids in `train.json`).",
        "",
        "## Reproduce",
        "```",
        "presslens train entities --data ner-uk --out src/presslens/models/entities-uk",
        "presslens eval entities --data ner-uk",
        "```",
        f"Seed {record['seed']} (CRFsuite's L-BFGS is deterministic); "
        f"{record['seconds']} s on CPU.",
        "",
        "## Knobs (5-fold CV over train documents; typed-overlap F1 of the entities stage)",
        "| c1 | c2 | iterations | mean | std | folds |",
        "|---|---|---|---|---|---|",
    ]
    for row in record["cv"]:
        k = row["knobs"]
        folds = " ".join(f"{s:.4f}" for s in row["folds"])
        lines.append(
            f"| {k['c1']} | {k['c2']} | {k['iterations']} | {row['mean']:.4f} | "
            f"{row['std']:.4f} | {folds} |"
        )
    lines += ["", f"Chosen: {record['knobs']}; {record['features']} features kept.", ""]
    if "heldout" in record:
        lines += [
            "## Held-out part (read once; entities stage vs the capitalised-run rule)",
            "| | overlap P | overlap R | overlap F1 | exact F1 | untyped overlap F1 |",
            "|---|---|---|---|---|---|",
        ]
        s = record["heldout"]["stage"]
        lines.append(
            f"| entities stage | {s['overlap']['p']} | {s['overlap']['r']} | "
            f"{s['overlap']['f1']} | {s['exact']['f1']} | {s['untyped']['f1']} |"
        )
        b = record["heldout"]["baseline"]["untyped"]
        lines.append(
            f"| capitalised runs (untyped: P {b['p']}, R {b['r']}) | – | – | – | – | {b['f1']} |"
        )
        lines += ["", "| type | gold | overlap F1 | exact F1 |", "|---|---|---|---|"]
        for t in ENTITY_TYPES:
            s = record["heldout"]["stage"]["by_type"][t]
            lines.append(f"| {t} | {s['gold']} | {s['overlap']['f1']} | {s['exact']['f1']} |")
        lines.append("")
    lines += ["## Files (sha256)", ""]
    lines += [f"- `{p.name}` {p.stat().st_size} bytes, `{sha256(p)}`" for p in files]
    lines.append("")
    (out / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
