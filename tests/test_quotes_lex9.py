"""Cue words whose reports the rules missed (issue 19, lex9): verbs of choice and aim
with an infinitive, and speech / thought verbs in shapes the rules did not read. All
sentences are invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import attributions, reports


def _assert_report(text: str, cue: str, content: str, speaker: str) -> None:
    """``cue`` reports (about) ``content`` and is credited to ``speaker``."""
    found = reports(text)
    assert cue in found, found
    got_content, got_speaker = found[cue]
    assert content in got_content or got_content in content, found
    assert got_speaker == speaker, found


# Written first, as a reader would phrase such sentences, before reading the rules.
@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The company had hoped that the merger would close in March.",
            "hoped",
            "that the merger would close in March",
            "The company",
        ),
        (
            "Officials have long warned that the river could flood the lower town.",
            "warned",
            "that the river could flood the lower town",
            "Officials",
        ),
    ],
)
def test_reports_found(text: str, cue: str, content: str, speaker: str) -> None:
    _assert_report(text, cue, content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The board decided to close the riverside plant next spring.",
            "decided",
            "to close the riverside plant next spring",
            "The board",
        ),
        (
            "The bakery chain is looking to sell its stake in the mill.",
            "looking",
            "to sell its stake in the mill",
            "The bakery chain",
        ),
        (
            "The landlord offered to pay for the repairs to the roof.",
            "offered",
            "to pay for the repairs to the roof",
            "The landlord",
        ),
        (
            "Several members opted to skip the closing session of the summit.",
            "opted",
            "to skip the closing session of the summit",
            "Several members",
        ),
    ],
)
def test_intent_infinitives(text: str, cue: str, content: str, speaker: str) -> None:
    _assert_report(text, cue, content, speaker)


def test_looking_without_infinitive_is_no_report() -> None:
    found = reports("The inspectors were looking at the damaged bridge on Friday.")
    assert "looking" not in found, found


def test_clause_subject_read_as_object_of_say() -> None:
    """'say' takes no noun object: a noun with a finite verb below it is the clause said."""
    text = "Jones says the rise in rents that tenants decry also makes the vote less likely."
    found = reports(text)
    assert "says" in found, found
    content, speaker = found["says"]
    assert content.startswith("the rise in rents"), found
    assert content.endswith("less likely"), found
    assert speaker == "Jones", found


def test_things_said_are_no_clause() -> None:
    found = reports("He will say things that nobody else will say in public.")
    assert "say" not in found, found


@pytest.mark.parametrize(
    ("text", "cue", "start", "speaker"),
    [
        (
            "The senator cast herself as the defender of the old harbour.",
            "cast",
            "herself as the defender",
            "The senator",
        ),
        (
            "The union painted the new manager as hostile to the workers.",
            "painted",
            "the new manager as hostile",
            "The union",
        ),
        (
            "The governor framed the vote as a test of the party's resolve.",
            "framed",
            "the vote as a test",
            "The governor",
        ),
    ],
)
def test_portrayal_as(text: str, cue: str, start: str, speaker: str) -> None:
    """A verb of portraying with an object and an 'as'-phrase reports a view held."""
    found = reports(text)
    assert cue in found, found
    content, got_speaker = found[cue]
    assert content.startswith(start), found
    assert got_speaker == speaker, found


def test_cast_a_ballot_is_no_portrayal() -> None:
    found = reports("Nearly a thousand residents cast a ballot on Sunday.")
    assert "cast" not in found, found


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The harbour plan has drawn sharp criticism from local fishermen.",
            "drawn sharp criticism",
            "The harbour plan",
            "local fishermen",
        ),
        (
            "The new mayor has the support of most unions in the city.",
            "has the support",
            "The new mayor",
            "most unions in the city",
        ),
        (
            "Last week the bill won the endorsement of the teachers' association.",
            "won the endorsement",
            "the bill",
            "the teachers' association",
        ),
    ],
)
def test_stance_received_from_a_giver(text: str, cue: str, content: str, speaker: str) -> None:
    """A stance received with its giver named is the giver's report about the receiver."""
    assert reports(text).get(cue) == (content, speaker), reports(text)


@pytest.mark.parametrize(
    "text",
    [
        "The governor faced criticism over the budget on Monday.",
        "The candidate avoided direct criticism of the mayor during the debate.",
        "The council drew criticism of the plan into its report.",
    ],
)
def test_stance_without_giver_is_not_received_report(text: str) -> None:
    """No giver named (or 'of' naming the target of a judgement): no report of the verb."""
    found = attributions(text)
    assert not any(cue.split()[0] in ("faced", "avoided", "drew") for cue, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The new levy, which was first reported by the local paper, will start in May.",
            "reported",
            "the local paper",
        ),
        ("The mayor, who is reviled by the unions, spoke at the opening.", "reviled", "the unions"),
    ],
)
def test_nonrestrictive_relative_with_agent(text: str, cue: str, speaker: str) -> None:
    """A passive report in a 'which'/'who' clause with its agent: the relative is the content."""
    found = reports(text)
    assert cue in found, found
    assert found[cue][1] == speaker, found


def test_restrictive_relative_is_no_report() -> None:
    found = reports("The levy that was backed by the council will start in May.")
    assert "backed" not in found, found


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Most farmers had a favorable opinion of the new minister.",
            "opinion of",
            "the new minister",
            "Most farmers",
        ),
        (
            "Several council members have misgivings about the harbour plan.",
            "misgivings about",
            "the harbour plan",
            "Several council members",
        ),
    ],
)
def test_opinion_nouns(text: str, cue: str, content: str, speaker: str) -> None:
    """A noun of an opinion held about a thing reports that thing, held by the subject."""
    assert reports(text).get(cue) == (content, speaker), reports(text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The mayor has said little about the harbour plan.", "the harbour plan", "The mayor"),
        ("Few people care what the vote says about the party.", "the party", "the vote"),
    ],
)
def test_amount_said_about(text: str, content: str, speaker: str) -> None:
    """'said little about X': X is what the report is about."""
    found = {c: (content_, s) for c, content_, s in attributions(text)}
    cue = next((c for c in found if c.startswith(("said", "says"))), None)
    assert cue is not None, found
    assert found[cue] == (content, speaker), found
