"""Training smoke test: a few articles, one epoch, export to ONNX (slow; needs torch).

CI never trains: this runs only with ``-m slow`` where the train extra is installed.
"""

from __future__ import annotations

import json

import pytest


@pytest.mark.slow
def test_train_and_export_tiny(tmp_path, shared_data):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from presslens.techniques.model import load_predictor
    from presslens_training.techniques.export import export
    from presslens_training.techniques.train import train

    train(tmp_path / "tag", epochs=1, limit_articles=4, task="tag")
    train(tmp_path / "span", epochs=1, limit_articles=4, task="span")
    config = export(
        tmp_path / "tag" / "checkpoint.pt", tmp_path / "model", tmp_path / "span" / "checkpoint.pt"
    )
    assert set(config["onnx"]["int8"]) == {"tagger", "classifier"}
    summary = json.loads((tmp_path / "model" / "train.json").read_text())
    assert not set(summary["tagger"]["split"]["val"]) & set(summary["tagger"]["split"]["fit"])
    predictor = load_predictor(tmp_path / "model")
    text = "They are corrupt liars.\nThe plan is fair."
    scores = predictor.technique_scores(text, [(0, 23), (24, 41)], [(9, 22)])
    assert scores.shape == (1, 14)

    # A second tagger with the first one's word embeddings frozen, joined as an ensemble.
    from presslens_training.techniques.ensemble import join_tagger
    from presslens_training.techniques.shared_embeddings import TABLE, read_table

    model = tmp_path / "model"
    first = model / config["onnx"]["int8w"]["tagger"]
    train(tmp_path / "tag2", epochs=1, limit_articles=4, task="tag", word_embeddings=first)
    ensemble = join_tagger(model, tmp_path / "tag2" / "checkpoint.pt")
    assert sum(ensemble["weights"]) == pytest.approx(1.0)
    joined = json.loads((model / "config.json").read_text())
    taggers = joined["onnx"]["int8w"]["tagger"]
    assert len(taggers) == 2 and (model / TABLE).is_file()
    assert (read_table(model / taggers[1]) == read_table(model / taggers[0])).all()
    probs = load_predictor(model).probabilities(predictor.windows(text, [(0, 23), (24, 41)]))
    assert all(((p >= 0) & (p <= 1)).all() for p in probs)

    # Self-training: the joined model tags unlabelled text; a tagger learns from it too.
    from presslens_training.techniques.self_training import pseudo_examples

    extra = pseudo_examples(load_predictor(model), [("news", text)])
    source = {"folder": "inline", "articles": ["news"], "windows": len(extra)}
    summary = train(
        tmp_path / "tag3",
        epochs=1,
        limit_articles=4,
        task="tag",
        word_embeddings=first,
        extra_tags=extra,
        extra_source=source,
    )
    assert extra and summary["self_training"] == source
