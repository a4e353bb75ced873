"""The PolNeAR parser and the attribution scorer on hand-made cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.corpora.polnear import Attribution, parse_ann
from presslens.eval.quotes import Predicted, Report, fully_quoted, match, score_article

ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T3\tContent 11 20;25 30\tthe plan\nwas dead\n"
    "continued text line\n"
    "T4\tAttribution 6 10\tsaid\n"
    "T5\tContent 40 50\tsomething\n"
    "T6\tAttribution-no-source 51 55\tsaid\n"
    "E2\tAttribution-no-source:T6 Content:T5\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def test_parse_ann_two_passes_continuations_and_fragments() -> None:
    events = parse_ann(ANN)
    assert events[0] == Attribution(((11, 20), (25, 30)), ((6, 10),), ((0, 5),))
    assert events[1] == Attribution(((40, 50),), ((51, 55),), ())


def test_match_needs_half_of_the_smaller_span() -> None:
    gold = [Attribution(((0, 100),), ((100, 104),), ((105, 110),))]
    assert match([Predicted(((10, 30),), None, None)], gold) == {0: 0}
    assert match([Predicted(((90, 120),), None, None)], gold) == {}
    # one gold per prediction: the larger overlap wins
    two = [Predicted(((0, 40),), None, None), Predicted(((0, 90),), None, None)]
    assert match(two, gold) == {1: 0}


def test_score_article_counts_source_and_cue() -> None:
    text = '"We stay," Smith said. The sky is blue, he said.'
    gold = [
        Attribution(((0, 9),), ((17, 21),), ((11, 16),)),
        Attribution(((23, 38),), ((43, 47),), ((40, 42),)),
    ]
    preds = [
        Predicted(((1, 8),), (17, 21), (11, 16), direct=True),  # right
        Predicted(((23, 38),), (43, 47), None),  # source missed
        Predicted(((48, 49),), None, None),  # spurious
    ]
    r = Report()
    score_article(r, text, preds, gold)
    cs = r.prf("all: content+source")
    assert (cs.tp_p, cs.n_p, cs.tp_g, cs.n_g) == (1, 3, 1, 2)
    c = r.prf("all: content")
    assert (c.tp_p, c.n_p) == (2, 3)
    d = r.prf("direct: content+source")
    assert (d.tp_p, d.n_p, d.tp_g, d.n_g) == (1, 1, 1, 1)
    assert r.errors["source: missed (gold has one)"] == 1
    assert r.errors["spurious: no gold"] == 1
    assert r.prf("all: cue span exact").f1 == pytest.approx(1.0)


def test_fully_quoted() -> None:
    text = 'He said "we stay" and that they go.'
    assert fully_quoted(text, [(8, 17)])
    assert fully_quoted(text, [(9, 16)])
    assert not fully_quoted(text, [(22, 34)])


def test_fully_quoted_sentence_pieces() -> None:
    # PolNeAR cuts a quotation of two sentences into two pieces; the second has no
    # mark of its own but runs nowhere beyond the marks.
    from presslens.eval.quotes import quotations

    text = '"We stay. We fight," he said. They go.'
    quoted = quotations(text)
    assert fully_quoted(text, [(0, 9), (10, 20)], quoted)
    assert not fully_quoted(text, [(0, 9), (10, 20)])  # without the quotations: marks only
    assert not fully_quoted(text, [(0, 9), (29, 38)], quoted)


def test_polnear_dev_loads(shared_data: Path) -> None:
    from presslens.corpora.polnear import load_split

    if not (shared_data / "quotes" / "polnear").is_dir():
        pytest.skip("PolNeAR not in the corpus folder")
    arts = list(load_split("dev", limit=3))
    assert len(arts) == 3
    for art in arts:
        for a in art.attributions:
            assert all(0 <= s < e <= len(art.text) for s, e in a.content)


@pytest.mark.slow
def test_eval_dev_targets(shared_data: Path) -> None:
    from presslens.eval.quotes import evaluate

    if not (shared_data / "quotes" / "polnear").is_dir():
        pytest.skip("PolNeAR not in the corpus folder")
    reports = evaluate("dev", progress=False)
    ours, base = reports["presslens"], reports["baseline"]
    assert ours.prf("all: content+source").f1 > base.prf("all: content+source").f1
    assert ours.prf("all: content+source").f1 >= 0.6
