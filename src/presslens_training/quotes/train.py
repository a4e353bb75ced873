"""Fitting and scoring the attribution CRF: one fit per knob setting and fold.

A fit reads the candidate units of its articles (:mod:`presslens_training.quotes.data`)
and calls the CRFsuite trainer the entity tagger uses
(:func:`presslens_training.entities.train.fit`), exported to numpy arrays. A fold is
scored the way ``presslens eval quotes`` scores (content overlap at least half,
speaker overlapping the gold source) for every way of combining model and rules at
once: the combination is a knob that needs no refit.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from presslens.attribution.found import Found
from presslens.attribution.learned import LABELS, combine, link
from presslens.attribution.learned_features import sentence_features
from presslens.attribution.open_cues import OpenCueModel
from presslens.attribution.quotes import attributed_quotes
from presslens.entities.tagger import CrfModel
from presslens.eval.quotes import Predicted, Report, score_article
from presslens_training.entities.train import Knobs, fit
from presslens_training.quotes.data import Example, Prepared, cue_lemmas, examples

SEED = 13
COMBINE_MODES = (
    "rules",
    "model",
    "model+rules",
    "add",
    "add+speaker",
    "add+mixed",
    "add+speaker+mixed",
    "add+speaker+mixed+veto",
    "add+outer",
    "add+speaker+outer",
)


@dataclass(frozen=True)
class QuoteKnobs:
    """The CRF's regularisation and iterations, and the feature set."""

    c1: float = 0.05
    c2: float = 0.01
    iterations: int = 60
    features: str = "all"
    # Learned cue lemmas that widen the gate: seen as cues at least this often and rate
    # (0 = the lexicon alone).
    gate_count: int = 0
    gate_rate: float = 0.2

    def crf(self) -> Knobs:
        return Knobs(self.c1, self.c2, self.iterations)


def fit_model(data: Sequence[Example], knobs: QuoteKnobs, log: Callable = print) -> CrfModel:
    model = fit(data, knobs.crf(), log, LABELS)
    return CrfModel(model.labels, model.hashes, model.weights, model.transitions, "en")


def rules_of(prep: Prepared, open_model: OpenCueModel | None = None) -> list[Found]:
    """What the rules find in one article (the stage's own call), with the open-cue
    classifier ``open_model`` where given."""
    paras = prep.regions
    return attributed_quotes(
        prep.article.text,
        prep.sdoc,
        paras,
        prep.excluded,
        prep.bounded,
        open_model=open_model,
    )


def learned_of(prep: Prepared, model: CrfModel, keep: str, extra: frozenset[str]) -> list[Found]:
    tagged = []
    for k in prep.selected(extra):
        unit = prep.units[k]
        labels = model.tag(sentence_features(unit.tokens, prep.quoted, keep))
        if any(label != "O" for label in labels):
            tagged.append((k, unit, labels))
    return link(prep.article.text, tagged, prep.quoted)


def gate_of(preps: Sequence[Prepared], knobs: QuoteKnobs) -> frozenset[str]:
    """The learned cue lemmas of ``preps`` (none when ``gate_count`` is 0)."""
    if not knobs.gate_count:
        return frozenset()
    return cue_lemmas(preps, knobs.gate_count, knobs.gate_rate)


def training_data(
    preps: Sequence[Prepared], cache: dict[str, list[Example]], extra: frozenset[str]
) -> list[Example]:
    return [ex for p in preps for k in p.selected(extra) for ex in (cache[p.article.name][k],)]


def predicted(found: Sequence[Found]) -> list[Predicted]:
    return [Predicted(f.parts, f.cue, f.speaker, f.kind == "direct") for f in found]


def score(
    preps: Sequence[Prepared],
    model: CrfModel | None,
    keep: str,
    rules: dict[str, list[Found]],
    modes: Sequence[str] = COMBINE_MODES,
    extra: frozenset[str] = frozenset(),
) -> dict[str, Report]:
    """One report per combination mode over ``preps``."""
    reports = {m: Report() for m in modes}
    for prep in preps:
        ruled = rules[prep.article.name]
        learned = learned_of(prep, model, keep, extra) if model is not None else []
        for m in modes:
            found = combine(ruled, learned, m)
            score_article(
                reports[m], prep.article.text, predicted(found), prep.article.attributions
            )
    return reports


def metrics(report: Report) -> dict[str, float]:
    """The acceptance numbers: content+source F1 overall and on fully quoted, and the
    share of predicted direct quotes whose gold content runs beyond the marks."""
    direct = report.prf("direct: content")
    over = report.errors.get("direct: gold runs beyond the marks", 0)
    return {
        "f1": report.prf("all: content+source").f1,
        "p": report.prf("all: content+source").precision,
        "r": report.prf("all: content+source").recall,
        "direct_f1": report.prf("direct: content+source").f1,
        "overrun": over / direct.n_p if direct.n_p else 0.0,
    }


def cross_validate(
    folds: Sequence[Sequence[Prepared]],
    knobs: QuoteKnobs,
    rules: dict[str, list[Found]],
    cache: dict[str, list[Example]],
    log: Callable = print,
) -> dict[str, list[dict[str, float]]]:
    """Per combination mode, the metrics of each fold (a model fitted on the others)."""
    out: dict[str, list[dict[str, float]]] = {m: [] for m in COMBINE_MODES}
    for i, held in enumerate(folds):
        held_names = {p.article.name for p in held}
        train = [p for fold in folds for p in fold if p.article.name not in held_names]
        extra = gate_of(train, knobs)
        model = fit_model(training_data(train, cache, extra), knobs, log)
        reports = score(held, model, knobs.features, rules, COMBINE_MODES, extra)
        for m, rep in reports.items():
            out[m].append(metrics(rep))
        log(
            f"  fold {i + 1}/{len(folds)}: "
            + " ".join(f"{m} {out[m][-1]['f1']:.4f}" for m in COMBINE_MODES)
        )
    return out


def summary(rows: Sequence[dict[str, float]], key: str = "f1") -> tuple[float, float]:
    values = [r[key] for r in rows]
    return statistics.fmean(values), statistics.stdev(values) if len(values) > 1 else 0.0


def example_cache(preps: Sequence[Prepared], keep: str) -> dict[str, list[Example]]:
    return {p.article.name: examples(p, keep) for p in preps}


def knobs_dict(knobs: QuoteKnobs) -> dict:
    return asdict(knobs)
