"""Self-training data: unlabelled news cut as PTC is, soft-labelled by a teacher.

A fake tagger stands in for the ONNX ensemble so the soft targets are checked exactly;
no torch is needed (the training loop itself is covered by the slow training test).
"""

from __future__ import annotations

import numpy as np
import pytest

from presslens.techniques.decode import DecodeParams
from presslens.techniques.labels import TECHNIQUES
from presslens.techniques.model import SHIPPED, Predictor
from presslens.techniques.windows import load_tokenizer
from presslens_training.techniques.data import TagExample
from presslens_training.techniques.self_training import (
    one_sentence_per_line,
    pseudo_examples,
    unlabelled_texts,
)

N = len(TECHNIQUES)


def test_one_sentence_per_line_cuts_as_ptc_does():
    text = "The plan failed. Critics said so!\n\nA new one follows.  "
    assert one_sentence_per_line(text) == "The plan failed.\nCritics said so!\nA new one follows."


def test_unlabelled_texts_draw_a_fixed_sample(tmp_path):
    for i in range(6):
        (tmp_path / f"outlet{i}.txt").write_text(f"Story {i}. It ends here.", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not news.", encoding="utf-8")
    everything = unlabelled_texts(tmp_path)
    assert sorted(name for name, _ in everything) == [f"outlet{i}" for i in range(6)]
    assert all(text.endswith("It ends here.") and "\n" in text for _, text in everything)
    three = unlabelled_texts(tmp_path, limit=3)
    assert len(three) == 3
    assert three == unlabelled_texts(tmp_path, limit=3)  # seeded: the same draw every run


def test_unlabelled_texts_need_articles(tmp_path):
    with pytest.raises(FileNotFoundError):
        unlabelled_texts(tmp_path)


class _Tagger:
    """Probability 0.8 on pieces of words starting with 'corrupt', else 0.1; hidden one-hot."""

    def __init__(self, tokenizer):
        self.target = set(tokenizer.encode("corrupt", add_special_tokens=False).ids)

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        prob = np.where(np.isin(ids, list(self.target)), 0.8, 0.1).astype(np.float32)
        hidden = np.zeros((*ids.shape, N), dtype=np.float32)
        hidden[..., 0] = 2.0
        return prob, hidden


def _teacher(with_head: bool) -> Predictor:
    tokenizer = load_tokenizer(SHIPPED / "tokenizer.json")
    return Predictor(
        _Tagger(tokenizer),
        tokenizer,
        head_w=np.zeros((N, 3 * N + 6), dtype=np.float32),
        head_b=np.zeros(N, dtype=np.float32),
        params=DecodeParams(),
        tech_w=np.eye(N, dtype=np.float32) if with_head else None,
        tech_b=np.zeros(N, dtype=np.float32) if with_head else None,
    )


def test_pseudo_examples_carry_the_teachers_probabilities():
    texts = [("a", "They are corrupt officials.\nThe plan is fair."), ("empty", "")]
    examples = pseudo_examples(_teacher(with_head=True), texts)
    assert len(examples) == 1  # both sentences fit one window; the empty text has none
    example = examples[0]
    assert not example.valid[0] and not example.valid[-1]  # [CLS] and [SEP]
    assert example.prop[0] == example.prop[-1] == 0.0
    text = texts[0][1]
    teacher = _teacher(with_head=True)
    window = teacher.windows(text, [(0, 27), (28, 45)])[0]
    hot = [text[a:b] for (a, b), p in zip(window.offsets, example.prop, strict=True) if p > 0.5]
    assert hot == ["corrupt"]
    assert np.allclose(example.prop[example.valid & (example.prop < 0.5)], 0.1)
    assert example.positive  # a piece at 0.8: the window holds a (soft) span
    head = example.tech[example.valid]
    assert np.allclose(head[:, 0], 1 / (1 + np.exp(-2.0))) and np.allclose(head[:, 1:], 0.5)
    assert (example.tech[~example.valid] == 0).all()


def test_pseudo_examples_without_a_head_have_no_technique_targets():
    examples = pseudo_examples(_teacher(with_head=False), [("a", "The plan is fair.")])
    assert len(examples) == 1
    assert not examples[0].tech.any()
    assert not examples[0].positive  # nothing reaches 0.5


def test_gold_and_soft_examples_count_as_positive_alike():
    ids = np.array([101, 7, 8, 102])
    valid = np.array([False, True, True, False])
    tech = np.zeros((4, N), dtype=np.float32)
    gold = TagExample(ids, np.array([0, 1, 0, 0], dtype=np.float32), tech, valid)
    unsure = TagExample(ids, np.array([0, 0.49, 0.3, 0], dtype=np.float32), tech, valid)
    assert gold.positive and not unsure.positive
