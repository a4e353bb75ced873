"""The extraction benchmark scorer and ``presslens eval extraction``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from presslens.cli.main import app
from presslens.eval.extraction import score, score_page, shingles, summarise, tokens


def test_tokens_and_shingles_are_unicode_words():
    assert tokens("Где-то, in 2024: it's") == ["Где", "то", "in", "2024", "it", "s"]
    assert shingles(tokens("a b c d e")) == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles(tokens("a b c")) == {}


def test_page_score_counts_multisets():
    true = "one two three four one two three four"
    page = score_page(true, "one two three four")
    # true shingles: 5 (one of them twice); predicted: 1
    assert (page.tp, page.fp, page.fn) == (1, 0, 4)
    assert page.precision == 1.0 and page.recall == pytest.approx(0.2)
    assert not page.exact


def test_perfect_and_empty_pages():
    assert score_page("a b c", "a  b\nc").precision == 1.0  # no shingles, nothing wrong
    assert score_page("a b c", "a  b\nc").exact
    empty = score_page("one two three four five", "")
    assert (empty.precision, empty.recall) == (0.0, 0.0)
    junk = score_page("one two three four five", "six seven eight nine")
    assert (junk.precision, junk.recall) == (0.0, 0.0)


def test_macro_average_then_f1():
    truth = {"a": "w1 w2 w3 w4 w5", "b": "x1 x2 x3 x4"}
    preds = {"a": "w1 w2 w3 w4 w5 extra", "b": "x1 x2 x3 x4"}
    s = score(truth, preds, bootstrap=0)
    # page a: tp 2, fp 1 -> P 2/3, R 1; page b perfect
    assert s.precision == pytest.approx((2 / 3 + 1) / 2)
    assert s.recall == 1.0
    assert s.f1 == pytest.approx(2 * s.precision / (s.precision + 1))
    assert s.accuracy == 0.5
    assert score(truth, {}, bootstrap=0).f1 == 0.0  # missing predictions count as empty


def test_bootstrap_std_is_deterministic_and_positive():
    pages = [score_page("a b c d e", "a b c d e"), score_page("a b c d e", "x y z w")]
    first, second = summarise(pages, bootstrap=200), summarise(pages, bootstrap=200)
    assert first.f1_std == second.f1_std > 0


def test_scorer_reproduces_published_trafilatura(shared_data):
    from presslens.corpora.extraction import load_items, load_predictions, reference_outputs

    items = load_items(shared_data / "extraction")
    truth = {item.id: item.body for item in items}
    refs = dict(reference_outputs(shared_data / "extraction"))
    s = score(truth, load_predictions(refs["trafilatura"]), bootstrap=0)
    # Published over all 181 pages: F1 0.958, P 0.938, R 0.978; the public part is close.
    assert s.f1 == pytest.approx(0.958, abs=0.005)
    assert s.precision == pytest.approx(0.938, abs=0.01)
    assert s.recall == pytest.approx(0.978, abs=0.01)


def test_eval_cli_small_run(shared_data, tmp_path):
    out = tmp_path / "pred.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "extraction",
            "--data",
            str(shared_data / "extraction"),
            "--limit",
            "3",
            "--only",
            "presslens",
            "--only",
            "trafilatura (default)",
            "--bootstrap",
            "0",
            "--json",
            "--predictions",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"presslens", "trafilatura (default)"}
    assert scores["presslens"]["n"] == 3
    assert scores["presslens"]["f1"] > 0.8
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3


def test_eval_cli_missing_data(tmp_path):
    result = CliRunner().invoke(app, ["eval", "extraction", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "ground-truth.json" in result.stderr


@pytest.mark.slow
def test_presslens_at_least_trafilatura_default(shared_data):
    from presslens.corpora.extraction import load_items
    from presslens.eval.extraction import BASELINE, EXTRACTORS, evaluate

    items = load_items(shared_data / "extraction")
    report = evaluate(items, {k: EXTRACTORS[k] for k in ("presslens", BASELINE)}, bootstrap=0)
    assert report.summaries["presslens"].f1 >= report.summaries[BASELINE].f1
