"""Intervals of the attribution scores over article resamples (``presslens eval quotes``)."""

from __future__ import annotations

from presslens.corpora.polnear import Attribution
from presslens.eval.quotes import INTERVAL_KEYS, Predicted, Report, score_article

TEXT = '"We stay," Smith said. The sky is blue, he said.'
GOLD = [
    Attribution(((0, 9),), ((17, 21),), ((11, 16),)),
    Attribution(((23, 38),), ((43, 47),), ((40, 42),)),
]
RIGHT = [
    Predicted(((1, 8),), (17, 21), (11, 16), direct=True),
    Predicted(((23, 38),), (43, 47), (40, 42)),
]
WRONG = [Predicted(((48, 49),), None, None)]


def _report(articles: list[list[Predicted]]) -> Report:
    r = Report()
    for preds in articles:
        score_article(r, TEXT, preds, GOLD)
    return r


def test_each_article_keeps_its_own_sums() -> None:
    r = _report([RIGHT, WRONG, RIGHT])
    assert len(r.articles) == 3
    assert r.articles[0]["all: content+source"] == (2, 2, 2, 2)
    assert r.articles[1]["all: content+source"] == (0, 1, 0, 2)
    for key in INTERVAL_KEYS:
        summed = tuple(sum(a[key][i] for a in r.articles) for i in range(4))
        c = r.prf(key)
        assert summed == (c.tp_p, c.n_p, c.tp_g, c.n_g)


def test_interval_brackets_the_score_and_shrinks_with_agreement() -> None:
    mixed = _report([RIGHT, WRONG] * 10)
    low, high = mixed.intervals()["all: content+source"]
    assert low < mixed.prf("all: content+source").f1 < high
    perfect = _report([RIGHT] * 20)
    assert perfect.intervals()["all: content+source"] == (1.0, 1.0)


def test_no_article_no_interval() -> None:
    assert Report().intervals() == {k: (0.0, 0.0) for k in INTERVAL_KEYS}
