"""Reports made through a preposition's object (issue 19).

On the fit articles of PolNeAR train (``bench/quotes_missed.py``) one fixable group of
attributions the rules missed entirely had a verb of communication whose content is the
object of its preposition: 'talking about X', 'was referring to X', 'responded to X',
'focused on X', 'railed against X'. Such a verb is a cue only with that preposition
and without a clause or object of its own; the content is the preposition's object,
the cue runs to the preposition, and the speaker is the verb's subject, whoever it names.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The governor has talked about the cost of the new bridge for months.",
            "talked about",
            "the cost of the new bridge",
            "The governor",
        ),
        (
            "The mayor was referring to the budget the council passed last spring.",
            "referring to",
            "the budget the council passed last spring",
            "The mayor",
        ),
        (
            "The senator responded to the criticism from her own party on Monday.",
            "responded to",
            "the criticism from her own party",
            "The senator",
        ),
    ],
)
def test_a_verb_reports_through_its_preposition(
    text: str, cue: str, content: str, speaker: str
) -> None:
    assert reports(text).get(cue) == (content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # Not a verb of communication with its preposition.
        "The governor walked to the end of the new bridge on Monday.",
        # A preposition the verb does not report through.
        "The mayor talked with the members of the council for an hour.",
        # How or for whom someone spoke, not what about.
        "Two officials spoke on condition of anonymity at the summit in the capital.",
        "The deputy spoke on behalf of the whole regional council at the summit.",
    ],
)
def test_other_prepositions_are_not_reports(text: str) -> None:
    assert reports(text) == {}
