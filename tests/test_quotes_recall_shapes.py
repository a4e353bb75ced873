"""Attribution shapes the English rules missed on PolNeAR (issue 19, recall), second pass.

``bench/quotes_missed.py`` lists the gold attributions no prediction overlaps. Among those
with a cue in the lexicons: a cue with a clause on each side in the parse (the words
before it are a fronted phrase or a sentence run on, which the parse hangs on the cue as
a clause too), where the rules read the wrong one. The sentences are invented; the
negatives keep what the rules did right before.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The rain had stopped, the roads were open, Mayor Tom Reyes said the school"
            " will reopen on Monday.",
            "the school will reopen on Monday",
            "Mayor Tom Reyes",
        ),
        (
            "It was late, the lights were off, Tom Reyes said the mill will reopen in the spring.",
            "the mill will reopen in the spring",
            "Tom Reyes",
        ),
    ],
)
def test_a_cue_reports_the_clause_right_after_it(text: str, content: str, speaker: str) -> None:
    assert reports(text).get("said") == (content, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A clause set off by a comma goes on with the one before the cue.
        (
            "It is no surprise, the mayor said, that the plan failed in the end.",
            "It is no surprise",
            "the mayor",
        ),
        # A quotation before the cue is what it reports, whatever the parse hangs after it.
        (
            '"We keep our word," Tom Reyes said after a brief "thank you" to the crowd.',
            "We keep our word",
            "Tom Reyes",
        ),
    ],
)
def test_a_clause_before_the_cue_stays_where_it_should(
    text: str, content: str, speaker: str
) -> None:
    assert reports(text).get("said") == (content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The governor touted the new jobs program.",
            "touted",
            "the new jobs program",
            "The governor",
        ),
        (
            "She reminded voters that the polls close at eight.",
            "reminded",
            "that the polls close at eight",
            "She",
        ),
        (
            "The mayor congratulated the winners of the science fair.",
            "congratulated",
            "the winners of the science fair",
            "The mayor",
        ),
        (
            "The report listed three reasons for the delay.",
            "listed",
            "three reasons for the delay",
            "The report",
        ),
        (
            "Critics portrayed the plan as a giveaway to developers.",
            "portrayed",
            "the plan as a giveaway to developers",
            "Critics",
        ),
    ],
)
def test_verbs_of_praising_mocking_and_listing_report(
    text: str, cue: str, content: str, speaker: str
) -> None:
    assert reports(text).get(cue) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The coach thanked the volunteers for their help.",
            "thanked",
            "the volunteers for their help",
            "The coach",
        ),
        (
            "Officials told residents to stay indoors until noon.",
            "told",
            "to stay indoors until noon",
            "Officials",
        ),
        ("She told reporters the plan was dead.", "told", "the plan was dead", "She"),
    ],
)
def test_thanking_and_telling_to_report(text: str, cue: str, content: str, speaker: str) -> None:
    assert reports(text).get(cue) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The union pushed for a higher wage.", "pushed for", "a higher wage", "The union"),
        ("Protesters called for his resignation.", "called for", "his resignation", "Protesters"),
        ("The mayor hinted at a tax cut.", "hinted at", "a tax cut", "The mayor"),
        ("She asked for a recount.", "asked for", "a recount", "She"),
        (
            "The board insisted on a full audit of the books.",
            "insisted on",
            "a full audit of the books",
            "The board",
        ),
    ],
)
def test_asking_and_pushing_for_report_the_prepositions_object(
    text: str, cue: str, content: str, speaker: str
) -> None:
    assert reports(text).get(cue) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Asked whether the park should close, 60 percent of residents said yes.",
            "yes",
            "60 percent of residents",
        ),
        (
            "Most teachers backed the plan, and a third of the parents said the same of the"
            " new schedule.",
            "the same of the new schedule",
            "a third of the parents",
        ),
        ("The council said no to the new tower.", "no to the new tower", "The council"),
    ],
)
def test_a_word_standing_in_for_a_clause_is_what_was_said(
    text: str, content: str, speaker: str
) -> None:
    assert reports(text).get("said") == (content, speaker)


def test_thinking_so_is_a_report() -> None:
    assert reports("The fire chief thinks so, too.").get("thinks") == ("so", "The fire chief")
