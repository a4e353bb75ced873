"""Direct quotes a reader meets next to scene-setting words and continued reports (issue 19).

Each case is a short article body (after a headline) with the content a reader would
call the quote, who said it, and its kind, compared as in ``test_quote_layouts``:
without the quotation marks and the comma or full stop that closes the layout.
"""

from __future__ import annotations

import pytest

import presslens
from attribution_helpers import (
    HEADLINE,
    Layout,
    check_layout,
    describe,
    speaker_text,
)
from presslens.document import Quote

CASES: tuple[Layout, ...] = (
    Layout(
        "a question asked before the speaker and cue",
        "Asked about the delay on Monday, the mayor said, "
        '"We are doing everything we can to finish the bridge."',
        "We are doing everything we can to finish the bridge",
        ("the mayor",),
        "direct",
    ),
    Layout(
        "a time clause before the speaker and cue",
        "When reporters pressed her on the vote, the senator replied, "
        '"That is a question for another day."',
        "That is a question for another day",
        ("the senator",),
        "direct",
    ),
    Layout(
        "the next sentence goes on with a lead word and a quotation",
        '"The plan is sound," the mayor said. Instead, "the council wants to delay it for'
        ' another year."',
        'The plan is sound," the mayor said. Instead, "the council wants to delay it for'
        " another year",
        ("the mayor",),
        "mixed",
        2,
    ),
    Layout(
        "the next sentence goes on with a clause and a quotation",
        '"We were never consulted," the farmer said. Unless the board changes course,'
        ' "nobody in the valley will trust the water again."',
        'We were never consulted," the farmer said. Unless the board changes course,'
        ' "nobody in the valley will trust the water again',
        ("the farmer",),
        "mixed",
        2,
    ),
    Layout(
        "the next sentence's quotation has a cue of its own",
        '"We were never consulted," the farmer said. The board, however, "acted within'
        ' the law," a spokesman said.',
        "We were never consulted",
        ("the farmer",),
        "direct",
    ),
    Layout(
        "a quotation going on after the cue, then a new line about the speaker",
        '"We will win this league," said the coach. "Nobody in this club doubts it for a'
        ' second."\nThe coach also praised the fans for their patience.',
        'We will win this league," said the coach. "Nobody in this club doubts it for a second',
        ("the coach",),
        "direct",
        2,
    ),
    Layout(
        "a question, then a speaker with an apposition and the cue",
        '"Why should anyone have to wait this long?" Eva Lind, a retired nurse from the'
        " valley, said into the phone.",
        "Why should anyone have to wait this long?",
        ("Eva Lind", "Eva Lind, a retired nurse from the valley"),
        "direct",
    ),
    Layout(
        "a speaker with an apposition before the cue after the quotation",
        '"Nobody here claims the budget is perfect," Lena Ortiz, a senior outside'
        " adviser to the council, said at a town hall on housing.",
        "Nobody here claims the budget is perfect",
        (
            "Lena Ortiz",
            "Lena Ortiz, a senior outside adviser to the council",
        ),
        "direct",
    ),
    Layout(
        "a speaker with a relative clause before the cue after the quotation",
        '"The inspectors on the case are working long hours," a police source, who has'
        " followed the inquiry from the start, told the newspaper.",
        "The inspectors on the case are working long hours",
        (
            "a police source",
            "a police source, who has followed the inquiry from the start",
        ),
        "direct",
    ),
    Layout(
        "a newsletter item: a topic, a dash, the source and a colon",
        'Voters agree the race is tight - Anna Berg: "Nobody at the table wants to blink'
        ' first, and the polls show why."',
        "Nobody at the table wants to blink first, and the polls show why",
        ("Anna Berg",),
        "direct",
    ),
    Layout(
        "a speaker after the quotation with a long relative clause",
        '"The river has never been this low," Maria Olsen, who has farmed the land along'
        " the valley for more than forty years with her two brothers, told the local paper.",
        "The river has never been this low",
        (
            "Maria Olsen",
            "Maria Olsen, who has farmed the land along the valley for more than forty years"
            " with her two brothers",
        ),
        "direct",
    ),
    Layout(
        "a programme's title in quotation marks after the cue, then more quotation",
        '"We are not winning yet," the minister said on the radio show "Morning Call" on'
        ' Sunday. "But we will get there before the winter comes."',
        'We are not winning yet," the minister said on the radio show "Morning Call" on'
        ' Sunday. "But we will get there before the winter comes',
        ("the minister",),
        "direct",
        2,
    ),
    Layout(
        "a quotation opening with its verb, its subject set off before speaker and cue",
        "The council met on Tuesday. The old dam, the engineer wrote"
        ' "is a risk to every house below it and must be mended before the rains."',
        'The old dam, the engineer wrote "is a risk to every house below it and must be'
        " mended before the rains",
        ("the engineer",),
        "mixed",
        2,
    ),
    Layout(
        "a participle of saying introduces the quotation after another verb's object",
        "The mayor praised the new bridge at the opening, saying,"
        ' "We have waited ten years for this day."',
        "We have waited ten years for this day",
        ("The mayor",),
        "direct",
    ),
    Layout(
        "a second verb of saying, joined to a report, introduces the quotation",
        "The coach, 64, said it was too soon to name the winners but added,"
        ' "We all know who did the work."',
        "We all know who did the work",
        ("The coach", "The coach, 64"),
        "direct",
    ),
    Layout(
        "a clause and a colon before a quotation whose cue follows it",
        "The coach lamented the many meetings his job demands, especially travel:"
        ' "There is just a ton of paperwork in this job," he said.\n\n'
        "At the time, the mayor seemed to suggest she had silenced her critics:"
        ' "They signed a pledge," she told the local paper.',
        "They signed a pledge",
        ("she",),
        "direct",
    ),
    Layout(
        "a clause and a dash before a quotation whose cue follows it",
        "The clerk suggested that the new plan was not serious -"
        ' "Again, we need to see the details," she said - and asked for a delay.',
        "Again, we need to see the details",
        ("she",),
        "direct",
    ),
    Layout(
        "a quotation, its speaker and cue, reported 'according to' a source",
        '"Members are free to vote the way they see fit," the chairman said, according'
        " to a local radio account.",
        'Members are free to vote the way they see fit," the chairman said',
        ("a local radio account",),
        "mixed",
    ),
    Layout(
        "a quotation reported 'according to' a source, then its continuation",
        '"We will be voting in March," the mayor said on Monday, according to the city'
        ' paper. "And we will vote for the new school."',
        'We will be voting in March," the mayor said on Monday, according to the city'
        ' paper. "And we will vote for the new school',
        ("the city paper",),
        "mixed",
        2,
    ),
    Layout(
        "'as X put it' before the quotation",
        'As the historian Jane Roe put it, "Every town that loses its mill loses its memory."',
        "Every town that loses its mill loses its memory",
        ("Jane Roe", "the historian Jane Roe"),
        "direct",
    ),
    Layout(
        "a paragraph that is only a quotation, after a paragraph ending in a reported clause",
        "The engineer said that the old bridge would close for good in the spring.\n\n"
        '"Nobody in this town will have to drive around the lake again."',
        "that the old bridge would close for good in the spring.\n\n"
        '"Nobody in this town will have to drive around the lake again',
        ("The engineer",),
        "mixed",
        2,
    ),
    Layout(
        "a subject and a verb outside the lexicon right after the quotation",
        '"Go back to your seat and wait for the vote," the mayor barked and a guard walked'
        " the man out.",
        "Go back to your seat and wait for the vote",
        ("the mayor",),
        "direct",
    ),
    Layout(
        "a quotation opening with its verb, a possessive and a title in the subject's sentence",
        "Nobody expected the vote. The club's new course, Ms. Varga said,"
        ' "is a perfect example of the change in the sport."',
        "The club's new course, Ms. Varga said, \"is a perfect example of the change in the sport",
        ("Ms. Varga",),
        "mixed",
        2,
    ),
)


def _content(text: str, q: Quote) -> str:
    return text[slice(*q.span)].strip().rstrip(",.;:").strip().strip('"“”').rstrip(",.")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_direct_quote(case: Layout) -> None:
    check_layout(case, _content)


def test_transcript_turns_are_direct_quotes() -> None:
    text = (
        HEADLINE
        + "HOST: Will you run for a second term next year?\n\n"
        + "MAYOR: I have not decided yet, and my family will have a say.\n\n"
        + "HOST: When will you decide?"
    )
    quotes = presslens.analyze(text, stages=["quotes"]).quotes
    said = {(speaker_text(text, q), _content(text, q)) for q in quotes if q.kind == "direct"}
    assert ("MAYOR", "I have not decided yet, and my family will have a say") in said, said


def test_a_capitalised_label_on_its_own_is_no_speaker() -> None:
    # A kicker before a headline ('BOOM:', 'EXCLUSIVE:') opens a paragraph in capitals
    # with a colon, as a transcript's speaker label does, but a transcript has turns.
    text = (
        "BOOM: Mayor Fires Back At Council Over The Budget.\n\n"
        "The mayor said on Monday that the budget was fair and would pass."
    )
    quotes = presslens.analyze(text, stages=["quotes"]).quotes
    credited = [q for q in quotes if q.kind == "direct" and speaker_text(text, q) == "BOOM"]
    assert not credited, describe(text, quotes)
