"""Direct quotes a reader meets next to scene-setting words and continued reports (issue 19).

Each case is a short article body (after a headline) with the content a reader would
call the quote, who said it, and its kind, compared as in ``test_quote_layouts``:
without the quotation marks and the comma or full stop that closes the layout.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import presslens
from presslens.document import Quote

HEADLINE = "Council debates budget\n\n"


@dataclass(frozen=True)
class Case:
    name: str
    body: str
    content: str
    speakers: tuple[str, ...]
    kind: str
    pieces: int = 1


CASES: tuple[Case, ...] = (
    Case(
        "a question asked before the speaker and cue",
        "Asked about the delay on Monday, the mayor said, "
        '"We are doing everything we can to finish the bridge."',
        "We are doing everything we can to finish the bridge",
        ("the mayor",),
        "direct",
    ),
    Case(
        "a time clause before the speaker and cue",
        "When reporters pressed her on the vote, the senator replied, "
        '"That is a question for another day."',
        "That is a question for another day",
        ("the senator",),
        "direct",
    ),
    Case(
        "the next sentence goes on with a lead word and a quotation",
        '"The plan is sound," the mayor said. Instead, "the council wants to delay it for'
        ' another year."',
        'The plan is sound," the mayor said. Instead, "the council wants to delay it for'
        " another year",
        ("the mayor",),
        "mixed",
        2,
    ),
    Case(
        "the next sentence goes on with a clause and a quotation",
        '"We were never consulted," the farmer said. Unless the board changes course,'
        ' "nobody in the valley will trust the water again."',
        'We were never consulted," the farmer said. Unless the board changes course,'
        ' "nobody in the valley will trust the water again',
        ("the farmer",),
        "mixed",
        2,
    ),
    Case(
        "the next sentence's quotation has a cue of its own",
        '"We were never consulted," the farmer said. The board, however, "acted within'
        ' the law," a spokesman said.',
        "We were never consulted",
        ("the farmer",),
        "direct",
    ),
    Case(
        "a quotation going on after the cue, then a new line about the speaker",
        '"We will win this league," said the coach. "Nobody in this club doubts it for a'
        ' second."\nThe coach also praised the fans for their patience.',
        'We will win this league," said the coach. "Nobody in this club doubts it for a second',
        ("the coach",),
        "direct",
        2,
    ),
    Case(
        "a question, then a speaker with an apposition and the cue",
        '"Why should anyone have to wait this long?" Eva Lind, a retired nurse from the'
        " valley, said into the phone.",
        "Why should anyone have to wait this long?",
        ("Eva Lind", "Eva Lind, a retired nurse from the valley"),
        "direct",
    ),
    Case(
        "a speaker with an apposition before the cue after the quotation",
        '"It is not the position that everything is fine," Gene Sperling, a top outside'
        " adviser to the campaign, said at a recent event on the economy.",
        "It is not the position that everything is fine",
        (
            "Gene Sperling",
            "Gene Sperling, a top outside adviser to the campaign",
        ),
        "direct",
    ),
    Case(
        "a speaker with a relative clause before the cue after the quotation",
        '"The agents involved are under a lot of pressure," an intelligence source, who was'
        " not authorized to speak on the record, told the network.",
        "The agents involved are under a lot of pressure",
        (
            "an intelligence source",
            "an intelligence source, who was not authorized to speak on the record",
        ),
        "direct",
    ),
    Case(
        "a newsletter item: a topic, a dash, the source and a colon",
        'Voters agree the race is tight - Anna Berg: "Nobody at the table wants to blink'
        ' first, and the polls show why."',
        "Nobody at the table wants to blink first, and the polls show why",
        ("Anna Berg",),
        "direct",
    ),
    Case(
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
    Case(
        "a programme's title in quotation marks after the cue, then more quotation",
        '"We are not winning yet," the minister said on the radio show "Morning Call" on'
        ' Sunday. "But we will get there before the winter comes."',
        'We are not winning yet," the minister said on the radio show "Morning Call" on'
        ' Sunday. "But we will get there before the winter comes',
        ("the minister",),
        "direct",
        2,
    ),
)


def _quotes(body: str) -> tuple[str, list[Quote]]:
    text = HEADLINE + body
    return text, presslens.analyze(text, stages=["quotes"]).quotes


def _content(text: str, q: Quote) -> str:
    return text[slice(*q.span)].strip().rstrip(",.;:").strip().strip('"“”').rstrip(",.")


def _speaker(text: str, q: Quote) -> str | None:
    if q.speaker is None:
        return None
    return text[slice(*q.speaker.span)] if q.speaker.span else q.speaker.text


def _describe(text: str, quotes: list[Quote]) -> str:
    rows = [f"{q.kind}: {text[slice(*q.span)]!r} <- {_speaker(text, q)!r}" for q in quotes]
    return "; ".join(rows) or "no quotes"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_direct_quote(case: Case) -> None:
    text, quotes = _quotes(case.body)
    found = [q for q in quotes if _content(text, q) == case.content]
    assert len(found) == 1, _describe(text, quotes)
    q = found[0]
    assert q.kind == case.kind, _describe(text, quotes)
    assert _speaker(text, q) in case.speakers, _describe(text, quotes)
    assert len(q.parts or (q.span,)) == case.pieces, _describe(text, quotes)


def test_transcript_turns_are_direct_quotes() -> None:
    text = (
        HEADLINE
        + "HOST: Will you run for a second term next year?\n\n"
        + "MAYOR: I have not decided yet, and my family will have a say.\n\n"
        + "HOST: When will you decide?"
    )
    quotes = presslens.analyze(text, stages=["quotes"]).quotes
    said = {(_speaker(text, q), _content(text, q)) for q in quotes if q.kind == "direct"}
    assert ("MAYOR", "I have not decided yet, and my family will have a say") in said, said


def test_a_capitalised_label_on_its_own_is_no_speaker() -> None:
    # A kicker before a headline ('BOOM:', 'EXCLUSIVE:') opens a paragraph in capitals
    # with a colon, as a transcript's speaker label does, but a transcript has turns.
    text = (
        "BOOM: Mayor Fires Back At Council Over The Budget.\n\n"
        "The mayor said on Monday that the budget was fair and would pass."
    )
    quotes = presslens.analyze(text, stages=["quotes"]).quotes
    credited = [q for q in quotes if q.kind == "direct" and _speaker(text, q) == "BOOM"]
    assert not credited, _describe(text, quotes)
