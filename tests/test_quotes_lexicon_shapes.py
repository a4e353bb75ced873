"""Cue shapes outside the lexicons that PolNeAR marks (issue 19, recall of indirect
attributions, ``bench/quotes_missed.py`` on the fit articles of PolNeAR train).

'X reportedly V-ed' is a report with no named source: the content is the clause
around the adverb. 'offered few specifics' is a report when what is offered is words.
The sentences marked "news" were written from how news reports are worded, before
looking at the rules; the names are invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # news
        (
            "The utility reportedly cut 400 jobs last year.",
            "The utility reportedly cut 400 jobs last year",
        ),
        # news
        (
            "The state's largest union has reportedly hired a new lobbyist.",
            "The state's largest union has reportedly hired a new lobbyist",
        ),
        # news
        (
            "Reportedly, the two firms held talks over the summer.",
            "the two firms held talks over the summer",
        ),
    ],
)
def test_reportedly_is_a_report_without_a_source(text: str, content: str) -> None:
    assert reports(text).get("reportedly", reports(text).get("Reportedly")) == (content, None)


def test_reportedly_gives_way_to_the_report_it_modifies() -> None:
    """'reportedly told aides that ...': the telling is the report, its holder named."""
    found = reports("Harlan Vose has reportedly told aides that he will not run again.")
    assert found.get("told") == ("that he will not run again", "Harlan Vose")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # news
        (
            "The spokesman offered no explanation for the delay.",
            "no explanation for the delay",
            "The spokesman",
        ),
        # news
        (
            "Priya Dane offered her thoughts on the state budget.",
            "her thoughts on the state budget",
            "Priya Dane",
        ),
        # news
        ("The senator has offered few specifics.", "few specifics", "The senator"),
    ],
)
def test_offering_words_of_saying_is_a_report(text: str, content: str, speaker: str) -> None:
    assert reports(text).get("offered") == (content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The store offered a discount on winter coats.",
        "The college offered her a scholarship.",
    ],
)
def test_offering_things_is_no_report(text: str) -> None:
    assert "offered" not in reports(text)
