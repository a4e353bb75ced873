"""Training the Ukrainian name tagger on NER-UK (``presslens train entities``).

Words are labelled BIO with the gold PERS, ORG, LOC and JOB spans (JOB: the
titles before names), described by :mod:`presslens.entities.features`, and a
linear-chain CRF is fitted with CRFsuite (L-BFGS, elastic net). The L1 weight
keeps the model sparse; the surviving features are exported as arrays that
:mod:`presslens.entities.tagger` reads with numpy.

Knobs (``c1``, ``c2``) are chosen by k-fold cross-validation over the ``train``
part, scoring what the entities stage outputs (typed overlap F1 of its
mentions); the ``heldout`` part is only read by ``presslens eval entities``.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.corpora.ner_uk import NerDocument, folds
from presslens.entities.features import Token, document_features
from presslens.entities.tagger import CrfModel, feature_hash

SEED = 13
LABELS_ORDER = ("O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-JOB", "I-JOB")
_GOLD_TAG = {"PERSON": "PERS", "ORG": "ORG", "PLACE": "LOC", "JOB": "JOB"}


@dataclass(frozen=True)
class Knobs:
    c1: float = 0.1
    c2: float = 0.01
    iterations: int = 100


def word_labels(doc: NerDocument, words: list[Token]) -> list[str]:
    """BIO labels of one sentence's words from the document's gold spans."""
    labels = []
    previous = None
    for tok in words:
        span = next((s for s in doc.spans if s.start <= tok.start and tok.end <= s.end), None)
        if span is None:
            labels.append("O")
        else:
            tag = _GOLD_TAG[span.type]
            labels.append(("I-" if previous is span else "B-") + tag)
        previous = span
    return labels


def examples(doc: NerDocument) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of every sentence of ``doc``."""
    return [(feats, word_labels(doc, words)) for words, feats in document_features(doc.text)]


def fit(
    data: Sequence[tuple[list[list[str]], list[str]]],
    knobs: Knobs,
    log: Callable = print,
    labels: Sequence[str] = LABELS_ORDER,
) -> CrfModel:
    """A CRF fitted on ``data`` and exported to arrays (columns in ``labels`` order)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in data:
        trainer.append(feats, tags)
    trainer.set_params(
        {
            "c1": knobs.c1,
            "c2": knobs.c2,
            "max_iterations": knobs.iterations,
            "feature.possible_transitions": True,
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "crf.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    return export(info.state_features, info.transitions, labels)


def export(state: dict, transitions: dict, order: Sequence[str] = LABELS_ORDER) -> CrfModel:
    """Arrays from CRFsuite's weights: one row per kept feature string (keyed by CRC32)."""
    labels = list(order)
    for _, label in state:
        if label not in labels:
            labels.append(label)
    index = {label: i for i, label in enumerate(labels)}
    rows: dict[int, np.ndarray] = {}
    for (attr, label), weight in state.items():
        h = feature_hash(attr)
        row = rows.setdefault(h, np.zeros(len(labels), dtype=np.float32))
        row[index[label]] += weight
    hashes = np.array(sorted(rows), dtype=np.uint32)
    weights = (
        np.stack([rows[int(h)] for h in hashes])
        if len(hashes)
        else np.zeros((0, len(labels)), dtype=np.float32)
    )
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), weight in transitions.items():
        if a in index and b in index:
            trans[index[a], index[b]] = weight
    # The stored weights are float16: round here so CV scores what ships.
    return CrfModel(tuple(labels), hashes, weights.astype(np.float16).astype(np.float32), trans)


Examples = dict[str, list[tuple[list[list[str]], list[str]]]]


def cross_validate(
    docs: list[NerDocument],
    knobs: Knobs,
    score: Callable[[CrfModel, list[NerDocument]], float],
    k: int = 5,
    log: Callable = print,
    cache: Examples | None = None,
) -> list[float]:
    """The score of each of ``k`` folds, each scored by a model fitted on the others."""
    cache = cache if cache is not None else {d.id: examples(d) for d in docs}
    out = []
    for i, held in enumerate(folds(docs, k)):
        held_ids = {d.id for d in held}
        train = [ex for d in docs if d.id not in held_ids for ex in cache[d.id]]
        model = fit(train, knobs, log)
        out.append(score(model, held))
        log(f"  fold {i + 1}/{k}: {out[-1]:.4f}")
    return out


def summary(scores: list[float]) -> tuple[float, float]:
    return statistics.fmean(scores), statistics.stdev(scores) if len(scores) > 1 else 0.0
