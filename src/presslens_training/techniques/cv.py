"""Choosing the techniques model's CPU-side knobs by k-fold cross-validation by article.

The encoder was fine-tuned on the ``fit`` articles, so its states there are overfit:
knobs chosen on them would trust it too much. Every decision made without retraining
the encoder (the lexical mix weights, the decoding knobs, rules on or off) is therefore
scored on the articles it never trained on, ``tune`` + ``val`` (93 of PTC's 371 train
articles), split by article into ``k`` folds: each fold's knobs are tuned on the other
folds and scored on it, and the spread over folds says how far a difference is noise.
The knobs that ship are then tuned once on all held-out articles (:func:`tune`).

One encoder pass per article is cached (:func:`collect`): tuning only re-decodes
cached probabilities, so a 5-fold run costs minutes on one core. A model "as it is"
(any :class:`Predictor`, e.g. an older three-encoder one) is scored on the same folds
without retuning (:func:`fixed_predictions`).

No torch: numpy and onnxruntime only.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from presslens.corpora import ptc
from presslens.corpora.ptc import Article
from presslens.document import Span
from presslens.eval.spans import Labelled, joint_sums, prf_of, si_sums, tc_score
from presslens.techniques.decode import DecodeParams, decode_words, word_scores
from presslens.techniques.designations import NAME_CALLING, find_designations
from presslens.techniques.features import normalise, sentence_of
from presslens.techniques.model import (
    Predictor,
    Tagged,
    load_predictor,
    mix_techniques,
    mix_token_probabilities,
    rank_labels,
    tagger_files,
)
from presslens.techniques.windows import line_sentences

HELDOUT = ("tune", "val")
"""The splits the encoder never trained on: the articles cross-validation reads."""
FOLD_SEED = 20200911
TAG_MIXES = (0.0, 0.2, 0.4, 0.6)
"""Lexical token model's share in span detection (linear mix)."""
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4)
GAPS = (2, 3, 4, 5)
PEAKS = (0.0, 0.4)
MIN_CHARS = 8
TC_MIXES = (0.0, 0.25, 0.5, 0.75)
"""Lexical span model's share in technique classification (log-linear mix)."""
CORES = (0.0, 0.6)
LABELLED = (0.0, 0.3, 0.4, 0.5)
SCORES = ("si", "tc", "joint")


@dataclass
class ArticleOutputs:
    """One article's encoder pass and what the knobs mix it with, cached for tuning."""

    article: Article
    sentences: list[Span]
    tagged: Tagged
    lexical: list[np.ndarray]
    """Lexical token probabilities per window (what ``tag_mix`` mixes in)."""
    gold_head: np.ndarray
    """``(gold spans, 14)``: the encoder's technique distribution on the gold spans
    (the span head's, or the technique head's mean), before the lexical mix."""
    gold_lexical: np.ndarray
    """``(gold spans, 14)``: the lexical span model's on the gold spans."""
    rules: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)
    """Rule-found ``(span, technique)`` per rule name (see :data:`RULES`)."""

    @property
    def gold_spans(self) -> list[Span]:
        return [(g.start, g.end) for g in self.article.spans]


@dataclass(frozen=True)
class Knobs:
    """What cross-validation chooses: mix weights and decoding knobs."""

    tag_mix: float
    tc_mix: float
    params: DecodeParams

    def to_dict(self) -> dict:
        return {"tag_mix": self.tag_mix, "tc_mix": self.tc_mix, **dataclasses.asdict(self.params)}


def designation_rule(article: Article) -> list[tuple[Span, str]]:
    """The stage's designation rule (:mod:`presslens.techniques.designations`)."""
    return [(span, NAME_CALLING) for span in find_designations(article.text)]


RULES: dict[str, Callable[[Article], list[tuple[Span, str]]]] = {
    "designations": designation_rule,
}
"""Rules the stage may add beside the model, scored on or off by cross-validation."""


def heldout_articles() -> list[Article]:
    """The ``tune`` and ``val`` articles, sorted by id."""
    split = ptc.split_ids(ptc.article_ids())
    return ptc.load_articles(ids=[i for name in HELDOUT for i in split[name]])


def folds(ids: Iterable[str], k: int, seed: int = FOLD_SEED) -> list[list[str]]:
    """``k`` disjoint article-id lists: a seeded shuffle of the sorted ids, dealt in turn.

    >>> [len(f) for f in folds([str(i) for i in range(93)], 5)]
    [19, 19, 19, 18, 18]
    """
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def collect(
    predictor: Predictor,
    articles: Sequence[Article],
    rules: dict[str, Callable[[Article], list[tuple[Span, str]]]] | None = None,
) -> list[ArticleOutputs]:
    """One encoder pass per article (PTC's sentence lines, as in training), cached."""
    if predictor.lexical is None or (predictor.tech_w is None and predictor.pool_w is None):
        raise ValueError("cross-validation needs a model with lexical models and technique head")
    out = []
    for article in articles:
        sentences = line_sentences(article.text)
        tagged = predictor.tagged(article.text, sentences)
        windows = tagged[0]
        lexical = predictor.lexical.token_probabilities(article.text, windows)
        gold = [(g.start, g.end) for g in article.spans]
        around = [sentence_of(sentences, span) for span in gold]
        out.append(
            ArticleOutputs(
                article,
                sentences,
                tagged,
                lexical,
                predictor.encoder_techniques(article.text, sentences, gold, tagged),
                predictor.lexical.span_probabilities(
                    article.text, gold, around, normalise(article.text)
                ),
                {name: rule(article) for name, rule in (rules or RULES).items()},
            )
        )
    return out


def _gold(outputs: Sequence[ArticleOutputs]) -> list[Labelled]:
    return [(o.article.id, g.technique, g.start, g.end) for o in outputs for g in o.article.spans]


def _mixed(predictor: Predictor, o: ArticleOutputs, tag_mix: float) -> list[np.ndarray]:
    _, raw, _ = o.tagged
    prior = predictor.tag_prior
    return [
        mix_token_probabilities(p, q, tag_mix, "linear", prior)
        for p, q in zip(raw, o.lexical, strict=True)
    ]


def tune_detection(
    predictor: Predictor, outputs: Sequence[ArticleOutputs]
) -> tuple[float, float, DecodeParams]:
    """``(SI F1, tag_mix, knobs)`` with the best SI F1 over the grid (first on ties)."""
    gold = [(a, s, e) for a, _, s, e in _gold(outputs)]
    best: tuple[float, float, DecodeParams] | None = None
    for tag_mix in TAG_MIXES:
        scored = [
            (
                o,
                [
                    word_scores(w, p)
                    for w, p in zip(o.tagged[0], _mixed(predictor, o, tag_mix), strict=True)
                ],
            )
            for o in outputs
        ]
        for threshold, gap, peak in itertools.product(THRESHOLDS, GAPS, PEAKS):
            params = DecodeParams(threshold, gap, MIN_CHARS, peak)
            pred = [
                (o.article.id, s, e)
                for o, words in scored
                for (s, e), _ in decode_words(o.article.text, words, params)
            ]
            f1 = prf_of(si_sums(pred, gold).values()).f1
            if best is None or f1 > best[0]:
                best = (f1, tag_mix, params)
    assert best is not None
    return best


def tc_predictions(outputs: Sequence[ArticleOutputs], tc_mix: float) -> list[Labelled]:
    """Techniques on the gold spans (SemEval TC): the head mixed with the lexical model."""
    pred: list[Labelled] = []
    for o in outputs:
        spans = o.gold_spans
        if spans:
            mixed = mix_techniques(o.gold_head, o.gold_lexical, tc_mix)
            labels = rank_labels(mixed, spans)
            pred.extend((o.article.id, t, s, e) for t, (s, e) in zip(labels, spans, strict=True))
    return pred


def tune_classification(outputs: Sequence[ArticleOutputs]) -> tuple[float, float]:
    """``(TC micro-F1, tc_mix)`` with the best TC micro-F1 on gold spans."""
    gold = _gold(outputs)
    best = max(
        (
            (tc_score(tc_predictions(outputs, mix), gold).micro.f1, -i)
            for i, mix in enumerate(TC_MIXES)
        )
    )
    return best[0], TC_MIXES[-best[1]]


def configured(predictor: Predictor, knobs: Knobs) -> Predictor:
    """``predictor`` with ``knobs`` (linear token mix)."""
    return dataclasses.replace(
        predictor,
        params=knobs.params,
        tag_mix=knobs.tag_mix,
        tag_mode="linear",
        tc_mix=knobs.tc_mix,
    )


def predictions(
    predictor: Predictor,
    knobs: Knobs,
    outputs: Sequence[ArticleOutputs],
    rules: Sequence[str] = (),
) -> list[Labelled]:
    """Labelled spans (joint task) of the one-pass model with ``knobs``, plus ``rules``."""
    trial = configured(predictor, knobs)
    pred: list[Labelled] = []
    for o in outputs:
        text = o.article.text
        windows, raw, techs = o.tagged
        if windows:
            found, named = trial.spans_from(text, windows, raw, techs, o.lexical)
            for (s, e), technique, _ in trial.label(text, o.sentences, found, named, o.tagged):
                pred.append((o.article.id, technique, s, e))
        for rule in rules:
            pred.extend((o.article.id, t, s, e) for (s, e), t in o.rules.get(rule, ()))
    return pred


def tune(predictor: Predictor, outputs: Sequence[ArticleOutputs]) -> tuple[Knobs, dict]:
    """Knobs tuned on ``outputs``: SI F1 picks the token mix and span knobs, TC micro-F1
    the technique mix, the joint F1 the nested ``core`` and ``labelled`` runs (which
    leave SI unchanged). Returns the knobs and the scores that chose them."""
    si, tag_mix, params = tune_detection(predictor, outputs)
    tc, tc_mix = tune_classification(outputs)
    gold = _gold(outputs)
    best: tuple[float, Knobs] | None = None
    for core, labelled in itertools.product(CORES, LABELLED):
        knobs = Knobs(tag_mix, tc_mix, dataclasses.replace(params, core=core, labelled=labelled))
        f1 = prf_of(joint_sums(predictions(predictor, knobs, outputs), gold).values()).f1
        if best is None or f1 > best[0]:
            best = (f1, knobs)
    assert best is not None
    return best[1], {"si": round(si, 4), "tc": round(tc, 4), "joint": round(best[0], 4)}


def scores(
    outputs: Sequence[ArticleOutputs], joint: Sequence[Labelled], tc: Sequence[Labelled]
) -> dict[str, float]:
    """SI F1, TC micro-F1 on gold spans and joint F1 of predictions on ``outputs``."""
    ids = {o.article.id for o in outputs}
    gold = _gold(outputs)
    joint = [p for p in joint if p[0] in ids]
    return {
        "si": prf_of(
            si_sums(
                [(a, s, e) for a, _, s, e in joint], [(a, s, e) for a, _, s, e in gold]
            ).values()
        ).f1,
        "tc": tc_score([p for p in tc if p[0] in ids], gold).micro.f1,
        "joint": prf_of(joint_sums(joint, gold).values()).f1,
    }


@dataclass
class CVResult:
    """Per-fold scores of one system, and their mean and standard deviation."""

    name: str
    folds: list[dict[str, float]]
    knobs: list[dict] = field(default_factory=list)

    def mean(self, score: str) -> float:
        return statistics.fmean(f[score] for f in self.folds)

    def sd(self, score: str) -> float:
        values = [f[score] for f in self.folds]
        return statistics.stdev(values) if len(values) > 1 else 0.0

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "folds": self.folds,
            "mean": {s: round(self.mean(s), 4) for s in SCORES},
            "sd": {s: round(self.sd(s), 4) for s in SCORES},
            "knobs": self.knobs,
        }


def cross_validate(
    predictor: Predictor,
    outputs: Sequence[ArticleOutputs],
    k: int = 5,
    variants: dict[str, Sequence[str]] | None = None,
) -> list[CVResult]:
    """Each fold scored with knobs tuned on the other folds (the model alone), once per
    variant: ``name -> rules`` added to the model's spans (default: none)."""
    variants = variants or {"knobs tuned per fold": ()}
    results = [CVResult(name, []) for name in variants]
    for fold in folds([o.article.id for o in outputs], k):
        held = set(fold)
        train = [o for o in outputs if o.article.id not in held]
        test = [o for o in outputs if o.article.id in held]
        knobs, _ = tune(predictor, train)
        tc = tc_predictions(test, knobs.tc_mix)
        for result, rules in zip(results, variants.values(), strict=True):
            joint = predictions(predictor, knobs, test, rules)
            result.folds.append(scores(test, joint, tc))
            result.knobs.append(knobs.to_dict())
    return results


def fixed_predictions(
    predictor: Predictor, articles: Sequence[Article], rules: Sequence[str] = ("designations",)
) -> tuple[list[Labelled], list[Labelled]]:
    """``(joint, tc)`` predictions of a model as it is (its own knobs), with ``rules``."""
    joint: list[Labelled] = []
    tc: list[Labelled] = []
    for article in articles:
        sentences = line_sentences(article.text)
        tagged = predictor.tagged(article.text, sentences)
        found = predictor.spans_from(article.text, *tagged) if tagged[0] else ([], [])
        for (s, e), technique, _ in predictor.label(article.text, sentences, *found, tagged):
            joint.append((article.id, technique, s, e))
        for rule in rules:
            joint.extend((article.id, t, s, e) for (s, e), t in RULES[rule](article))
        spans = [(g.start, g.end) for g in article.spans]
        scores = predictor.technique_scores(article.text, sentences, spans, tagged)
        labels = rank_labels(scores, spans)
        tc.extend((article.id, t, s, e) for t, (s, e) in zip(labels, spans, strict=True))
    return joint, tc


def fixed_result(
    name: str,
    outputs: Sequence[ArticleOutputs],
    joint: Sequence[Labelled],
    tc: Sequence[Labelled],
    k: int = 5,
) -> CVResult:
    """Per-fold scores of fixed predictions, on the same folds as :func:`cross_validate`."""
    by_id = {o.article.id: o for o in outputs}
    result = CVResult(name, [])
    for fold in folds(by_id, k):
        result.folds.append(scores([by_id[i] for i in fold], joint, tc))
    return result


def compare(
    predictor: Predictor,
    k: int = 5,
    baseline: Predictor | None = None,
    articles: Sequence[Article] | None = None,
) -> list[CVResult]:
    """What ``presslens eval techniques --cv K`` prints, all on the same folds.

    - the model as it is (its own knobs; these were tuned on all held-out articles, so
      this row is optimistic),
    - the model with knobs tuned on the other folds (the honest estimate), with the
      designation rule as the stage runs it,
    - the same without the rule (the model alone),
    - ``baseline`` as it is, when given (e.g. an older model).
    """
    articles = list(articles) if articles is not None else heldout_articles()
    outputs = collect(predictor, articles)
    joint, tc = fixed_predictions(predictor, articles)
    results = [
        fixed_result("model as it is, + designations", outputs, joint, tc, k),
        *cross_validate(
            predictor,
            outputs,
            k,
            {
                "knobs tuned per fold, + designations": ("designations",),
                "knobs tuned per fold, model alone": (),
            },
        ),
    ]
    if baseline is not None:
        joint, tc = fixed_predictions(baseline, articles)
        results.append(fixed_result("baseline as it is, + designations", outputs, joint, tc, k))
    return results


def make_one_pass(
    model_dir: Path, k: int = 5, *, span_head: bool = False, int8: bool = False
) -> list[CVResult]:
    """``presslens train techniques --one-pass``: ``model_dir``'s first tagger alone.

    The second tagger and the span classifier leave the folder (and ``config.json``),
    the heads file keeps the tagger's technique head only, and the lexical mix weights
    and decoding knobs are tuned on all held-out articles (:func:`tune`). Returns the
    cross-validation of that procedure and of the model as it was, on the same folds.

    ``int8``: the tagger's activations are rounded to 8 bits too
    (:func:`.quantize.dynamic_from_weights_only`), the only variant kept.
    ``span_head``: techniques come from a span head over the tagger's pooled states
    (:mod:`.span_head`, fitted on fit's gold spans) instead of the technique head's
    mean over the span.
    """
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    articles = heldout_articles()
    before = load_predictor(model_dir, threads=1)
    if before.tech_w is None:
        raise ValueError(f"{model_dir}: the tagger has no technique head (--heads-only first)")
    joint, tc = fixed_predictions(before, articles)
    kept: dict[str, dict[str, str]] = {}
    named: set[str] = set()
    for variant, files in config["onnx"].items():
        taggers = tagger_files(files)
        named.update(taggers[1:])
        if files.get("classifier") and files["classifier"] not in taggers[:1]:
            named.add(files["classifier"])
        kept[variant] = {"tagger": taggers[0]}
    config["onnx"] = kept
    config.pop("ensemble", None)
    for name in sorted(named - {v["tagger"] for v in kept.values()}):
        (model_dir / name).unlink(missing_ok=True)
    heads_path = model_dir / config["heads"]
    with np.load(heads_path) as old:
        heads = {key: old[key] for key in ("tag_tech_w", "tag_tech_b")}
    np.savez(heads_path, **heads)
    if int8:
        from presslens_training.techniques.quantize import dynamic_from_weights_only

        tagger = kept[config["default"]]["tagger"]
        dynamic_from_weights_only(model_dir / tagger, model_dir / "tagger.int8.onnx")
        for name in {tagger, *config.pop("shared_files", [])}:
            (model_dir / name).unlink(missing_ok=True)
        config["onnx"] = {"int8": {"tagger": "tagger.int8.onnx"}}
        config["default"] = "int8"
        config.pop("session_config", None)
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    if span_head:
        from presslens.techniques.labels import TECHNIQUES
        from presslens.techniques.model import N_FEATURES
        from presslens_training.techniques.span_head import add_span_head

        states = load_predictor(model_dir, threads=2)
        width = 4 * states.tech_w.shape[1] + N_FEATURES if states.tech_w is not None else 0
        states.pool_w = np.zeros((len(TECHNIQUES), width), np.float32)  # keep the states
        states.pool_b = np.zeros(len(TECHNIQUES), np.float32)
        add_span_head(model_dir, states, k)
        config = json.loads(config_path.read_text(encoding="utf-8"))
    predictor = load_predictor(model_dir, threads=1)
    system = "one pass" + (", span head" if span_head else "") + (", int8" if int8 else "")
    outputs = collect(predictor, articles)
    results = cross_validate(
        predictor,
        outputs,
        k,
        {
            f"{system}, knobs tuned per fold, + designations": ("designations",),
            f"{system}, knobs tuned per fold, model alone": (),
        },
    )
    results.append(fixed_result("previous model as it was, + designations", outputs, joint, tc, k))
    knobs, tuned = tune(predictor, outputs)
    params = dataclasses.asdict(knobs.params)
    config["decode"] = {**params, **{f"heldout_{key}_f1": value for key, value in tuned.items()}}
    config["lexical"].update(tag_mode="linear", tag_mix=knobs.tag_mix, tc_mix=knobs.tc_mix)
    config["cv"] = {
        "folds": k,
        "fold_seed": FOLD_SEED,
        "articles": "+".join(HELDOUT),
        "results": [r.to_dict() for r in results],
    }
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    return results
