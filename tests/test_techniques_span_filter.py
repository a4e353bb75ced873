"""The span-filter exploration tool (issue #15): its cache round trip and word context."""

from __future__ import annotations

import pickle

import numpy as np

from presslens.corpora.ptc import Article
from presslens.techniques.model import Tagged
from presslens_training.techniques.cv import ArticleOutputs
from presslens_training.techniques.span_filter import _load, shift, smooth


def test_shift_and_smooth_keep_the_length():
    v = np.array([1.0, 2.0, 3.0])
    assert shift(v, 1).tolist() == [0.0, 1.0, 2.0]
    assert shift(v, -2).tolist() == [3.0, 0.0, 0.0]
    assert shift(v, 5).tolist() == [0.0, 0.0, 0.0]
    assert smooth(v, 1).tolist() == [1.5, 2.0, 2.5]
    assert smooth(v, 8).tolist() == [2.0, 2.0, 2.0]
    assert len(smooth(np.zeros(1), 3)) == 1


def test_cached_outputs_load_back_with_their_states(tmp_path):
    states = [np.ones((3, 4), np.float16)]
    tagged = Tagged([], [np.zeros(3, np.float32)], None, states)
    outputs = ArticleOutputs(
        Article("1", "text"), [(0, 4)], tagged, [], np.zeros((0, 14)), np.zeros((0, 14))
    )
    path = tmp_path / "held.pkl"
    path.write_bytes(pickle.dumps([outputs], protocol=5))
    (back,) = _load(path)
    assert isinstance(back.tagged, Tagged)
    assert len(back.tagged) == 3
    assert back.tagged.states[0].dtype == np.float32
    assert back.tagged[1][0].tolist() == [0.0, 0.0, 0.0]
