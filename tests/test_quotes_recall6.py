"""Known cue words whose attributions the rules missed entirely (issue 19, recall6).

Each sentence has a cue the lexicons already hold ('say', 'ask', 'call', 'know', 'seek',
'vote', 'support' ...) in a shape the rules did not read as a report. All sentences are
invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports
from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


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


def _parts(text: str, cue: str) -> tuple[list[str], str | None]:
    for f in attributed_quotes(text, parse(text)):
        if f.cue is not None and text[f.cue[0] : f.cue[1]] == cue:
            speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
            return [text[s:e] for s, e in f.parts], speaker
    raise AssertionError(reports(text))


# A passive cue with a predicate on its subject: the subject and the predicate are the
# content (two pieces), the agent, if any, the speaker.
@pytest.mark.parametrize(
    ("text", "cue", "parts", "speaker"),
    [
        (
            "The old harbour is considered a danger to small boats by most fishermen.",
            "considered",
            ["The old harbour", "a danger to small boats"],
            "most fishermen",
        ),
        (
            "The treasurer was accused of hiding losses from the board.",
            "accused",
            ["The treasurer", "of hiding losses from the board"],
            None,
        ),
        (
            "The city's budget gap is projected to reach ten million dollars next year.",
            "projected",
            ["The city's budget gap", "to reach ten million dollars next year"],
            None,
        ),
        (
            "The retired judge is known for his blunt opinions on prison reform.",
            "known",
            ["The retired judge", "for his blunt opinions on prison reform"],
            None,
        ),
        (
            "The former mayor was declared the winner of the runoff on Sunday night.",
            "declared",
            ["The former mayor", "the winner of the runoff on Sunday night"],
            None,
        ),
    ],
)
def test_a_passive_cue_reports_its_subject_and_predicate(
    text: str, cue: str, parts: list[str], speaker: str | None
) -> None:
    got_parts, got_speaker = _parts(text, cue)
    assert got_parts == parts
    assert got_speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # 'assured of' is being certain of something, not being reassured by anyone.
        "The incumbent is assured of winning at least forty seats in the north.",
        # A quotation in the predicate belongs to the direct pass.
        'The protesters were shown chanting "No more cuts!" outside the hall.',
    ],
)
def test_no_passive_predicate_report(text: str) -> None:
    found = reports(text)
    assert "assured" not in found and "shown" not in found, found


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "As reported by the county newspaper, the clinic will close at the end of May.",
            "reported",
            "the clinic will close at the end of May",
            "the county newspaper",
        ),
        (
            "But, as the voters learned last spring, the new tram line costs far more to run.",
            "learned",
            "the new tram line costs far more to run",
            "the voters",
        ),
    ],
)
def test_an_as_clause_of_knowing_or_a_passive_report(
    text: str, cue: str, content: str, speaker: str
) -> None:
    got_content, got_speaker = _found(text, cue)
    assert content in got_content, got_content
    assert got_speaker == speaker


def test_an_as_clause_of_seeking_something_is_a_time() -> None:
    text = "As she seeks a second term, the governor is raising money across the state."
    assert "seeks" not in reports(text)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Both of the state's senators strongly supported her.",
            "supported",
            "her",
            "Both of the state's senators",
        ),
        ("The union leader called them cowards.", "called", "them cowards", "The union leader"),
        (
            "Instead of calling himself a reformer, the mayor spoke about roads.",
            "calling",
            "himself a reformer",
            "the mayor",
        ),
    ],
)
def test_a_short_object_of_taking_a_side_or_calling(
    text: str, cue: str, content: str, speaker: str | None
) -> None:
    got_content, got_speaker = _found(text, cue)
    assert got_content == content
    if speaker is not None:
        assert got_speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Most farmers still believe in the value of the cooperative.",
            "believe in",
            "the value of the cooperative",
            "Most farmers",
        ),
        (
            "The coach is thinking about leaving the club after the season.",
            "thinking about",
            "leaving the club after the season",
            "The coach",
        ),
        (
            "Several economists cautioned against raising rates before the summer.",
            "cautioned against",
            "raising rates before the summer",
            "Several economists",
        ),
        (
            "The host asked her about the delays at the new hospital.",
            "asked her about",
            "the delays at the new hospital",
            "The host",
        ),
    ],
)
def test_a_known_cue_reports_through_its_preposition(
    text: str, cue: str, content: str, speaker: str
) -> None:
    got_content, got_speaker = _found(text, cue)
    assert got_content == content
    assert got_speaker == speaker


def test_a_thought_on_the_speaker_of_a_quotation_is_no_report() -> None:
    text = (
        '"It was the best day of my life," said the old farmer, who thinks often about'
        " the harvest of that year."
    )
    found = reports(text)
    assert "thinks often about" not in found and "thinks" not in found, found


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The harbour tax, a measure she once supported, was repealed in March.",
            "supported",
            "a measure",
            "she",
        ),
        (
            "Here are five things the new coach has said about the youth team.",
            "said",
            "five things",
            "the new coach",
        ),
        (
            "The stadium deal was something the mayor had always opposed.",
            "opposed",
            "something",
            "the mayor",
        ),
    ],
)
def test_the_noun_a_relative_cue_takes_as_its_object(
    text: str, cue: str, content: str, speaker: str
) -> None:
    got_content, got_speaker = _found(text, cue)
    assert got_content == content
    assert got_speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It rained all week, the week she said goodbye to the village.", "said"),
        ("Voters remember the day when he announced his run.", "announced"),
    ],
)
def test_no_relative_object_report_on_a_time(text: str, cue: str) -> None:
    found = reports(text)
    assert cue not in found or found[cue][0] not in ("the week", "the day"), found


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The county board is considering closing the landfill by the end of the decade.",
            "considering",
            "closing the landfill by the end of the decade",
            "The county board",
        ),
        (
            "Most teachers oppose lengthening the school day.",
            "oppose",
            "lengthening the school day",
            "Most teachers",
        ),
        (
            "The treasurer proposed to sell the old depot to a private developer.",
            "proposed",
            "to sell the old depot to a private developer",
            "The treasurer",
        ),
    ],
)
def test_a_gerund_or_infinitive_is_what_was_said_or_stood_for(
    text: str, cue: str, content: str, speaker: str
) -> None:
    got_content, got_speaker = _found(text, cue)
    assert got_content == content
    assert got_speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The new bridge has proven to be a costly mistake for the town.", "proven"),
        ("The band continued playing long after midnight.", "continued"),
    ],
)
def test_an_aspect_or_a_result_is_no_report(text: str, cue: str) -> None:
    assert cue not in reports(text)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The company has denied it happened.", "denied", "it happened", "The company"),
        ("She finished the bridge in May, just as she said she would.", "said", "she would", "she"),
    ],
)
def test_a_short_clause_is_a_report(text: str, cue: str, content: str, speaker: str) -> None:
    got_content, got_speaker = _found(text, cue)
    assert got_content == content
    assert got_speaker == speaker


def test_a_short_noun_a_passive_with_its_agent_describes() -> None:
    text = "The school adopted a policy criticized by most parents."
    got_content, got_speaker = _found(text, "criticized")
    assert got_content == "a policy"
    assert got_speaker == "most parents"


def test_a_passive_cue_with_its_agent_reports_its_subject() -> None:
    text = "The new zoning plan was never mentioned by the council members."
    got_content, got_speaker = _found(text, "mentioned")
    assert got_content == "The new zoning plan"
    assert got_speaker == "the council members"


def test_whom_a_question_was_put_to_is_not_what_was_asked() -> None:
    text = "The mayor was asked by a reporter about the budget gap."
    found = reports(text)
    assert all(content != "The mayor" for content, _ in found.values()), found
