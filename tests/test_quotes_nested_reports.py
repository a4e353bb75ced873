"""Reports beside or inside other reports: which clause is whose (issue 19, speakers).

On the fit articles of PolNeAR train the largest groups of matched reports with the
wrong speaker were reports whose content the parse ran into another report's clause:
a clause before a semicolon or colon hung on the verb after it ('About 60 percent
said X; 35 percent said Y'), or an adverbial clause at the end of the content that is
a report of its own ('is backing X because she worries that ...', 'said X, while others
said Y'). Each clause is the report of its own subject. Sentences written from how
news reports are worded, with invented names.
"""

from __future__ import annotations

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def _found(text: str) -> list[tuple[str, str, str | None]]:
    """(cue, content, speaker) of every attribution, in text order."""
    out = []
    for f in attributed_quotes(text, parse(text)):
        assert f.cue is not None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out.append((text[f.cue[0] : f.cue[1]], text[f.span[0] : f.span[1]], speaker))
    return out


def test_a_clause_before_a_semicolon_is_no_content_of_the_verb_after_it() -> None:
    text = "About 60 percent said they were satisfied; 35 percent said they wanted a change."
    assert _found(text) == [
        ("said", "they were satisfied", "About 60 percent"),
        ("said", "they wanted a change", "35 percent"),
    ]


def test_a_clause_before_a_colon_is_no_content_of_the_verb_after_it() -> None:
    text = "The grain prices kept falling: the minister said the harvest would be late."
    assert _found(text) == [("said", "the harvest would be late", "the minister")]


def test_a_clause_before_a_comma_stays_the_content() -> None:
    text = "The harvest will be late this year, the minister said."
    assert _found(text) == [("said", "The harvest will be late this year", "the minister")]


def test_a_reason_that_is_a_report_ends_an_objects_content() -> None:
    text = (
        "Dana Fell, a nurse in Ridgefield, is backing the incumbent because she worries"
        " the challenger would raise fees."
    )
    assert _found(text) == [
        ("backing", "the incumbent", "Dana Fell, a nurse in Ridgefield"),
        ("worries", "the challenger would raise fees", "she"),
    ]


def test_a_contrasting_report_ends_an_objects_content() -> None:
    text = (
        "Farm groups criticized the governor for cutting the subsidy, while city councils"
        " defended the decision as prudent."
    )
    assert _found(text) == [
        ("criticized", "the governor for cutting the subsidy", "Farm groups"),
        ("defended", "the decision as prudent", "city councils"),
    ]


def test_a_contrasting_report_ends_a_clauses_content() -> None:
    text = (
        "Most teachers said the new schedule was too long, while many parents said it"
        " helped their children."
    )
    assert _found(text) == [
        ("said", "the new schedule was too long", "Most teachers"),
        ("said", "it helped their children", "many parents"),
    ]


def test_the_reason_of_what_was_said_stays_in_it() -> None:
    text = "The mayor said she left the meeting early because she feared the vote would be delayed."
    content = "she left the meeting early because she feared the vote would be delayed"
    assert _found(text) == [("said", content, "The mayor")]
