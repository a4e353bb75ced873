"""Three known slips of the English rules (bugs15). All sentences are invented.

1. 'CLAUSE, claimed SUBJECT.': in the inverted order the parser often hangs the speaker
   after the verb as its object; the clause before the comma is the content and the noun
   phrase after the verb the speaker, whatever the speech verb (as with 'said').
2. 'X pressured Y to stop by threatening ...': an object of the main verb is not who
   speaks in a 'by + -ing' adjunct; the subject is.
3. 'They are seen as leaders who can fix the economy by a third of voters.': the agent
   lands inside the relative clause of the as-phrase's noun; it still holds the view.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


def _assert_report(text: str, cue: str, content: str, speaker: str | None) -> None:
    found = reports(text)
    assert cue in found, found
    assert found[cue] == (content, speaker), found


# 1. Inverted order after a comma-set clause: written before reading the rules.
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The vote was rigged, claimed a spokesman for the party.",
            "claimed",
            "The vote was rigged",
            "a spokesman for the party",
        ),
        (
            "The vote was rigged, said a spokesman for the party.",
            "said",
            "The vote was rigged",
            "a spokesman for the party",
        ),
        (
            "The ballots were counted twice, insisted a spokeswoman for the Democrats.",
            "insisted",
            "The ballots were counted twice",
            "a spokeswoman for the Democrats",
        ),
        (
            "The ballots were counted twice, insisted a spokeswoman for the Republicans.",
            "insisted",
            "The ballots were counted twice",
            "a spokeswoman for the Republicans",
        ),
        (
            "The tax cut will pay for itself, argued Senator Mitch McConnell.",
            "argued",
            "The tax cut will pay for itself",
            "Senator Mitch McConnell",
        ),
        (
            "The tax cut will pay for itself, argued Senator Chuck Schumer.",
            "argued",
            "The tax cut will pay for itself",
            "Senator Chuck Schumer",
        ),
        (
            "The economy is heading for a recession, warned the head of the central bank.",
            "warned",
            "The economy is heading for a recession",
            "the head of the central bank",
        ),
        (
            "The mayor had lied about the contract, alleged a lawyer for the city council.",
            "alleged",
            "The mayor had lied about the contract",
            "a lawyer for the city council",
        ),
        (
            "Mistakes were made in the early weeks, conceded the campaign manager.",
            "conceded",
            "Mistakes were made in the early weeks",
            "the campaign manager",
        ),
        (
            "The new law protects workers, maintained Republican leaders in the House.",
            "maintained",
            "The new law protects workers",
            "Republican leaders in the House",
        ),
        (
            "The new law protects workers, maintained Democratic leaders in the House.",
            "maintained",
            "The new law protects workers",
            "Democratic leaders in the House",
        ),
    ],
)
def test_inverted_speaker_after_verb(text: str, cue: str, content: str, speaker: str) -> None:
    _assert_report(text, cue, content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The mayor lost the vote, and then claimed a victory.", "claimed", "The mayor"),
        ("The senator said the vote was rigged and claimed a recount.", "claimed", "The senator"),
    ],
)
def test_object_of_verb_with_its_subject_stays_content(text: str, cue: str, speaker: str) -> None:
    """A verb that has its own (or a shared) subject keeps its object as what it says."""
    found = reports(text)
    if cue in found:
        assert found[cue][1] == speaker, found


@pytest.mark.parametrize(
    "text",
    [
        "She won the primary, maintained a wide lead.",
        "The company cut 300 jobs, told employees.",
    ],
)
def test_no_inverted_speaker_without_one(text: str) -> None:
    """An object that is no speaker (a thing, whom one tells) is not made one."""
    found = reports(text)
    assert all(content != text.split(",")[0] for content, _ in found.values()), found


def test_inverted_speaker_stops_before_time() -> None:
    _assert_report(
        "The vote was rigged, claimed a spokesman for the party on Friday.",
        "claimed",
        "The vote was rigged",
        "a spokesman for the party",
    )


# 2. 'by + -ing' under an object-control verb: written before reading the rules.
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The mayor convinced them to leave by claiming the bridge was unsafe.",
            "claiming",
            "the bridge was unsafe",
            "The mayor",
        ),
        (
            "The governor pressured lawmakers to drop the bill by warning that it would fail.",
            "warning",
            "that it would fail",
            "The governor",
        ),
        (
            "The governor pressured them to stop by threatening to sue.",
            "threatening",
            "to sue",
            "The governor",
        ),
        (
            "The coach persuaded the players to stay by promising to raise their pay.",
            "promising",
            "to raise their pay",
            "The coach",
        ),
        (
            "Senator Mitch McConnell pressured Democrats to back the deal by arguing that "
            "it would cut taxes.",
            "arguing",
            "that it would cut taxes",
            "Senator Mitch McConnell",
        ),
        (
            "Senator Chuck Schumer pressured Republicans to back the deal by arguing that "
            "it would cut taxes.",
            "arguing",
            "that it would cut taxes",
            "Senator Chuck Schumer",
        ),
    ],
)
def test_by_gerund_not_credited_to_object(text: str, cue: str, content: str, speaker: str) -> None:
    _assert_report(text, cue, content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The mayor tried to calm residents by promising that the bridge would reopen.",
            "promising",
            "that the bridge would reopen",
            "The mayor",
        ),
    ],
)
def test_by_gerund_subject_control_keeps_subject(
    text: str, cue: str, content: str, speaker: str
) -> None:
    _assert_report(text, cue, content, speaker)


# 3. Agent inside the relative clause of the as-phrase: written before reading the rules.
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "They are seen as leaders who can fix the economy by a third of voters.",
            "seen",
            "They are seen as leaders who can fix the economy",
            "a third of voters",
        ),
        (
            "The governor is viewed as a leader who can unite the state by most Democrats.",
            "viewed",
            "The governor is viewed as a leader who can unite the state",
            "most Democrats",
        ),
        (
            "The governor is viewed as a leader who can unite the state by most Republicans.",
            "viewed",
            "The governor is viewed as a leader who can unite the state",
            "most Republicans",
        ),
        (
            "The senator is regarded as someone who will fight for farmers by many in "
            "rural districts.",
            "regarded",
            "The senator is regarded as someone who will fight for farmers",
            "many in rural districts",
        ),
    ],
)
def test_agent_in_relative_clause_holds_the_view(
    text: str, cue: str, content: str, speaker: str
) -> None:
    _assert_report(text, cue, content, speaker)


def test_by_phrase_of_relative_clause_verb_is_not_agent() -> None:
    """A 'by' that belongs to the relative clause's own verb ('paid by') is not the view's
    holder."""
    text = "She is seen as a leader who was elected by a wide margin."
    found = reports(text)
    if "seen" in found:
        assert found["seen"][1] != "a wide margin", found
