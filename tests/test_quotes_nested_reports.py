"""Reports beside or inside other reports: which clause is whose (issue 19, speakers).

On the fit articles of PolNeAR train the largest groups of matched reports with the
wrong speaker were reports whose content the parse ran into another report's clause:
a clause before a semicolon or colon hung on the verb after it ('About 60 percent
said X; 35 percent said Y'), or an adverbial clause at the end of the content that is
a report of its own ('is backing X because she worries that ...', 'said X, while others
said Y'). Each clause is the report of its own subject. An 'as'-clause with a verb
of saying and nothing of its own ('As the auditor noted, the city spent ...') reports
the clause it hangs on. The speaker of a relative clause's verb is the noun phrase it
hangs on with the relative pronoun after it ('experts who', 'the polls that'): PolNeAR
marks one or the other as the source. A claim noun with no possessive is held by whom
'by' or 'from' names, by the subject of its own relative clause, or by the subject of
the verb it is said in or with ('said in a statement that'). A clause opened by 'In a
poll, ...' is the poll's report, and so is a share of those polled who said something
('In a survey, 64 percent said ...'), as PolNeAR marks them. Sentences written from
how news reports are worded, with invented names.
"""

from __future__ import annotations

import pytest

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def _found(text: str, pieces: bool = False) -> list[tuple[str, str, str | None]]:
    """(cue, content, speaker) of every attribution, in text order (with ``pieces``, the
    content's pieces joined by ' | ')."""
    out = []
    for f in attributed_quotes(text, parse(text)):
        assert f.cue is not None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        content = text[f.span[0] : f.span[1]]
        if pieces:
            content = " | ".join(text[s:e] for s, e in f.parts)
        out.append((text[f.cue[0] : f.cue[1]], content, speaker))
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


def test_an_as_clause_before_the_clause_reports_it() -> None:
    text = "But, as the auditor noted, the city spent more on consultants than on repairs."
    content = "the city spent more on consultants than on repairs"
    assert _found(text) == [("noted", content, "the auditor")]


def test_an_as_clause_after_the_clause_reports_it() -> None:
    text = (
        "The council quietly raised parking fees last spring, as the local paper reported"
        " at the time."
    )
    content = "The council quietly raised parking fees last spring"
    assert _found(text) == [("reported", content, "the local paper")]


def test_as_one_put_it_inside_the_clause_reports_both_halves() -> None:
    text = "The new bridge, as one engineer put it, is a monument to delay."
    content = "The new bridge | is a monument to delay"
    assert _found(text, pieces=True) == [("put it", content, "one engineer")]


def test_a_clause_that_reports_keeps_its_own_speaker() -> None:
    text = "As he noted, the mayor said the budget was balanced."
    assert _found(text) == [("said", "the budget was balanced", "the mayor")]


def test_an_as_clause_of_time_reports_nothing() -> None:
    text = "The crowd grew restless as the speaker joked about the weather."
    assert _found(text) == [("joked about", "the weather", "the speaker")]


def test_a_relative_clauses_speaker_is_the_noun_with_its_relative_pronoun() -> None:
    text = "Some tax lawyers who think the rule is unfair have filed suit."
    assert _found(text) == [("think", "the rule is unfair", "Some tax lawyers who")]
    text = "The polls that show the senator ahead were taken in May."
    assert _found(text) == [("show", "the senator", "The polls that")]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The ministry pushed back against claims by two auditors that the books had"
            " been altered.",
            "claims",
            "two auditors",
        ),
        (
            "The most telling promise the mayor has made is that she will not raise taxes.",
            "promise",
            "the mayor",
        ),
        (
            "The farmers marched to the capital in the hope that the minister would listen.",
            "hope",
            "The farmers",
        ),
    ],
)
def test_who_holds_a_claim_noun_without_a_possessive(text: str, cue: str, speaker: str) -> None:
    assert [(c, s) for c, _, s in _found(text)] == [(cue, speaker)]


def test_a_clause_opened_by_a_poll_is_the_polls_report() -> None:
    text = "In a poll released last week, the mayor led her rival by ten points."
    content = "the mayor led her rival by ten points"
    assert _found(text) == [("In", content, "a poll released last week")]


def test_a_share_of_those_polled_speaks_for_the_poll() -> None:
    text = "In the same survey, 64 percent of voters said the roads were getting worse."
    assert _found(text) == [("said", "the roads were getting worse", "the same survey")]


def test_rising_in_the_polls_is_no_report() -> None:
    assert _found("The mayor has been rising in the polls since the debate in March.") == []
