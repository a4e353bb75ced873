"""MODEL_CARD.md: written from train.json, config.json and eval reports (no model run)."""

from __future__ import annotations

import json
import shutil

from presslens.techniques.model import SHIPPED
from presslens_training.techniques.card import existing_notes, write_card

PRF = {"precision": 0.4, "recall": 0.5, "f1": 0.444, "support": 988}


def _report() -> dict:
    return {
        "articles": 56,
        "gold_spans": 988,
        "predicted_spans": 1500,
        "seconds": 40.0,
        "si": PRF,
        "tc_micro": PRF,
        "joint": PRF,
        "tc_per_technique": {"Doubt": PRF},
        "joint_per_technique": {"Doubt": PRF},
        "intervals": {"si": [0.41, 0.48], "tc_micro": [0.4, 0.5], "joint": [0.2, 0.3]},
    }


def _two_taggers(path) -> None:
    """The shipped config as an older two-tagger, span-classifier model had it."""
    config = json.loads((SHIPPED / "config.json").read_text(encoding="utf-8"))
    config["onnx"][config["default"]] = {
        "tagger": ["tagger.int8w.onnx", "tagger2.int8w.onnx"],
        "classifier": "classifier.int8.onnx",
    }
    config["ensemble"] = {"weights": [0.7, 0.3], "tune_si_f1": 0.44}
    config.pop("cv", None)
    (path / "config.json").write_text(json.dumps(config), encoding="utf-8")


def test_card_reports_intervals_self_training_and_hashes(tmp_path, monkeypatch):
    shutil.copy(SHIPPED / "train.json", tmp_path / "train.json")
    _two_taggers(tmp_path)
    train = json.loads((tmp_path / "train.json").read_text(encoding="utf-8"))
    data = tmp_path / "shared" / "data"
    (data / "ptc").mkdir(parents=True)
    monkeypatch.setenv("PRESSLENS_DATA", str(data))
    train["tagger2"]["self_training"] = {
        "folder": str(data / "quotes" / "news"),
        "articles": ["a", "b"],
        "windows": 17,
        "teacher": "the model as it stood",
    }
    (tmp_path / "train.json").write_text(json.dumps(train), encoding="utf-8")
    card = write_card(tmp_path, {"as shipped": _report()}, "presslens train techniques", "Kept.")
    text = card.read_text(encoding="utf-8")
    assert "| SI span identification | 0.400 | 0.500 | 0.444 | 0.410-0.480 |" in text
    assert "2 unlabelled news articles (17 windows from `../shared/data/quotes/news`" in text
    assert str(tmp_path) not in text  # no local paths in a shipped card
    assert "| config.json |" in text and "| MODEL_CARD.md |" not in text
    assert existing_notes(tmp_path) == "Kept."


def test_card_without_self_training_or_intervals(tmp_path):
    _two_taggers(tmp_path)
    train = json.loads((SHIPPED / "train.json").read_text(encoding="utf-8"))
    train["tagger2"].pop("self_training", None)
    (tmp_path / "train.json").write_text(json.dumps(train), encoding="utf-8")
    report = _report()
    del report["intervals"]
    text = write_card(tmp_path, {"as shipped": report}, "cmd").read_text(encoding="utf-8")
    assert "self-training" not in text
    assert "| SI span identification | 0.400 | 0.500 | 0.444 | 0.444-0.444 |" in text


def test_one_pass_card_prints_the_cross_validation_table(tmp_path):
    shutil.copy(SHIPPED / "train.json", tmp_path / "train.json")
    config = json.loads((SHIPPED / "config.json").read_text(encoding="utf-8"))
    config["onnx"][config["default"]] = {"tagger": "tagger.int8w.onnx"}
    folds = [{"si": 0.4, "tc": 0.6, "joint": 0.2}, {"si": 0.5, "tc": 0.5, "joint": 0.3}]
    result = {
        "name": "one pass",
        "folds": folds,
        "mean": {"si": 0.45, "tc": 0.55, "joint": 0.25},
        "sd": {"si": 0.0707, "tc": 0.0707, "joint": 0.0707},
    }
    config["cv"] = {"folds": 2, "fold_seed": 1, "articles": "tune+val", "results": [result]}
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    text = write_card(tmp_path, {}, "cmd").read_text(encoding="utf-8")
    assert "one encoder pass" in text and "second tagger" not in text
    assert "| one pass | SI | 0.400 | 0.500 | 0.450 ± 0.071 |" in text
    assert "|  | TC micro | 0.600 | 0.500 | 0.550 ± 0.071 |" in text
