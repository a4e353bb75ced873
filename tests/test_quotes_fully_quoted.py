"""Fully quoted attributions (content entirely inside quotation marks) in layouts a news
article uses around a direct quotation (issue 19).

Each case is a short invented article body (after a headline) with the content a reader
would call the quote, who said it, and its kind, compared as in ``test_quotes_direct``.
"""

from __future__ import annotations

import pytest

from attribution_helpers import Layout, check_layout, describe, layout_quotes
from presslens.document import Quote

CASES: tuple[Layout, ...] = (
    Layout(
        "a quotation, a pronoun and a verb with an object and a time",
        '"We will not back down on the school plan," she told reporters on Tuesday.',
        "We will not back down on the school plan",
        ("she",),
        "direct",
    ),
    Layout(
        "a quotation, its verb, then a name with an apposition",
        '"The harbour was full of boats by noon," said Tom Berg, a fisherman from the north shore.',
        "The harbour was full of boats by noon",
        ("Tom Berg", "Tom Berg, a fisherman from the north shore"),
        "direct",
    ),
    Layout(
        "a statement introduced by a colon after the speaker and cue",
        "In a statement on Friday, the agency said: "
        '"The review of the contracts is complete and no fault was found."',
        "The review of the contracts is complete and no fault was found",
        ("the agency",),
        "direct",
    ),
    Layout(
        "a quotation split around the speaker and cue",
        '"I am not going anywhere," he added, "and neither is anyone on my team."',
        'I am not going anywhere," he added, "and neither is anyone on my team',
        ("he",),
        "direct",
        2,
    ),
    Layout(
        "a verb of warning before the speaker after the quotation",
        '"The river will break its banks before morning," warned the mayor.',
        "The river will break its banks before morning",
        ("the mayor",),
        "direct",
    ),
    Layout(
        "an exclamation, then a verb outside the lexicon before the speaker",
        '"This is the best day of my life!" beamed Tom Berg, a farmer from the valley.',
        "This is the best day of my life!",
        ("Tom Berg", "Tom Berg, a farmer from the valley"),
        "direct",
    ),
    Layout(
        "a comma-closed quotation, then a verb outside the lexicon before the speaker",
        '"We will fight this ruling in every court in the land," exhorted the'
        " union's new leader, Ann Vik.",
        "We will fight this ruling in every court in the land",
        ("the union's new leader, Ann Vik", "Ann Vik"),
        "direct",
    ),
    Layout(
        "a document as the speaker, its verb read as a noun",
        '"Nobody here wanted the plant to close," the letter read.',
        "Nobody here wanted the plant to close",
        ("the letter",),
        "direct",
    ),
    Layout(
        "a narrator as the speaker, its verb read as a plural noun",
        '"Every family in the town deserves clean water," a narrator in the film states.',
        "Every family in the town deserves clean water",
        ("a narrator in the film",),
        "direct",
    ),
    Layout(
        "a signature paragraph with the dash written onto the name",
        '"The river is rising faster than anyone expected."\n\n-Anna Berg, the harbour master.',
        "The river is rising faster than anyone expected",
        ("Anna Berg",),
        "direct",
    ),
    Layout(
        "'From' a report and a colon before the quotation",
        "From the auditor's report: "
        '"The accounts of the harbour board were not kept in order for three years."',
        "The accounts of the harbour board were not kept in order for three years",
        ("the auditor's", "the auditor's report", "the report"),
        "direct",
    ),
    Layout(
        "a participle of saying after an earlier quotation in the sentence",
        'The clerk called the plan a "disaster," adding: "We will not sign anything until'
        ' the council has read every page."',
        "We will not sign anything until the council has read every page",
        ("The clerk",),
        "direct",
    ),
    Layout(
        "a verb of saying joined to a passive verb with the speaker as its subject",
        "The mayor was joined on stage by the governor and joked, "
        '"Nobody here has slept since Tuesday."',
        "Nobody here has slept since Tuesday",
        ("The mayor",),
        "direct",
    ),
    Layout(
        "an infinitive of saying under an adverb ('went so far as to say')",
        'The columnist Ann Lind went so far as to say: "The harbour as we know it is finished."',
        "The harbour as we know it is finished",
        ("The columnist Ann Lind", "Ann Lind"),
        "direct",
    ),
    Layout(
        "a question, then a sentence of only the speaker and a verb outside the lexicon",
        '"Would the council pay for it all?" Ann Lind pressed. The mayor shrugged.',
        "Would the council pay for it all?",
        ("Ann Lind",),
        "direct",
    ),
    Layout(
        "a colon-introduced quotation, then a participle of the clause before it",
        'The mayor fired back: "If they sue the town, they will lose in any court,"'
        " referencing the new harbour law.",
        "If they sue the town, they will lose in any court",
        ("The mayor",),
        "direct",
    ),
    Layout(
        "a speaker with an age before 'told' and whom it was told",
        '"We were wrong to wait this long for the new bridge," Ann Lind, 58, told'
        " Harbour Radio in an interview on Monday.",
        "We were wrong to wait this long for the new bridge",
        ("Ann Lind", "Ann Lind, 58"),
        "direct",
    ),
    Layout(
        "'said' then a speaker opening with a participle",
        '"Nobody asked us before the vote, so we will ask now," said retired nurse Ann Vik,'
        " asked about the plan.",
        "Nobody asked us before the vote, so we will ask now",
        ("retired nurse Ann Vik", "Ann Vik"),
        "direct",
    ),
    Layout(
        "'one' of the things just named as the speaker after the verb",
        "Banners hung from every window on the square. "
        '"The harbour belongs to all of us," read one.',
        "The harbour belongs to all of us",
        ("one",),
        "direct",
    ),
    Layout(
        "a quotation-only paragraph after a cue sentence that runs on with participles",
        '"The harbour will be full again by spring," the mayor said on Monday, standing on'
        " the pier beside the new moorings along the north shore.\n\n"
        '"Every boat that left will come back."',
        'The harbour will be full again by spring," the mayor said on Monday, standing on'
        " the pier beside the new moorings along the north shore.\n\n"
        '"Every boat that left will come back',
        ("the mayor",),
        "direct",
        2,
    ),
    Layout(
        "a party and state in brackets, ending in a full stop, before the cue",
        '"The budget is fair to every town in the state," Rep. Ann Lind (D-Mass.) said.',
        "The budget is fair to every town in the state",
        ("Rep. Ann Lind (D-Mass.)", "Rep. Ann Lind", "Ann Lind"),
        "direct",
    ),
    Layout(
        "a question, then a verb of telling with whom it was told",
        '"Why now, after ten years?" the mayor told the local paper on Monday.',
        "Why now, after ten years?",
        ("the mayor",),
        "direct",
    ),
    Layout(
        "a statement put out by the speaker, with a participle of saying",
        'She released a statement saying, "We are proud of the new harbour and of everyone'
        ' who built it."',
        "We are proud of the new harbour and of everyone who built it",
        ("She",),
        "direct",
    ),
    Layout(
        "a video put out by the speaker, with a relative clause of saying",
        'The club put out a video that said, "Every child in the town can swim here for free'
        ' this summer."',
        "Every child in the town can swim here for free this summer",
        ("The club",),
        "direct",
    ),
)


def _content(text: str, q: Quote) -> str:
    return text[slice(*q.span)].strip().rstrip(",.;:").strip().strip('"“”').rstrip(",.")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fully_quoted(case: Layout) -> None:
    check_layout(case, _content)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            'The council watched a short film called "Harbour Lights" before the vote.',
            "Harbour Lights",
        ),
        ('The group released a new book titled "The Long Winter" on Monday.', "The Long Winter"),
    ],
)
def test_a_name_given_by_a_participle_is_no_quote(body: str, name: str) -> None:
    text, quotes = layout_quotes(body)
    credited = [q for q in quotes if name in text[slice(*q.span)] and q.speaker is not None]
    assert not credited, describe(text, quotes)
