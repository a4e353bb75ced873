"""Technique-head runs (``DecodeParams.labelled``) and how the predictor merges them.

A fake encoder stands in for the ONNX tagger so the arithmetic is checked exactly.
"""

from __future__ import annotations

import numpy as np

from presslens.techniques.decode import DecodeParams, labelled_runs
from presslens.techniques.labels import TECHNIQUES
from presslens.techniques.model import Predictor
from presslens.techniques.windows import Window

TEXT = "under pressure from the criminal regime in Kiev"
# words: under pressure from the criminal regime in Kiev
OFFSETS = [(-1, -1), (0, 5), (6, 14), (15, 19), (20, 23), (24, 32), (33, 39), (40, 42), (43, 47)]
OFFSETS.append((-1, -1))
WORDS = np.array([-1, 0, 1, 2, 3, 4, 5, 6, 7, -1])
WINDOW = Window(np.arange(len(WORDS), dtype=np.int64), OFFSETS, WORDS)
NC = TECHNIQUES.index("Name_Calling,Labeling")
FEAR = TECHNIQUES.index("Appeal_to_fear-prejudice")


def _outputs() -> tuple[np.ndarray, np.ndarray]:
    prob = np.array([0, 0.6, 0.6, 0.6, 0.6, 0.9, 0.9, 0.6, 0.6, 0], dtype=np.float32)
    tech = np.full((len(WORDS), len(TECHNIQUES)), 0.05, dtype=np.float32)
    tech[1:9, FEAR] = 0.5  # the whole run leans to an appeal to fear
    tech[5:7, NC] = 0.8  # "criminal regime" reads as a label
    return prob, tech


def test_labelled_runs_name_the_nested_label():
    prob, tech = _outputs()
    found = labelled_runs(TEXT, [WINDOW], [prob], [tech], DecodeParams(labelled=0.5, min_chars=3))
    assert [(TEXT[s:e], TECHNIQUES[k]) for (s, e), k, _ in found] == [
        ("criminal regime", "Name_Calling,Labeling")
    ]
    score = found[0][2]
    assert abs(score - 0.9 * 0.8) < 1e-6
    lower = labelled_runs(TEXT, [WINDOW], [prob], [tech], DecodeParams(labelled=0.4, min_chars=3))
    assert {TECHNIQUES[k] for _, k, _ in lower} == {
        "Name_Calling,Labeling",
        "Appeal_to_fear-prejudice",
    }
    assert labelled_runs(TEXT, [WINDOW], [prob], [tech], DecodeParams(labelled=0.0)) == []


def test_labelled_runs_measure_length_with_names_masked():
    prob, tech = _outputs()
    tech[:, :] = 0.0
    tech[7:9, NC] = 0.9  # "in Kiev": 7 characters, "in [MASK]" 9
    params = DecodeParams(labelled=0.3, min_chars=9)
    found = labelled_runs(TEXT, [WINDOW], [prob], [tech], params)
    assert [TEXT[s:e] for (s, e), _, _ in found] == ["in Kiev"]


class _FakeEncoder:
    """Returns fixed probabilities and one-hot hidden states so a head picks rows."""

    def __init__(self, prob: np.ndarray, tech: np.ndarray):
        self.prob, self.tech = prob, tech

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n = ids.shape[1]
        hidden = np.zeros((ids.shape[0], n, len(TECHNIQUES)), dtype=np.float32)
        logit = np.log(self.tech[:n]) - np.log1p(-self.tech[:n])
        hidden[:] = logit  # head = identity: sigmoid(hidden) == tech
        return np.tile(self.prob[:n], (ids.shape[0], 1)), hidden


def test_predictor_adds_named_spans_once(monkeypatch):
    prob, tech = _outputs()
    n = len(TECHNIQUES)
    predictor = Predictor(
        _FakeEncoder(prob, tech),
        tokenizer=None,
        head_w=np.zeros((n, 3 * n + 6), dtype=np.float32),
        head_b=np.eye(n, dtype=np.float32)[FEAR],
        params=DecodeParams(threshold=0.5, min_chars=3, labelled=0.5),
        tech_w=np.eye(n, dtype=np.float32),
        tech_b=np.zeros(n, dtype=np.float32),
    )
    monkeypatch.setattr(predictor, "windows", lambda text, sentences: [WINDOW])
    monkeypatch.setattr(
        predictor,
        "technique_scores",
        lambda text, sentences, spans, tagged=None: np.tile(
            np.eye(n, dtype=np.float32)[FEAR], (len(spans), 1)
        ),
    )
    found = predictor.analyse(TEXT, [(0, len(TEXT))])
    labels = sorted((TEXT[s:e], t) for (s, e), t, _ in found)
    assert labels == [
        ("criminal regime", "Name_Calling,Labeling"),
        ("under pressure from the criminal regime in Kiev", "Appeal_to_fear-prejudice"),
    ]
    assert all(0 <= score <= 1 for _, _, score in found)


def test_one_pass_names_spans_from_the_technique_head():
    """Without a span classifier, a span's technique is the head's mean over its pieces."""
    prob, tech = _outputs()
    n = len(TECHNIQUES)
    predictor = Predictor(
        _FakeEncoder(prob, tech),
        tokenizer=None,
        head_w=None,
        head_b=None,
        params=DecodeParams(threshold=0.5, min_chars=3, labelled=0.5),
        tech_w=np.eye(n, dtype=np.float32),
        tech_b=np.zeros(n, dtype=np.float32),
    )
    predictor.windows = lambda text, sentences: [WINDOW]  # type: ignore[method-assign]
    found = predictor.analyse(TEXT, [(0, len(TEXT))])
    labels = sorted((TEXT[s:e], t) for (s, e), t, _ in found)
    assert labels == [
        ("criminal regime", "Name_Calling,Labeling"),
        ("under pressure from the criminal regime in Kiev", "Appeal_to_fear-prejudice"),
    ]
    whole = (0, len(TEXT))
    scores = predictor.technique_scores(TEXT, [whole], [whole, (24, 39)])
    assert scores.shape == (2, n) and np.allclose(scores.sum(1), 1)
    # The whole run: 8 pieces at 0.5 fear, 2 of them 0.8 label; the nested label: 0.8 vs 0.5.
    assert int(scores[0].argmax()) == FEAR and int(scores[1].argmax()) == NC
    mean = tech[1:9].mean(0)
    assert np.allclose(scores[0], mean / mean.sum(), atol=1e-5)


def test_span_head_names_spans_from_pooled_states():
    """With a span head, a span's technique comes from its pooled states and features."""
    from presslens.techniques.features import N_FEATURES
    from presslens.techniques.model import span_pool_features

    prob, tech = _outputs()
    n = len(TECHNIQUES)
    width = 4 * n + N_FEATURES
    pool_w = np.zeros((n, width), dtype=np.float32)
    pool_w[:, n : 2 * n] = 10 * np.eye(n, dtype=np.float32)  # the max over the span's pieces
    predictor = Predictor(
        _FakeEncoder(prob, tech),
        tokenizer=None,
        head_w=None,
        head_b=None,
        params=DecodeParams(threshold=0.5, min_chars=3),
        pool_w=pool_w,
        pool_b=np.zeros(n, dtype=np.float32),
    )
    predictor.windows = lambda text, sentences: [WINDOW]  # type: ignore[method-assign]
    whole = (0, len(TEXT))
    tagged = predictor.tagged(TEXT, [whole])
    assert tagged.states is not None and len(tagged) == 3
    feats = span_pool_features(TEXT, [whole], tagged[0], tagged.states, [whole, (0, 14)])
    assert feats.shape == (2, width)
    scores = predictor.technique_scores(TEXT, [whole], [whole, (0, 14)], tagged)
    assert np.allclose(scores.sum(1), 1)
    # The whole run's strongest piece reads as a label; "under pressure" only as fear.
    assert int(scores[0].argmax()) == NC and int(scores[1].argmax()) == FEAR
    found = predictor.analyse(TEXT, [whole])
    assert [(TEXT[s:e], t) for (s, e), t, _ in found] == [(TEXT, "Name_Calling,Labeling")]


def test_windows_of_one_length_share_a_batch():
    from presslens.techniques.model import same_length

    def window(n: int) -> Window:
        return Window(np.zeros(n, dtype=np.int64), [(-1, -1)] * n, np.full(n, -1))

    windows = [window(n) for n in (5, 9, 5, 7, 9, 5)]
    assert same_length(windows, size=2) == [[1, 4], [3], [0, 2], [5]]
