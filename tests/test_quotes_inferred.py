"""An attribution the open-cue classifier inferred says so, with its probability, in
the JSON contract (`quotes[].score`), the report and the terminal; one the text spells
out (quotation marks, a listed cue word) has no score (issue 19)."""

from __future__ import annotations

import json

import pytest

import presslens
from presslens.cli.terminal import quotes_table
from presslens.report.view import build_view

# Written before looking at what the shipped classifier keeps: an act PolNeAR annotates
# as an attribution, next to a quotation and a 'said' report.
TEXT = (
    "Council passes budget\n\n"
    "The governor signed a bill that bans plastic bags. "
    '"We had no choice," the mayor said. '
    "The treasurer said that the deficit would grow."
)


@pytest.fixture(scope="module")
def analysis() -> dict:
    return presslens.analyze(TEXT, stages=["quotes"]).to_dict()


def _by_cue(analysis: dict) -> dict[str, dict]:
    text = analysis["text"]
    return {text[q["cue"][0] : q["cue"][1]]: q for q in analysis["quotes"] if q["cue"]}


def test_an_inferred_attribution_carries_the_classifiers_probability(analysis: dict) -> None:
    signed = _by_cue(analysis)["signed"]
    assert isinstance(signed["score"], float)
    assert 0.4 <= signed["score"] <= 1.0


def test_attributions_the_text_spells_out_have_no_score(analysis: dict) -> None:
    quotes = _by_cue(analysis)
    assert quotes["said"]["score"] is None
    assert all(q["score"] is None for c, q in quotes.items() if c != "signed")


def test_the_score_survives_json(analysis: dict) -> None:
    again = json.loads(json.dumps(analysis))
    assert [q["score"] for q in again["quotes"]] == [q["score"] for q in analysis["quotes"]]


def test_the_report_marks_inferred_quotes(analysis: dict) -> None:
    view = build_view(analysis)
    rows = {r.cue: r for r in view.quotes}
    assert rows["signed"].score == _by_cue(analysis)["signed"]["score"]
    assert rows["said"].score is None


@pytest.mark.parametrize("bad", ["0.9", True, 7, -1, float("nan"), [0.5], None])
def test_the_report_reads_only_a_probability(analysis: dict, bad: object) -> None:
    tampered = json.loads(json.dumps(analysis))
    for q in tampered["quotes"]:
        q["score"] = bad
    assert all(r.score is None for r in build_view(tampered).quotes)


def test_the_terminal_says_inferred(analysis: dict) -> None:
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(quotes_table(analysis))
    out = console.export_text()
    assert out.count("inferred, p ") == sum(q["score"] is not None for q in analysis["quotes"])


def test_the_html_report_says_inferred(analysis: dict) -> None:
    from presslens.report.render import render_report

    html = render_report(analysis)
    assert html.count('class="inferred"') == 1
    assert "inferred by the open-cue classifier, p " in html
