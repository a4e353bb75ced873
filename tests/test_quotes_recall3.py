"""Indirect and mixed reports the English rules missed on PolNeAR (issue 19, recall), third pass.

``bench/quotes_missed.py`` lists the gold attributions no prediction overlaps on the fit
articles. Among them: cue phrases missing from the lexicon ('made it clear that'); an
infinitive whose doer is a preposition's object ('relies on drivers to report'); a
participle on a noun that speaks ('signs saying', 'a statement reading'); and an outer
verb's object run on into the quotation that a participle after it introduces
('endorsed the plan, saying, "..."'). The sentences are invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        (
            "The senator praised the new budget, saying it would help small farms.",
            ("praised", "the new budget"),
            ("saying", "it would help small farms"),
        ),
        (
            "The council rejected the proposal, arguing that the town could not afford it.",
            ("rejected", "the proposal"),
            ("arguing", "that the town could not afford it"),
        ),
        (
            "The mayor thanked the volunteers for their help, noting that the park had"
            " never looked better.",
            ("thanked", "the volunteers for their help"),
            ("noting", "that the park had never looked better"),
        ),
        (
            'Tom Reyes endorsed the plan, saying, "It is the best we have."',
            ("endorsed", "the plan"),
            ("saying", "It is the best we have."),
        ),
    ],
)
def test_an_object_ends_before_a_participle_of_saying(
    text: str, outer: tuple[str, str], inner: tuple[str, str]
) -> None:
    found = reports(text)
    speaker = found[outer[0]][1]
    assert found.get(outer[0]) == (outer[1], speaker)
    assert found.get(inner[0]) == (inner[1], speaker)


def test_a_participle_that_reports_nothing_stays_in_the_object() -> None:
    text = "The coach praised the players, smiling broadly at the crowd."
    assert reports(text).get("praised", ("", None))[0].startswith("the players")


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The union leader bemoaned the loss of factory jobs.",
            "bemoaned",
            "the loss of factory jobs",
            "The union leader",
        ),
        (
            "The governor voiced concern about the rising rents.",
            "voiced",
            "concern about the rising rents",
            "The governor",
        ),
        (
            "The coach credited his players with the win.",
            "credited",
            "his players with the win",
            "The coach",
        ),
        (
            "The bishop rebuked the council for closing the shelter.",
            "rebuked",
            "the council for closing the shelter",
            "The bishop",
        ),
        (
            "The manager hailed the deal as a turning point for the firm.",
            "hailed",
            "the deal as a turning point for the firm",
            "The manager",
        ),
    ],
)
def test_new_verbs_of_judging_report_their_object(
    text: str, cue: str, content: str, speaker: str
) -> None:
    assert reports(text).get(cue) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The mayor vouched for the new police chief.",
            "vouched for",
            "the new police chief",
            "The mayor",
        ),
        (
            "Residents balked at the cost of the new bridge.",
            "balked at",
            "the cost of the new bridge",
            "Residents",
        ),
        (
            "The senator lashed out at the press after the vote.",
            "lashed out at",
            "the press",
            "The senator",
        ),
        (
            "The two candidates sparred over the school budget.",
            "sparred over",
            "the school budget",
            "The two candidates",
        ),
    ],
)
def test_new_verbs_report_through_their_preposition(
    text: str, cue: str, content: str, speaker: str
) -> None:
    assert reports(text).get(cue) == (content, speaker)


def test_new_speech_verbs_are_no_cue_class_of_the_trained_crf() -> None:
    from presslens.attribution.learned_features import _cue_class

    assert _cue_class("bemoaned", "VERB", "bemoan", "") is None
    assert _cue_class("envisions", "VERB", "envision", "") is None
    assert _cue_class("ordered", "VERB", "order", "") is None
    assert _cue_class("said", "VERB", "say", "") == "speech"


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The harbor master made it clear that no ship would leave before dawn.",
            "made it clear",
            "that no ship would leave before dawn",
            "The harbor master",
        ),
        (
            "Governor Ana Pell made it clear she would veto the bill.",
            "made it clear",
            "she would veto the bill",
            "Governor Ana Pell",
        ),
        (
            "The senator made clear that she would not run again.",
            "made clear",
            "that she would not run again",
            "The senator",
        ),
        (
            "The new poll makes clear the problems ahead for the party.",
            "makes clear",
            "the problems ahead for the party",
            "The new poll",
        ),
    ],
)
def test_made_it_clear_reports_what_was_made_clear(
    text: str, cue: str, content: str, speaker: str
) -> None:
    assert reports(text).get(cue) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The mayor made the case that the city needs a new stadium.",
            "the case that the city needs a new stadium",
            "The mayor",
        ),
        (
            "The minister made no mention of the strike in her speech.",
            "no mention of the strike in her speech",
            "The minister",
        ),
        ("The pastor made a plea for calm.", "a plea for calm", "The pastor"),
    ],
)
def test_make_with_a_noun_of_saying_and_its_subject_reports(
    text: str, content: str, speaker: str
) -> None:
    assert reports(text).get("made") == (content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "He made his pitch to the voters of the county.",
        "The coach made the announcement on Friday.",
        "She made a call to her mother.",
    ],
)
def test_make_with_a_noun_of_saying_alone_reports_nothing(text: str) -> None:
    assert "made" not in reports(text)


def test_an_infinitive_after_on_is_done_by_its_object() -> None:
    text = "The agency relies on drivers to report broken lights."
    assert reports(text).get("report") == ("broken lights", "drivers")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The survey found broad support for the new park.",
            "broad support for the new park",
            "The survey",
        ),
        (
            "Several studies have found little evidence that the program cut crime.",
            "little evidence that the program cut crime",
            "Several studies",
        ),
    ],
)
def test_a_poll_or_study_reports_what_it_found(text: str, content: str, speaker: str) -> None:
    assert reports(text).get("found") == (content, speaker)


def test_a_person_finding_a_thing_reports_nothing() -> None:
    assert "found" not in reports("The senator found a new office near the station.")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The judge ordered the release of the school records.",
            "the release of the school records",
        ),
        (
            "The judge ordered that the records be released by Friday.",
            "that the records be released by Friday",
        ),
    ],
)
def test_an_order_reports_what_was_ordered(text: str, content: str) -> None:
    assert reports(text).get("ordered") == (content, "The judge")
