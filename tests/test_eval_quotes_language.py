"""The Russian and Ukrainian quotes sets and ``presslens eval quotes --language``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from presslens.cli.main import app
from presslens.eval.quotes_language import (
    GoldQuote,
    Predicted,
    data_path,
    load,
    match,
    speaker_right,
)

LAYOUTS = {
    "dash-after",
    "dash-after-nocomma",
    "interrupted",
    "interrupted-two-marks",
    "interrupted-sentence",
    "multi-paragraph",
    "colon",
    "colon-paragraph",
    "nested",
    "straight-marks",
    "route",
    "according-indirect",
    "as-reports",
    "anonymous",
    "nominal",
    "pronoun",
    "gerund",
    "mixed",
    "unverifiable",
    "negative-names",
    "negative-scare",
}


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_dev_sets_are_well_formed(language: str) -> None:
    lines = data_path(language, "dev").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    passages = load(language, "dev")
    assert len(passages) == len(records)
    quotes = [q for p in passages for q in p.quotes]
    assert len(quotes) >= 60
    assert {q.kind for q in quotes} == {"direct", "indirect", "mixed"}
    assert {"named", "organisation", "anonymous"} <= {q.basis for q in quotes}
    assert {p.layout for p in passages} >= LAYOUTS
    assert sum(1 for p in passages if not p.quotes) >= 3  # negatives
    for record, passage in zip(records, passages, strict=True):
        assert passage.language == language
        for q, gold in zip(record["quotes"], passage.quotes, strict=True):
            assert passage.text[gold.content[0] : gold.content[1]] == q["content"]
            if q["speaker"] is not None:
                assert gold.speaker is not None
                assert passage.text[gold.speaker[0] : gold.speaker[1]] == q["speaker"]


def test_matching_and_speaker_rule() -> None:
    gold = GoldQuote((10, 40), (0, 8), (41, 47), "direct", "named")
    near = Predicted(((12, 40),), (2, 8), None, "direct", "named")
    small = Predicted(((35, 60),), None, None, "direct", "named")
    assert match([small, near], [gold]) == {1: 0}
    assert speaker_right(near, gold, [])
    assert not speaker_right(Predicted(((12, 40),), (50, 55), None, "direct", "named"), gold, [])


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_cli_scores_the_dev_set(language: str) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--language", language, "--no-errors"])
    assert result.exit_code == 0, result.output
    assert f"quotes {language}-dev" in result.output
    assert "all: content+speaker" in result.output
    assert "basis (matched quotes)" in result.output


def test_cli_rejects_unknown_language_and_part() -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["eval", "quotes", "--language", "de"]).exit_code != 0
    bad = runner.invoke(app, ["eval", "quotes", "--language", "ru", "--part", "test"])
    assert bad.exit_code != 0
