"""The labelled openings and ``presslens eval anatomy``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.errors import InputError
from presslens.eval.anatomy import compare, evaluate, load_openings, predicted_fields

PLACE_AGENCY_TARGET = 0.95


def test_labelled_set_shape():
    items = load_openings()
    langs = Counter(item["lang"] for item in items)
    assert len(items) >= 80
    assert langs["ru"] >= 8 and langs["uk"] >= 6
    assert len({item["outlet"] for item in items}) >= 14
    for item in items:
        for key in ("headline", "standfirst", "byline"):
            assert item[key] is None or item[key] in item["text"], (item["id"], key)
        for line in item["boilerplate"]:
            assert line in item["text"], item["id"]


def test_place_and_agency_meet_the_target():
    report = evaluate(load_openings())
    assert report.overall.accuracy("place") >= PLACE_AGENCY_TARGET
    assert report.overall.accuracy("agency") >= PLACE_AGENCY_TARGET
    for lang, tally in report.by_language.items():
        assert tally.accuracy("place") >= PLACE_AGENCY_TARGET, lang


def test_compare_counts_a_missed_dateline_against_its_parts():
    expected = {
        "headline": None,
        "standfirst": None,
        "byline": None,
        "boilerplate": [],
        "dateline": {"place": "PARIS", "date": None, "agency": "AFP"},
    }
    from presslens.anatomy import dissect

    text = "Nothing to see here"

    result = compare(expected, predicted_fields(text, dissect(text)))
    assert result["dateline"] is False and result["place"] is False and result["agency"] is False
    assert result["headline"] is False  # the line reads like a headline; none was expected


def test_bad_data_is_a_one_line_error(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_openings(path)
    assert "bad.jsonl:2" in str(err.value) and "\n" not in str(err.value)


def test_cli_eval_anatomy(tmp_path: Path):
    from presslens.cli.main import app

    path = tmp_path / "set.jsonl"
    item = {
        "id": "x1",
        "lang": "en",
        "outlet": "AFP",
        "text": "Talks resume\n\nPARIS (AFP) - Talks resumed.",
        "headline": "Talks resume",
        "standfirst": None,
        "byline": None,
        "boilerplate": [],
        "dateline": {"place": "PARIS", "date": "June 20", "agency": "AFP"},
    }
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "anatomy", "--data", str(path), "--show-errors"])
    assert result.exit_code == 0, result.output
    assert "agency" in result.output and "1.000" in result.output
    assert "'June 20'" in result.output  # the wrong date is listed


def test_sentence_boundaries_on_a_line_per_sentence_text():
    from presslens.eval.anatomy import sentence_boundaries

    text = "Title\n\nMr. Smith arrived.\nHe met Dr. Jones.\nThey left at 5 p.m.\n\nThe end."
    scores = sentence_boundaries([text])
    assert (scores["presslens"].tp, scores["presslens"].fp, scores["presslens"].fn) == (2, 0, 0)
    assert scores["baseline"].fp == 2  # "Mr." and "Dr." split the naive way


def test_splitter_beats_the_naive_baseline_on_ptc(shared_data: Path):
    from presslens.corpora.ptc import load_articles
    from presslens.eval.anatomy import sentence_boundaries

    scores = sentence_boundaries(a.text for a in load_articles(shared_data / "ptc"))
    assert scores["presslens"].f1 > scores["baseline"].f1
    assert scores["presslens"].precision > 0.9
