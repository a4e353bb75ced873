"""Pejorative designations found by rule (``techniques.designations``)."""

from __future__ import annotations

import pytest

from presslens.stages.techniques import combine
from presslens.techniques.designations import find_designations
from swapping import swapper


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_designations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("under pressure from the criminal regime in Kiev", ["criminal regime"]),
        ("the Assad regime and Maduro's regime", ["Assad regime", "Maduro's regime"]),
        ("a murderous, corrupt junta", ["corrupt junta"]),
        ("its thugs and henchmen beat protesters", ["thugs", "henchmen"]),
        ("the criminal Moscow regime", ["criminal Moscow regime"]),
        # Not labels: a regime of rules, a regime with no name or modifier, a cabinet.
        ("the sanctions regime and a regime of checks", []),
        ("the regime said on Monday", []),
        ("the Ukrainian government and the Russian administration", []),
        # Hyphenated and longer words do not match inside other words.
        ("non-thugs and thugsville", []),
    ],
)
def test_designations(text, expected):
    assert _found(text) == expected


def test_designations_do_not_depend_on_who_is_named():
    swap = swapper({"Kiev": "Moscow", "Zelensky": "Putin"})
    for text in (
        "The Kiev regime and the criminal regime in Moscow; Zelensky's cronies.",
        "Putin's regime, the Moscow regime, the Kiev junta.",
    ):
        assert [swap(s) for s in _found(text)] == _found(swap(text))


def test_designations_join_model_spans_without_duplicates():
    model = [((0, 15), "Name_Calling,Labeling", 0.8), ((0, 40), "Appeal_to_fear-prejudice", 0.5)]
    merged = combine(model, [(0, 15), (20, 25)])
    assert merged == [
        ((0, 15), "Name_Calling,Labeling", 0.8),  # the model's surer score is kept
        ((0, 40), "Appeal_to_fear-prejudice", 0.5),
        ((20, 25), "Name_Calling,Labeling", 0.6),
    ]


@pytest.mark.parametrize("name", ["Kiev", "Moscow", "Washington", "Tehran"])
def test_title_case_headline_designation_whichever_name(name):
    text = f"The {name} Regime Loses Ground as Criminal Regime Falters\nThe Regime Of Checks"
    found = [text[s:e] for s, e in find_designations(text)]
    assert found == [f"{name} Regime", "Criminal Regime"]
