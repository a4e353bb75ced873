"""The techniques model at inference: span detection and span classification, one encoder pass.

A fine-tuned MiniLM tagger, exported to ONNX (int8), gives per wordpiece a propaganda
probability and its hidden state. Spans come from the propaganda probabilities
(:mod:`.decode`), mixed with a lexical token model (:mod:`.lexical`). Each span's
technique comes from the same hidden states: a span head (a linear layer, run in
numpy) over the states pooled over the span's wordpieces (mean, max, first, last) and
six hand-made span features (:func:`span_pool_features`), mixed with the lexical span
model. A per-wordpiece technique head (14 logistic regressions over the states) names
short runs nested in a long span. One encoder pass reads the article; earlier models
ran a second tagger and a span-classifier encoder over span windows (three passes,
about 3.7 times the time; ``MODEL_CARD.md``). A folder that still names a span
classifier is read the old way (its encoder over span windows, a linear head over
[CLS], span mean and max), and a one-pass folder without a span head names spans with
the technique head's mean, so older models stay comparable. The same code runs a torch
encoder while training (any ``Backend``), so what is tuned is what ships.

Nothing here imports torch.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.document import Span
from presslens.errors import ModelError
from presslens.techniques.decode import DecodeParams, decode, labelled_runs
from presslens.techniques.features import N_FEATURES, normalise, sentence_of, span_features
from presslens.techniques.labels import TECHNIQUES, trim_span
from presslens.techniques.lexical import LexicalModel
from presslens.techniques.windows import MAX_LEN, PAD_ID, Window, load_tokenizer, pack, span_window
from presslens.techniques.windows import encode_sentences as _encode

Backend = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
"""``(input_ids, attention_mask) -> (propaganda probability (B, T), hidden states (B, T, H))``."""

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "techniques"
BATCH = 16


def by_length(windows: Sequence[Window], size: int = BATCH) -> list[list[int]]:
    """Batches of window indices, shortest windows together, so padding stays small."""
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].ids))
    return [order[i : i + size] for i in range(0, len(order), size)]


def span_pieces(windows: Sequence[Window], span: Span) -> list[tuple[int, np.ndarray]]:
    """``(window index, piece positions)`` of the wordpieces overlapping ``span``."""
    out = []
    for k, window in enumerate(windows):
        first, last = window.span
        if first >= span[1] or span[0] >= last:
            continue
        offsets = np.asarray(window.offsets)
        inside = np.flatnonzero(
            (window.words >= 0) & (offsets[:, 0] < span[1]) & (span[0] < offsets[:, 1])
        )
        if len(inside):
            out.append((k, inside))
    return out


def head_span_probabilities(
    windows: Sequence[Window], techs: Sequence[np.ndarray], spans: Sequence[Span]
) -> np.ndarray:
    """``(len(spans), 14)``: the technique head's mean over each span's wordpieces, normalised.

    The head's 14 outputs are independent probabilities (a wordpiece can sit in nested
    spans of several techniques); their mean over the span, summed to one, is the span's
    technique distribution. A span no wordpiece covers gets the uniform one.
    """
    out = np.full((len(spans), len(TECHNIQUES)), 1.0 / len(TECHNIQUES), dtype=np.float32)
    for row, span in enumerate(spans):
        parts = [techs[k][inside] for k, inside in span_pieces(windows, span)]
        if parts:
            mean = np.concatenate(parts).mean(0)
            out[row] = mean / max(float(mean.sum()), 1e-9)
    return out


def same_length(windows: Sequence[Window], size: int = BATCH) -> list[list[int]]:
    """Batches of window indices of one length each (no padding), longest first."""
    groups: dict[int, list[int]] = {}
    for i, w in enumerate(windows):
        groups.setdefault(len(w.ids), []).append(i)
    return [
        group[i : i + size]
        for _, group in sorted(groups.items(), reverse=True)
        for i in range(0, len(group), size)
    ]


def batch_windows(windows: Sequence[Window]) -> tuple[np.ndarray, np.ndarray]:
    """Pad windows to one ``(B, T)`` id matrix and its attention mask."""
    width = max(len(w.ids) for w in windows)
    ids = np.full((len(windows), width), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(windows), width), dtype=np.int64)
    for i, w in enumerate(windows):
        ids[i, : len(w.ids)] = w.ids
        mask[i, : len(w.ids)] = 1
    return ids, mask


def span_head_input(hidden: np.ndarray, span_mask: np.ndarray, features: np.ndarray) -> np.ndarray:
    """``[CLS; mean(span); max(span); features]`` for one window's hidden states ``(T, H)``."""
    inside = hidden[span_mask] if span_mask.any() else hidden[:1]
    return np.concatenate([hidden[0], inside.mean(0), inside.max(0), features]).astype(np.float32)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p) - np.log1p(-p)


def mix_token_probabilities(
    encoder: np.ndarray, lexical: np.ndarray, mix: float, mode: str, prior: float
) -> np.ndarray:
    """The tagger's and the lexical token model's probabilities combined (see Predictor)."""
    if mode == "logodds":
        prior_logit = float(_logit(np.array(prior)))
        shift = mix * (_logit(lexical) - prior_logit)
        return (1.0 / (1.0 + np.exp(-(_logit(encoder) + shift)))).astype(np.float32)
    return ((1 - mix) * encoder + mix * lexical).astype(np.float32)


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def mix_techniques(encoder: np.ndarray, lexical: np.ndarray, mix: float) -> np.ndarray:
    """Normalised ``encoder**(1 - mix) * lexical**mix`` (rows are distributions)."""
    if mix <= 0:
        return encoder.astype(np.float32)
    logs = (1 - mix) * np.log(encoder + 1e-9) + mix * np.log(lexical + 1e-9)
    return softmax(logs).astype(np.float32)


class Tagged(tuple):
    """An article's windows, the tagger's propaganda probabilities per window and its
    technique head's ``(T, 14)`` outputs per window (None without that head): a
    3-tuple, so ``*tagged`` unpacks as before. ``states`` holds the tagger's hidden
    states per window ``(T, H)`` when a span head needs them (None otherwise)."""

    states: list[np.ndarray] | None

    def __new__(
        cls,
        windows: list[Window],
        probs: list[np.ndarray],
        techs: list[np.ndarray] | None,
        states: list[np.ndarray] | None = None,
    ) -> Tagged:
        self = super().__new__(cls, (windows, probs, techs))
        self.states = states
        return self


POOLS = ("mean", "max", "first", "last")
"""How the span head pools the tagger's states over a span's wordpieces."""


def span_pool_features(
    text: str,
    sentences: Sequence[Span],
    windows: Sequence[Window],
    states: Sequence[np.ndarray],
    spans: Sequence[Span],
) -> np.ndarray:
    """``(len(spans), 4H + 6)``: the tagger's states over each span's wordpieces pooled
    (mean, max, first piece, last piece) and the span's hand-made features
    (:func:`.features.span_features`: length, repetition in the article, sentence
    coverage, punctuation). A span no wordpiece covers pools zeros."""
    width = states[0].shape[1] if len(states) else 0
    doc_norm = normalise(text)
    rows = []
    for span in spans:
        parts = [states[k][inside] for k, inside in span_pieces(windows, span)]
        pieces = np.concatenate(parts) if parts else np.zeros((1, width), np.float32)
        pooled = (pieces.mean(0), pieces.max(0), pieces[0], pieces[-1])
        feats = span_features(text, span, sentence_of(list(sentences), span), doc_norm)
        rows.append(np.concatenate([*pooled, feats]).astype(np.float32))
    return np.stack(rows) if rows else np.zeros((0, 4 * width + N_FEATURES), np.float32)


@dataclass
class Predictor:
    """Detects and classifies technique spans with any :data:`Backend`."""

    backend: Backend
    tokenizer: object
    head_w: np.ndarray | None
    """Span-classifier head ``(14, 3H + F)`` of older models; None: the one-pass model,
    whose techniques come from the tagger's technique head (``tech_w``)."""
    head_b: np.ndarray | None
    params: DecodeParams
    span_backend: Backend | None = None
    """Encoder of the span classifier when it is not the tagger's (older models)."""
    lexical: LexicalModel | None = None
    """Hashed-feature models mixed with the encoders' outputs (:mod:`.lexical`)."""
    tag_mix: float = 0.0
    """How much the lexical token model moves the tagger's probability (see ``tag_mode``)."""
    tag_mode: str = "linear"
    """``linear``: ``(1 - tag_mix) * encoder + tag_mix * lexical``; ``logodds``: the
    encoder's log-odds plus ``tag_mix`` times the lexical model's log-odds above its prior
    (the fit positive rate ``tag_prior``), so a word the lexical model knows nothing about
    keeps the encoder's probability."""
    tag_prior: float = 0.124
    tc_mix: float = 0.0
    """Technique probabilities: normalised ``encoder**(1 - tc_mix) * lexical**tc_mix``."""
    max_len: int = MAX_LEN
    """Wordpieces per tagger window, as in training (the classifier's windows keep MAX_LEN)."""
    tech_w: np.ndarray | None = None
    """The tagger's per-token technique head ``(14, H)`` (for ``DecodeParams.labelled``)."""
    tech_b: np.ndarray | None = None
    pool_w: np.ndarray | None = None
    """Span head ``(14, 4H + 6)`` over :func:`span_pool_features` (the one-pass model's
    technique classifier; its input scaling is folded into the weights). None: the
    technique head's mean over the span's wordpieces names the span."""
    pool_b: np.ndarray | None = None

    def windows(self, text: str, sentences: Sequence[Span]) -> list[Window]:
        return pack(_encode(self.tokenizer, text, sentences), self.max_len)

    def probabilities(self, windows: Sequence[Window]) -> list[np.ndarray]:
        return self.tag_outputs(windows)[0]

    def tag_outputs(
        self, windows: Sequence[Window]
    ) -> tuple[list[np.ndarray], list[np.ndarray] | None]:
        """Per window: propaganda probability per piece, and ``(T, 14)`` technique
        probabilities from the tagger's technique head (None without that head)."""
        probs, techs, _ = self.tag_states(windows)
        return probs, techs

    def tag_states(
        self, windows: Sequence[Window]
    ) -> tuple[list[np.ndarray], list[np.ndarray] | None, list[np.ndarray] | None]:
        """:meth:`tag_outputs` and, when the span head needs them, the hidden states.

        Windows of equal length share a batch (``batch`` of them at most), so no
        position is padding: windows end at sentence ends, so most differ in length and
        run one at a time, which on one thread costs less than padding them.
        """
        probs: list[np.ndarray] = [np.zeros(0, np.float32)] * len(windows)
        techs: list[np.ndarray] | None = None if self.tech_w is None else list(probs)
        states: list[np.ndarray] | None = None if self.pool_w is None else list(probs)
        for batch in same_length(windows):
            chunk = [windows[i] for i in batch]
            prob, hidden = self.backend(*batch_windows(chunk))
            for j, (i, w) in enumerate(zip(batch, chunk, strict=True)):
                probs[i] = prob[j, : len(w.ids)]
                if techs is not None:
                    logits = hidden[j, : len(w.ids)] @ self.tech_w.T + self.tech_b
                    techs[i] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
                if states is not None:
                    states[i] = hidden[j, : len(w.ids)]
        return probs, techs, states

    def mix(
        self,
        text: str,
        windows: Sequence[Window],
        probs: list[np.ndarray],
        lexical: list[np.ndarray] | None = None,
    ) -> list[np.ndarray]:
        """Encoder probabilities, mixed with the lexical token model's when there is one
        (``lexical``: its probabilities, when the caller has them already)."""
        if self.lexical is None or self.tag_mix <= 0:
            return probs
        if lexical is None:
            lexical = self.lexical.token_probabilities(text, windows)
        return [
            mix_token_probabilities(p, q, self.tag_mix, self.tag_mode, self.tag_prior)
            for p, q in zip(probs, lexical, strict=True)
        ]

    def detect(self, text: str, sentences: Sequence[Span]) -> list[tuple[Span, float]]:
        """Propaganda spans (SemEval SI) with their mean word probability."""
        windows, raw, techs = self.tagged(text, sentences)
        return self.spans_from(text, windows, raw, techs)[0] if windows else []

    def tagged(self, text: str, sentences: Sequence[Span]) -> Tagged:
        """The article's windows and the tagger's outputs on them: the one encoder pass."""
        windows = self.windows(text, sentences)
        if not windows:
            return Tagged([], [], None)
        return Tagged(windows, *self.tag_states(windows))

    def spans_from(
        self,
        text: str,
        windows: Sequence[Window],
        raw: list[np.ndarray],
        techs: list[np.ndarray] | None,
        lexical: list[np.ndarray] | None = None,
    ) -> tuple[list[tuple[Span, float]], list[tuple[Span, int, float]]]:
        """Spans to classify, and spans the technique head already names, from tag outputs
        (``lexical``: the lexical token probabilities, when the caller has them)."""
        found = decode(text, windows, self.mix(text, windows, raw, lexical), self.params)
        named = labelled_runs(text, windows, raw, techs, self.params) if techs else []
        return found, named

    def technique_scores(
        self,
        text: str,
        sentences: Sequence[Span],
        spans: Sequence[Span],
        tagged: Tagged | None = None,
    ) -> np.ndarray:
        """``(len(spans), 14)`` technique probabilities for given spans (SemEval TC).

        ``tagged``: the article's :meth:`tagged` outputs when the caller has them (the
        one-pass model reads its techniques there instead of running the encoder again).
        """
        if not spans:
            return np.zeros((0, len(TECHNIQUES)), dtype=np.float32)
        sentences = list(sentences) or [(0, len(text))]
        if self.head_w is None:
            return self.mix_techniques(
                text, sentences, spans, self.encoder_techniques(text, sentences, spans, tagged)
            )
        doc_norm = normalise(text)
        built = [span_window(self.tokenizer, text, sentences, s) for s in spans]
        # Spans in the same sentences share one window: encode each distinct window once.
        distinct: dict[bytes, int] = {}
        for window, _ in built:
            distinct.setdefault(window.ids.tobytes(), len(distinct))
        firsts: dict[int, Window] = {}
        for window, _ in built:
            firsts.setdefault(distinct[window.ids.tobytes()], window)
        unique = [firsts[i] for i in range(len(firsts))]
        states: list[np.ndarray] = []
        for i in range(0, len(unique), BATCH):
            ids, mask = batch_windows(unique[i : i + BATCH])
            _, hidden = (self.span_backend or self.backend)(ids, mask)
            states.extend(hidden[j, : int(mask[j].sum())] for j in range(len(ids)))
        rows: list[np.ndarray] = []
        around = [sentence_of(sentences, span) for span in spans]
        for span, sentence, (window, smask) in zip(spans, around, built, strict=True):
            hidden = states[distinct[window.ids.tobytes()]]
            feats = span_features(text, span, sentence, doc_norm)
            rows.append(span_head_input(hidden, smask, feats))
        assert self.head_b is not None
        logits = np.stack(rows) @ self.head_w.T + self.head_b
        return self.mix_techniques(text, sentences, spans, softmax(logits))

    def encoder_techniques(
        self,
        text: str,
        sentences: Sequence[Span],
        spans: Sequence[Span],
        tagged: Tagged | None = None,
    ) -> np.ndarray:
        """One-pass model: ``(len(spans), 14)`` technique probabilities from the tagger's
        states, before the lexical mix: the span head over pooled states when the model
        has one, else the technique head's mean over the span's wordpieces."""
        sentences = list(sentences) or [(0, len(text))]
        if tagged is None or (self.pool_w is not None and tagged.states is None):
            tagged = self.tagged(text, sentences)
        windows, _, techs = tagged
        if self.pool_w is not None:
            if not windows:
                return np.full((len(spans), len(TECHNIQUES)), 1.0 / len(TECHNIQUES), np.float32)
            assert tagged.states is not None and self.pool_b is not None
            feats = span_pool_features(text, sentences, windows, tagged.states, spans)
            return softmax(feats @ self.pool_w.T + self.pool_b).astype(np.float32)
        if techs is None:
            raise ModelError("a model without a span classifier needs a technique head")
        return head_span_probabilities(windows, techs, spans)

    def mix_techniques(
        self, text: str, sentences: Sequence[Span], spans: Sequence[Span], probs: np.ndarray
    ) -> np.ndarray:
        """Encoder technique probabilities, mixed with the lexical span model's when there
        is one: normalised ``encoder**(1 - tc_mix) * lexical**tc_mix``."""
        if self.lexical is None or self.lexical.span_w is None or self.tc_mix <= 0:
            return probs.astype(np.float32)
        around = [sentence_of(list(sentences), span) for span in spans]
        lexical = self.lexical.span_probabilities(text, spans, around, normalise(text))
        return mix_techniques(probs, lexical, self.tc_mix)

    def analyse(self, text: str, sentences: Sequence[Span]) -> list[tuple[Span, str, float]]:
        """Detected spans, each with its most likely technique and a joint score."""
        tagged = self.tagged(text, sentences)
        if not tagged[0]:
            return []
        found, named = self.spans_from(text, *tagged)
        return self.label(text, sentences, found, named, tagged)

    def label(
        self,
        text: str,
        sentences: Sequence[Span],
        found: list[tuple[Span, float]],
        named: list[tuple[Span, int, float]],
        tagged: Tagged | None = None,
    ) -> list[tuple[Span, str, float]]:
        """Classify ``found`` spans and add the ``named`` ones not already given that label."""
        scores = self.technique_scores(text, sentences, [s for s, _ in found], tagged)
        out = []
        for (span, p_span), p_tech in zip(found, scores, strict=True):
            k = int(p_tech.argmax())
            out.append((span, TECHNIQUES[k], float(p_span * p_tech[k]) ** 0.5))
        taken = {(span, technique) for span, technique, _ in out}
        for span, k, score in named:
            if (span, TECHNIQUES[k]) not in taken:
                taken.add((span, TECHNIQUES[k]))
                out.append((span, TECHNIQUES[k], score))
        return out


def onnx_session(
    path: Path, threads: int | None = None, session_config: dict[str, str] | None = None
) -> Any:
    """An onnxruntime CPU session over ``path`` (``threads`` intra-op, none spinning)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    for key, value in (session_config or {}).items():
        options.add_session_config_entry(key, str(value))
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Busy-waiting worker threads steal the core from other pipeline stages and workers.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def onnx_backend(
    path: Path, threads: int | None = None, session_config: dict[str, str] | None = None
) -> Backend:
    """An onnxruntime session over the exported encoder.

    ``session_config``: onnxruntime session entries the model's ``config.json`` asks for,
    e.g. ``session.disable_quant_qdq``: without it onnxruntime fuses each int8 weight's
    ``DequantizeLinear`` into an integer MatMul kernel, which on these encoders ran
    1.5 times slower than dequantising the weights once and multiplying in float.
    """
    session = onnx_session(path, threads, session_config)

    def run(ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        prob, hidden = session.run(["prop", "hidden"], {"input_ids": ids, "attention_mask": mask})
        return prob, hidden

    return run


@dataclass(frozen=True)
class Ensemble:
    """Several taggers as one :data:`Backend`: the weighted mean of their propaganda
    probabilities, with the first tagger's hidden states (the technique head was fitted
    on those). The members stay reachable, so tuning can weigh their outputs itself."""

    backends: Sequence[Backend]
    weights: Sequence[float]

    def __post_init__(self) -> None:
        if len(self.backends) != len(self.weights) or not self.backends:
            raise ModelError("an ensemble needs one weight per tagger")

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        total = float(sum(self.weights))
        prob, hidden = self.backends[0](ids, mask)
        prob = prob * (self.weights[0] / total)
        for backend, weight in zip(self.backends[1:], self.weights[1:], strict=True):
            prob = prob + backend(ids, mask)[0] * (weight / total)
        return prob.astype(np.float32), hidden


def tagger_files(files: dict) -> list[str]:
    """A variant's tagger file(s): one name, or a list for an ensemble of taggers."""
    tagger = files["tagger"]
    return [tagger] if isinstance(tagger, str) else list(tagger)


def load_predictor(
    directory: str | Path | None = None,
    *,
    variant: str | None = None,
    threshold: float | None = None,
    threads: int | None = None,
) -> Predictor:
    """Load a model directory (the shipped one by default) into a :class:`Predictor`.

    A variant that names no ``classifier`` is a one-pass model: its techniques come from
    the tagger's technique head (``tag_tech_w`` in the heads file).
    """
    base = Path(directory) if directory else SHIPPED
    config_path = base / "config.json"
    if not config_path.is_file():
        raise ModelError(f"no techniques model at {base} (config.json missing)")
    config = json.loads(config_path.read_text(encoding="utf-8"))
    files = config["onnx"][variant or config["default"]]
    taggers = tagger_files(files)
    classifier_file = files.get("classifier")
    for name in {
        *taggers,
        *([classifier_file] if classifier_file else []),
        *config.get("shared_files", []),
    }:
        if not (base / name).is_file():
            raise ModelError(f"techniques model file {base / name} is missing")
    heads = np.load(base / config["heads"])
    knobs = {k: v for k, v in config["decode"].items() if k in DecodeParams.__dataclass_fields__}
    params = DecodeParams(**knobs)
    if threshold is not None:
        params = dataclasses.replace(params, threshold=threshold)
    session_config = config.get("session_config") or {}
    backends = [onnx_backend(base / name, threads, session_config) for name in taggers]
    weights = config.get("ensemble", {}).get("weights") or [1.0] * len(backends)
    tagger = backends[0] if len(backends) == 1 else Ensemble(backends, weights)
    classifier = (
        None
        if classifier_file in (None, taggers[0])
        else onnx_backend(base / classifier_file, threads, session_config)
    )
    if classifier_file is None and not {"tag_tech_w", "span_pool_w"} & set(heads.files):
        raise ModelError(f"{base}: a model without a span classifier needs a technique head")
    lexical_config = config.get("lexical") or {}
    lexical = None
    if lexical_config:
        path = base / lexical_config["file"]
        if not path.is_file():
            raise ModelError(f"techniques model file {path} is missing")
        lexical = LexicalModel.load(path)
    return Predictor(
        tagger,
        load_tokenizer(base / "tokenizer.json"),
        heads["span_w"] if classifier_file else None,
        heads["span_b"] if classifier_file else None,
        params,
        classifier,
        lexical=lexical,
        tag_mix=float(lexical_config.get("tag_mix", 0.0)),
        tag_mode=str(lexical_config.get("tag_mode", "linear")),
        tag_prior=float(lexical_config.get("tag_prior", 0.124)),
        tc_mix=float(lexical_config.get("tc_mix", 0.0)),
        max_len=int(config.get("max_len", MAX_LEN)),
        tech_w=heads.get("tag_tech_w"),
        tech_b=heads.get("tag_tech_b"),
        pool_w=None if classifier_file else heads.get("span_pool_w"),
        pool_b=None if classifier_file else heads.get("span_pool_b"),
    )


_lock = threading.Lock()
_cache: dict[tuple, Predictor] = {}


PIPELINE_THREADS = 1
"""Threads per process in the pipeline: presslens scales with worker processes instead."""


def shared_predictor(directory: str | None = None, threshold: float | None = None) -> Predictor:
    """The process's predictor for ``directory``: loaded lazily, once, on one thread."""
    key = (directory, threshold)
    with _lock:
        if key not in _cache:
            _cache[key] = load_predictor(directory, threshold=threshold, threads=PIPELINE_THREADS)
        return _cache[key]


def rank_labels(scores: np.ndarray, spans: Sequence[Span]) -> list[str]:
    """One label per span; a span listed k times gets its k most likely techniques."""
    seen: dict[Span, int] = {}
    labels = []
    for span, row in zip(spans, scores, strict=True):
        rank = seen.get(span, 0)
        seen[span] = rank + 1
        order = np.argsort(-row)
        labels.append(TECHNIQUES[int(order[min(rank, len(order) - 1)])])
    return labels


__all__ = ["Predictor", "load_predictor", "rank_labels", "shared_predictor", "trim_span"]
