"""Unnamed people opening a sentence are anonymous sources: 'Officials said', 'Sources
say' (the tagger reads the capitalised plural as a proper name, and such sources counted
as named); a name among them puts one on record ('Critics, including Sen. Elizabeth
Warren, said'). Issue 19: sourcing follows the quotes.

The sentences were written before the change, from wire copy's usual openings.
"""

from __future__ import annotations

import pytest

from attribution_helpers import sourcing_bases


@pytest.mark.parametrize(
    "who",
    [
        "Officials",
        "Sources",
        "Critics",
        "Experts",
        "Residents",
        "Economists",
        "Lawmakers",
        "Diplomats",
        "Witnesses",
        "Analysts",
    ],
)
@pytest.mark.parametrize("verb", ["said", "say"])
def test_unnamed_people_opening_a_sentence_are_anonymous(who: str, verb: str) -> None:
    assert sourcing_bases(f"{who} {verb} the central bank was moving too slowly.") == ["anonymous"]


@pytest.mark.parametrize(
    "who",
    [
        "Critics, including Sen. Elizabeth Warren,",
        "Some lawmakers, such as Rep. Ro Khanna,",
        "Economist Jane Doe",
    ],
)
def test_a_name_among_them_is_on_record(who: str) -> None:
    assert sourcing_bases(f"{who} said the central bank was moving too slowly.") == ["named"]


@pytest.mark.parametrize(
    ("one", "other"), [("Elizabeth Warren", "Ted Cruz"), ("Marine Le Pen", "Emmanuel Macron")]
)
def test_the_same_for_either_name(one: str, other: str) -> None:
    template = "Critics, including Sen. {}, said the central bank was moving too slowly."
    first, second = sourcing_bases(template.format(one)), sourcing_bases(template.format(other))
    assert first == second == ["named"]


def test_a_surname_opening_a_sentence_stays_a_name() -> None:
    assert sourcing_bases("Sanders said the central bank was moving too slowly.") == ["named"]
