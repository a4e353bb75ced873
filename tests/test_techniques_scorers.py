"""SemEval-2020 span scorers on tiny hand-computed cases."""

from __future__ import annotations

import pytest

from presslens.eval.spans import joint_score, merge, si_score, tc_score


def test_merge_joins_overlaps_only():
    assert merge([(5, 9), (0, 3), (2, 6), (9, 12)]) == [(0, 9), (9, 12)]
    assert merge([(4, 4)]) == []


def test_si_exact_match_is_one():
    score = si_score([("a", 0, 10)], [("a", 0, 10)])
    assert score.precision == score.recall == score.f1 == 1.0


def test_si_partial_overlap_by_hand():
    # predicted 0-10 and gold 5-25: overlap 5 chars -> P = 5/10, R = 5/20.
    score = si_score([("a", 0, 10)], [("a", 5, 25)])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.25)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_si_merges_gold_overlaps_and_keeps_articles_apart():
    # Gold 0-10 and 5-20 merge into 0-20; the prediction in article b overlaps nothing.
    pred = [("a", 0, 20), ("b", 0, 20)]
    gold = [("a", 0, 10), ("a", 5, 20)]
    score = si_score(pred, gold)
    assert score.precision == pytest.approx(0.5)  # (1 + 0) / 2
    assert score.recall == pytest.approx(1.0)


def test_si_no_predictions_scores_zero():
    assert si_score([], [("a", 0, 5)]).f1 == 0.0


def test_joint_needs_the_same_technique():
    gold = [("a", "Doubt", 0, 10)]
    assert joint_score([("a", "Slogans", 0, 10)], gold).f1 == 0.0
    assert joint_score([("a", "Doubt", 0, 10)], gold).f1 == 1.0
    # half the characters with the right label: P = 1, R = 0.5
    half = joint_score([("a", "Doubt", 0, 5)], gold)
    assert (half.precision, half.recall) == (pytest.approx(1.0), pytest.approx(0.5))


def test_tc_micro_and_multilabel_spans():
    gold = [("a", "Doubt", 0, 5), ("a", "Repetition", 0, 5), ("a", "Slogans", 7, 9)]
    pred = [("a", "Repetition", 0, 5), ("a", "Loaded_Language", 0, 5), ("a", "Slogans", 7, 9)]
    result = tc_score(pred, gold)
    assert result.micro.f1 == pytest.approx(2 / 3)
    assert result.per_technique["Slogans"].f1 == 1.0
    assert result.per_technique["Doubt"].recall == 0.0
    assert result.per_technique["Loaded_Language"].precision == 0.0


def _random_corpus(seed: int, articles: int = 30):
    import random

    rng = random.Random(seed)
    techniques = ["Doubt", "Slogans", "Loaded_Language"]
    gold, pred = [], []
    for k in range(articles):
        for _ in range(rng.randint(0, 6)):
            start = rng.randint(0, 500)
            gold.append((f"a{k}", rng.choice(techniques), start, start + rng.randint(3, 60)))
        for _ in range(rng.randint(0, 6)):
            start = rng.randint(0, 500)
            pred.append((f"a{k}", rng.choice(techniques), start, start + rng.randint(3, 60)))
    return pred, gold


def test_per_article_sums_add_up_to_the_corpus_scores():
    from presslens.eval.spans import joint_sums, prf_of, si_sums

    pred, gold = _random_corpus(7)
    plain = [(a, s, e) for a, _, s, e in pred], [(a, s, e) for a, _, s, e in gold]
    assert prf_of(si_sums(*plain).values()).f1 == pytest.approx(si_score(*plain).f1)
    assert prf_of(joint_sums(pred, gold).values()).f1 == pytest.approx(joint_score(pred, gold).f1)
    on_gold = [(a, t, s, e) for a, t, s, e in gold[::2]] + [
        (a, "Doubt", s, e) for a, _, s, e in gold[1::2]
    ]
    result = tc_score(on_gold, gold)
    assert prf_of(result.articles.values()).f1 == pytest.approx(result.micro.f1)


def test_intervals_hold_the_score_and_shrink_with_more_articles():
    from presslens.eval.bootstrap import f1_intervals
    from presslens.eval.spans import si_sums

    widths = []
    for n in (20, 200):
        pred, gold = _random_corpus(3, articles=n)
        plain = [(a, s, e) for a, _, s, e in pred], [(a, s, e) for a, _, s, e in gold]
        ids = sorted({a for a, _, _ in plain[1]} | {a for a, _, _ in plain[0]})
        low, high = f1_intervals({"si": si_sums(*plain)}, ids)["si"]
        assert low <= si_score(*plain).f1 <= high
        widths.append(high - low)
        assert f1_intervals({"si": si_sums(*plain)}, ids)["si"] == (low, high)  # seeded
    assert widths[1] < widths[0]


def test_intervals_of_a_perfect_or_empty_split():
    from presslens.eval.bootstrap import f1_intervals

    perfect = {"a": (2.0, 2, 2.0, 2), "b": (1.0, 1, 1.0, 1)}
    assert f1_intervals({"si": perfect}, ["a", "b"])["si"] == (1.0, 1.0)
    # An article with nothing predicted and nothing expected: resamples of it alone score 0.
    assert f1_intervals({"si": perfect}, ["a", "c"])["si"][0] == 0.0
    assert f1_intervals({"si": {}}, []) == {"si": (0.0, 0.0)}
