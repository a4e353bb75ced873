"""Known cue words whose attributions the rules missed entirely (issue 19, recall6).

Each sentence has a cue the lexicons already hold ('say', 'ask', 'call', 'know', 'seek',
'vote', 'support' ...) in a shape the rules did not read as a report. All sentences are
invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


def _found(text: str, cue: str) -> tuple[str, str | None]:
    found = reports(text)
    assert cue in found, found
    return found[cue]


# Written first, as a reader would phrase such sentences, before reading the rules.
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The mayor asked the council to delay the vote on the new budget.",
            "asked",
            "to delay the vote on the new budget",
            "The mayor",
        ),
        (
            "Union leaders called for an immediate inquiry into the factory fire.",
            "called for",
            "an immediate inquiry into the factory fire",
            "Union leaders",
        ),
        (
            "The governor is seeking to raise the tax on tobacco products.",
            "seeking",
            "to raise the tax on tobacco products",
            "The governor",
        ),
        (
            "Most residents know that the bridge will not be repaired this year.",
            "know",
            "that the bridge will not be repaired this year",
            "Most residents",
        ),
        (
            "The committee voted to approve the harbour expansion plan on Tuesday.",
            "voted",
            "to approve the harbour expansion plan",
            "The committee",
        ),
        (
            "The council member accused the developer of hiding the cost of the project.",
            "accused",
            "of hiding the cost of the project",
            "The council member",
        ),
    ],
)
def test_a_reader_expects_these_reports(text: str, cue: str, content: str, speaker: str) -> None:
    got_content, got_speaker = _found(text, cue)
    assert content in got_content or got_content in content, (got_content, content)
    assert got_speaker == speaker


# A reporting clause set off by commas after or inside the clause it reports, which the
# parse may hang on the reported clause's verb (an adverbial clause, a conjunct).
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The new bridge will open to traffic in early spring, the city's chief engineer"
            " told local reporters.",
            "told",
            "The new bridge will open to traffic in early spring",
            "the city's chief engineer",
        ),
        (
            "The factory will keep all of its workers through the winter, the company posted"
            " on its website.",
            "posted",
            "The factory will keep all of its workers through the winter",
            "the company",
        ),
        (
            "Instead, the minister told the radio station, the tax will be raised next year.",
            "told",
            "the tax will be raised next year",
            "the minister",
        ),
        (
            "Fewer young families moved to the valley last year, a survey of local residents"
            " found.",
            "found",
            "Fewer young families moved to the valley last year",
            "a survey of local residents",
        ),
    ],
)
def test_a_reporting_aside_reports_its_host_clause(
    text: str, cue: str, content: str, speaker: str
) -> None:
    got_content, got_speaker = _found(text, cue)
    assert content in got_content, got_content
    assert got_speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # Clauses in a list: a verb of saying with an object of its own is no aside.
        ("Prices rose sharply, the old bakery closed, and their smiles said a lot.", "said"),
        # A participle with no subject of its own is a report of its own or none.
        (
            "Thousands of families crossed the border last year, most of them seeking work.",
            "seeking",
        ),
    ],
)
def test_no_aside_without_a_bare_reporting_clause(text: str, cue: str) -> None:
    found = reports(text)
    assert cue not in found or "Prices rose" not in found[cue][0]


# Verbs of intent that are neither saying nor thinking report with an infinitive.
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The school board voted to close two elementary schools next year.",
            "voted",
            "to close two elementary schools next year",
            "The school board",
        ),
        (
            "Several mayors are pushing to lower the speed limit on rural roads.",
            "pushing",
            "to lower the speed limit on rural roads",
            "Several mayors",
        ),
        (
            "The union encouraged its members to reject the latest wage offer.",
            "encouraged",
            "to reject the latest wage offer",
            "The union",
        ),
        (
            "The senator pressed the agency to publish the inspection reports.",
            "pressed",
            "to publish the inspection reports",
            "The senator",
        ),
    ],
)
def test_a_verb_of_intent_with_an_infinitive_reports(
    text: str, cue: str, content: str, speaker: str
) -> None:
    got_content, got_speaker = _found(text, cue)
    assert content in got_content, got_content
    assert got_speaker == speaker


def test_who_was_pressed_wants_nothing() -> None:
    text = "The mayor, pressed by reporters to resign, left the hall without a word."
    assert "pressed" not in reports(text)
