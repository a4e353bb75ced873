"""Predictions that name no report (issue 19, precision): a cue word in a sense that
reports nothing.

Written from the predictions of the rules that match no gold attribution on the fit
articles of PolNeAR train (5-fold CV): a question put to the reader ('Do you back the
mayor?') or a bidding of the reader ('Never forget that ...') reports nobody's view; 'add
X to Y' joins a thing to another and 'a play called "X"' names a thing: they say nothing;
'BREAKING:' flags a headline, nobody says it.
Each shape keeps a report that reads alike beside it.  All sentences are invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Monday. Do you support Mayor Jane Doe? Tell us in the comments.",
        "Did you know that the bridge was built in 1920? Repairs begin next year.",
        "The chef added a new dish to the winter menu of the small restaurant on Main Street.",
        "The governor has added another title to her long resume of public offices.",
        "The polls open at dawn. Never forget that the council raised taxes twice last year.",
        "The market rallied on Friday. Call it a lucky break for the small town.",
        'A troupe in the capital is staging a comedy called "Sons of the Mayor" this month.',
        'The hacker known as "Night Owl" was arrested in a small port town on Friday.',
        "BREAKING: Flood waters reach the old mill.\n\nThe river rose overnight.",
        "Correction: An earlier version of this story misstated the date of the vote.",
    ],
)
def test_no_report(text: str) -> None:
    assert reports(text) == {}, reports(text)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor said that the new bridge would open to traffic next spring.",
            "said",
            "that the new bridge would open to traffic next spring",
        ),
        (
            "The senator added that the bill would cut taxes for small farms.",
            "added",
            "that the bill would cut taxes for small farms",
        ),
        (
            "The mayor never forgets that the council raised taxes twice last year.",
            "forgets",
            "that the council raised taxes twice last year",
        ),
        (
            'The senator called the new budget "a disaster for the small farms" on Monday.',
            "called",
            'the new budget "a disaster for the small farms"',
        ),
        (
            "Mayor Doe: The new bridge will open next spring.\n\nThe river rose overnight.",
            ":",
            "The new bridge will open next spring",
        ),
        (
            "Most residents support the plan to rebuild the old library downtown, the survey "
            "found.",
            "found",
            "Most residents support the plan to rebuild the old library downtown",
        ),
    ],
)
def test_report_kept(text: str, cue: str, content: str) -> None:
    found = reports(text)
    assert cue in found, found
    assert found[cue][0] == content, found
