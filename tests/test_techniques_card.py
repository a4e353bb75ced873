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


def test_card_reports_intervals_self_training_and_hashes(tmp_path, monkeypatch):
    for name in ("config.json", "train.json"):
        shutil.copy(SHIPPED / name, tmp_path / name)
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
    shutil.copy(SHIPPED / "config.json", tmp_path / "config.json")
    train = json.loads((SHIPPED / "train.json").read_text(encoding="utf-8"))
    train["tagger2"].pop("self_training", None)
    (tmp_path / "train.json").write_text(json.dumps(train), encoding="utf-8")
    report = _report()
    del report["intervals"]
    text = write_card(tmp_path, {"as shipped": report}, "cmd").read_text(encoding="utf-8")
    assert "self-training" not in text
    assert "| SI span identification | 0.400 | 0.500 | 0.444 | 0.444-0.444 |" in text
