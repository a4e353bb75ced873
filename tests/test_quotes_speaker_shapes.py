"""Speakers of non-finite and coordinated cues (issue 19, speaker errors).

On the fit articles of PolNeAR train (``bench/quotes_speaker_errors.py``) the largest
speaker errors whose content the rules found were cues without a subject of their own
(a gerund, a participle clause, an infinitive), whose speaker ``subject()`` looks for
higher up the parse and found on the wrong noun: the subject of a main clause the
participle does not belong to, an object that is a means ('used his speech to'), a
judging verb's subject rather than the one judged ('criticized X for saying'), or
nothing above a passive clause ('was fired after suggesting').

The sentences marked "news" were written from how news reports are worded, before
looking at the rules; the others, and the negatives, probe the rules' limits.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # news
        (
            "The spokesman was fired after suggesting that the mayor had lied.",
            "suggesting",
            "The spokesman",
        ),
        # news
        ("She was suspended after criticizing the governor for his vote.", "criticizing", "She"),
    ],
)
def test_a_passive_clause_holds_its_adjunct_gerund(text: str, cue: str, speaker: str) -> None:
    assert reports(text)[cue][1] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # news
        (
            "The first incident came when protesters interrupted her speech, shouting that the "
            "war was illegal.",
            "shouting",
            "protesters",
        ),
        # news
        (
            "The rally ended as the mayor thanked the crowd, saying that the city would recover.",
            "saying",
            "the mayor",
        ),
        # news
        (
            "The interview ended with the host asking the senator whether she would run again.",
            "asking",
            "the host",
        ),
    ],
)
def test_a_participle_goes_on_the_clause_just_before_it(text: str, cue: str, speaker: str) -> None:
    assert reports(text)[cue][1] == speaker


def test_a_participle_after_its_own_clause_keeps_its_subject() -> None:
    text = "He left the meeting early, saying that the talks had failed."
    assert reports(text)["saying"][1] == "He"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # news
        (
            "In a statement to the Gazette, her senior policy adviser, Tom Bexley, said that "
            "the minister supports the treaty.",
            "said",
            "her senior policy adviser, Tom Bexley",
        ),
        # news
        (
            'In a statement to the Gazette, her senior policy adviser, Tom Bexley, said: "The '
            'minister believes the treaty is essential."',
            "said",
            "her senior policy adviser, Tom Bexley",
        ),
        # news
        (
            "In an interview with the Herald, his chief of staff, Dana Whitlow, said that the "
            "budget would pass.",
            "said",
            "Dana Whitlow",
        ),
    ],
)
def test_a_name_read_as_apposition_of_the_opening_phrase_speaks(
    text: str, cue: str, speaker: str
) -> None:
    """'In a statement to the paper, her adviser, Ann Doe, said': the parse may hang the
    name on 'paper' and leave 'said' with no subject."""
    assert reports(text)[cue][1] == speaker
