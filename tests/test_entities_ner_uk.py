"""The NER-UK split, the span scorer, the numpy CRF and the bundled Ukrainian tagger."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from presslens.corpora.ner_uk import GoldSpan, _spans, folds, load_documents, split
from presslens.entities.features import document_features, sentences, shape
from presslens.entities.tagger import MODEL_DIR, CrfModel, bio_spans, feature_hash
from presslens.eval.entities import Report, capitalised_runs, count


def test_brat_lines_become_typed_spans() -> None:
    ann = (
        "T1\tORG 0 17\tПАТ «Укртрансгаз»\nT2\tDATE 18 27\t29 квітня\n"
        "T3\tPERS\t30\t42\tВасиль Малюк\nT4\tLOC 50 53;54 60\tКиїв\n"
    )
    assert _spans(ann) == [
        GoldSpan("ORG", 0, 17),
        GoldSpan("PERSON", 30, 42),
        GoldSpan("PLACE", 50, 60),
    ]


def test_span_counts_overlap_exact_and_untyped() -> None:
    gold = [("PERSON", 0, 12), ("ORG", 20, 30)]
    pred = [("PERSON", 0, 6), ("PLACE", 22, 25), ("ORG", 40, 45)]
    typed = count(pred, gold)
    assert (typed.right, typed.predicted, typed.found, typed.gold) == (1, 3, 1, 2)
    untyped = count(pred, gold, typed=False)
    assert (untyped.right, untyped.found) == (2, 2)
    assert count(pred, gold, exact=True).right == 0
    report = Report.empty()
    report.add(pred, gold)
    assert report.by_type["PERSON"][0].prf().f1 == 1.0
    assert report.by_type["ORG"][0].prf().f1 == 0.0


def test_capitalised_runs_skip_a_lone_sentence_start() -> None:
    text = "Вчора голова СБУ Василь Малюк прибув. Потім він поїхав до Києва."
    assert [text[s:e] for _, s, e in capitalised_runs(text)] == ["СБУ Василь Малюк", "Києва"]


def test_sentences_and_shapes() -> None:
    text = "Голова СБУ В. Малюк прибув.\nПотім — до Києва."
    found = [[t.text for t in s] for s in sentences(text)]
    assert found == [
        ["Голова", "СБУ", "В", ".", "Малюк", "прибув", "."],
        ["Потім", "—", "до", "Києва", "."],
    ]
    assert (shape("Києва"), shape("СБУ"), shape("Івано-Франківськ")) == ("Xx", "X", "Xx-Xx")


def _tiny_model() -> CrfModel:
    labels = ("O", "B-PERS", "I-PERS")
    feats = {"cap": [0.0, 1.0, 0.5], "after_cap": [0.0, -1.0, 2.0], "bias": [0.5, 0.0, 0.0]}
    hashes = np.array(sorted(feature_hash(f) for f in feats), dtype=np.uint32)
    by_hash = {feature_hash(f): w for f, w in feats.items()}
    weights = np.array([by_hash[int(h)] for h in hashes], dtype=np.float32)
    transitions = np.zeros((3, 3), dtype=np.float32)
    transitions[0, 2] = -5.0  # O -> I-PERS is not a start
    return CrfModel(labels, hashes, weights, transitions)


def test_numpy_viterbi_and_round_trip(tmp_path: Path) -> None:
    model = _tiny_model()
    sentence = [["bias"], ["bias", "cap"], ["bias", "cap", "after_cap"], ["bias"]]
    assert model.tag(sentence) == ["O", "B-PERS", "I-PERS", "O"]
    model.save(tmp_path)
    again = CrfModel.load(tmp_path)
    assert again.labels == model.labels
    assert again.tag(sentence) == model.tag(sentence)
    assert bio_spans(again.tag(sentence)) == [(1, 3, "PERS")]


def test_bundled_model_card_names_its_files() -> None:
    card = (MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "CC BY-NC-SA 4.0" in card
    assert "presslens train entities --data ner-uk" in card
    for path in sorted(MODEL_DIR.iterdir()):
        if path.name in ("MODEL_CARD.md",):
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert re.search(rf"`{re.escape(path.name)}` \d+ bytes, `{digest}`", card), path.name


def test_bundled_tagger_reads_a_ukrainian_sentence() -> None:
    from presslens.entities.tagger import shipped
    from presslens.entities.ukrainian import tagged_spans

    model = shipped()
    assert model is not None
    text = "Голова СБУ Василь Малюк прибув до Києва.\n"
    found = {(kind, text[s:e]) for kind, s, e in tagged_spans(text, model)}
    assert ("PERS", "Василь Малюк") in found
    assert ("LOC", "Києва") in found
    assert all(len(feats) > 10 for _, sent in document_features(text) for feats in sent)


@pytest.fixture(scope="module")
def ner_uk() -> list:
    from presslens.corpora import DataMissingError

    try:
        return load_documents()
    except DataMissingError:
        pytest.skip("../shared/data/entities/ner-uk not found")


def test_split_is_by_document_seeded_and_per_subcorpus(ner_uk: list) -> None:
    train, held = split(ner_uk, "train"), split(ner_uk, "heldout")
    assert not {d.id for d in train} & {d.id for d in held}
    assert len(train) + len(held) == len(ner_uk)
    for sub in ("ng", "bruk"):
        total = sum(d.subcorpus == sub for d in ner_uk)
        assert sum(d.subcorpus == sub for d in held) == round(total * 0.2)
    assert [d.id for d in split(ner_uk, "heldout")] == [d.id for d in held]
    parts = folds(train, 5)
    assert sorted(d.id for part in parts for d in part) == sorted(d.id for d in train)
    assert max(map(len, parts)) - min(map(len, parts)) <= 1
    assert all(s.type in ("PERSON", "ORG", "PLACE", "JOB") for d in ner_uk for s in d.spans)


def test_natasha_baseline_gives_typed_spans() -> None:
    pytest.importorskip("natasha")
    from presslens.eval.entities import natasha_spans

    text = "Директор СВР Сергей Нарышкин прибыл в Москву."
    found = {(t, text[s:e]) for t, s, e in natasha_spans(text)}
    assert ("PERSON", "Сергей Нарышкин") in found
    assert ("PLACE", "Москву") in found
