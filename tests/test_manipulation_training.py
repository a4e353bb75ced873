"""Training the manipulation model end to end on a small sample (slow; needs the data)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from presslens.corpora import unlp2025

pytest.importorskip("sklearn")


@pytest.fixture(scope="module")
def corpus_root(shared_data):
    if not unlp2025.available(shared_data):
        pytest.skip("../shared/data/manipulation/unlp2025 not found")
    return shared_data


def test_split_is_seeded_stratified_and_disjoint(corpus_root):
    posts = unlp2025.load("train", corpus_root)
    ids = unlp2025.split_ids(posts)
    assert not ids["fit"] & ids["val"]
    assert len(ids["fit"]) + len(ids["val"]) == len(posts)
    for lang in ("ru", "uk"):
        members = [p for p in posts if p.lang == lang]
        share = sum(p.id in ids["val"] for p in members) / len(members)
        assert abs(share - unlp2025.VAL_FRACTION) < 0.01
    assert ids == unlp2025.split_ids(posts)
    folds = unlp2025.folds(unlp2025.load("fit", corpus_root))
    assert sorted(set(folds)) == [0, 1, 2, 3, 4]


@pytest.mark.slow
def test_training_on_a_small_sample_writes_a_loadable_model(corpus_root, tmp_path):
    from presslens.manipulation.predictor import load_model
    from presslens_training.manipulation.train import run

    _fitted, report = run(tmp_path, seed=5, root=corpus_root, limit=150, log=lambda s: None)
    meta = json.loads((tmp_path / "model.json").read_text())
    assert meta["taxonomy"] == "unlp2025" and meta["seed"] == 5
    model = load_model(tmp_path)
    post = unlp2025.load("val", corpus_root)[0]
    reading = model.read(post.text, post.lang)
    assert len(reading.token_scores) == len(reading.tokens)
    card = (tmp_path / "MODEL_CARD.md").read_text()
    assert "CC BY-NC-SA 4.0" in card and "sha256" in card
    assert np.isfinite(report.systems["model"]["all"].token_f1)


def test_neural_tagger_inputs_are_name_neutral():
    """The exploratory neural tagger (issue #17, not shipped) reads parties as placeholders."""
    from presslens_training.manipulation.neural import NEURAL_DIM, token_inputs

    ru = token_inputs("Преступный киевский режим Байдена снова лжёт.", "ru")
    swapped = token_inputs("Преступный московский режим Путина снова лжёт.", "ru")
    assert ru == swapped and len(ru) == 6
    assert all(0 < i <= NEURAL_DIM for ids in ru for i in ids)
    uk = token_inputs("Злочинний кремлівський режим знову бреше.", "uk")
    assert len(uk) == 5
