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
