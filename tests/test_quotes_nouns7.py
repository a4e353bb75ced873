"""Reports whose cue is a noun (issue 19, session 13, helper nouns7).

Written from the noun-cue rows of ``bench/quotes_missed.py`` on the fit articles of
PolNeAR train: a noun of belief or saying with its 'that'-clause ('the senator's view
that ...') reports what its holder thinks or says. All sentences are invented.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from attribution_helpers import reports
from presslens.attribution.indirect import _name_mistagged


@pytest.mark.parametrize(
    ("text", "cue", "words", "speaker"),
    [
        (
            "The senator's view that the tax cut helped working families is widely shared.",
            "view",
            "the tax cut helped working families",
            "The senator",
        ),
        (
            "In the senator's view, the tax cut helped working families across the state.",
            "view",
            "the tax cut helped working families",
            "the senator",
        ),
        (
            "The only sensible step, in my view, would be a new bridge across the river.",
            "view",
            "would be a new bridge",
            "my",
        ),
        (
            "Despite advice from her aides that the plan would be costly, the mayor went ahead.",
            "advice",
            "the plan would be costly",
            "her aides",
        ),
        (
            "The union's demand that the company restore the pension plan went unanswered.",
            "demand",
            "the company restore the pension plan",
            "The union",
        ),
        (
            "The mayor's criticism of the new stadium deal surprised her allies.",
            "criticism of",
            "the new stadium deal",
            "The mayor",
        ),
    ],
)
def test_a_noun_with_its_complement_is_a_report(
    text: str, cue: str, words: str, speaker: str
) -> None:
    found = reports(text)
    assert cue in found, found
    content, spk = found[cue]
    assert words in content
    assert spk == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The view from the hotel window was of a quiet harbour.",
        "Support for the elderly grew after the storm that hit the coast.",
    ],
)
def test_a_noun_with_no_holder_or_no_content_is_no_report(text: str) -> None:
    assert reports(text) == {}, reports(text)


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        (
            "The merger fuelled speculation that the bank would cut thousands of jobs.",
            "speculation",
            "the bank would cut thousands of jobs",
        ),
        (
            "Rumors that the factory would close spread quickly through the small town.",
            "Rumors",
            "the factory would close",
        ),
    ],
)
def test_a_claim_stirred_up_by_something_has_no_holder(text: str, cue: str, words: str) -> None:
    found = reports(text)
    assert cue in found, found
    content, spk = found[cue]
    assert words in content
    assert spk is None


def test_in_a_view_beside_a_report_of_its_own_is_no_second_report() -> None:
    found = reports("In his view, the governor said, the budget was balanced by the new taxes.")
    assert "view" not in found, found


@pytest.mark.parametrize(
    ("text", "cue", "words"),
    [
        (
            "Questions about the senator's health have dogged the campaign for weeks.",
            "Questions about",
            "the senator's health",
        ),
        (
            "Criticism of the mayor's handling of the flood grew louder this week.",
            "Criticism of",
            "the mayor's handling of the flood",
        ),
        ("Doubts about the new stadium grew after the vote.", "Doubts about", "the new stadium"),
    ],
)
def test_questions_and_doubts_with_no_holder_are_reports_of_no_one(
    text: str, cue: str, words: str
) -> None:
    found = reports(text)
    assert cue in found, found
    assert found[cue] == (words, None)


@pytest.mark.parametrize(
    "text",
    [
        "The question for the council over the next few months is how to pay for it.",
        "Calls for a new bridge grew louder after the flood.",
        "The mayor has faced questions about her handling of the flood.",
    ],
)
def test_a_time_or_an_unheld_call_is_no_report(text: str) -> None:
    assert reports(text) == {}, reports(text)


def test_a_headline_label_reports_a_line_with_an_abbreviation_in_it() -> None:
    text = (
        "Alvarez: Federal money will flow to the U.S. capital next year.\n\n"
        "The mayor met voters at city hall."
    )
    assert reports(text)[":"] == (
        "Federal money will flow to the U.S. capital next year",
        "Alvarez",
    )


def test_a_label_word_that_is_no_name_opens_no_report() -> None:
    text = "Contributing: Jane Doe and John Roe, Example News Service\n\nThe mayor met voters."
    assert ":" not in reports(text)


@pytest.mark.parametrize(
    ("pos", "ent", "expected"),
    [("ADJ", "B-PERSON", True), ("VERB", "B-ORG", True), ("VERB", "O", False)],
)
def test_a_capitalised_name_the_tagger_misread_still_labels(
    pos: str, ent: str, expected: bool
) -> None:
    doc = Doc(Vocab(), words=["Okafor", ":"], pos=[pos, "PUNCT"], ents=[ent, "O"])
    assert _name_mistagged(doc[0]) is expected
