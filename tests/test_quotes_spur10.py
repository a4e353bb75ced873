"""Predictions that name no report (issue 19, precision, spur10): a speech verb whose
noun object is a thing it acts on, not words said.

Written from the predictions of the rules that match no gold attribution on the fit
articles of PolNeAR train (5-fold CV): 'the firm added 300 jobs' and 'the storm
threatens the harvest' say nothing; 'added a comment', 'added that ...' and
'threatened to resign' still report; 'wrote a children's book' names a thing written,
'wrote that ...' and 'wrote a letter urging ...' report. All sentences are invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The bakery added forty new jobs in the spring, the town's best season.", "added"),
        ("The council added two parks to its plan for the eastern district.", "added"),
        ("The drought threatens the wheat harvest across the northern plains.", "threatens"),
        ("Rising costs threaten the survival of small theaters in the valley.", "threaten"),
        ("The retired judge wrote a children's book about the river towns.", "wrote"),
        ("She writes a weekly column on gardening for the county paper.", "writes"),
    ],
)
def test_object_is_no_report(text: str, cue: str) -> None:
    assert cue not in reports(text), reports(text)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor added that the new bridge would open to traffic next spring.",
            "added",
            "that the new bridge would open to traffic next spring",
        ),
        (
            "The union threatened to strike if the talks failed again.",
            "threatened",
            "to strike if the talks failed again",
        ),
        (
            "The teacher wrote that the school needed a new roof before winter.",
            "wrote",
            "that the school needed a new roof before winter",
        ),
        (
            "The farmers wrote a letter urging the council to repair the dam.",
            "wrote",
            "a letter urging the council to repair the dam",
        ),
        (
            '"We will rebuild," the mayor added.',
            "added",
            "We will rebuild",
        ),
    ],
)
def test_report_kept(text: str, cue: str, content: str) -> None:
    found = reports(text)
    assert cue in found, found
    assert content in found[cue][0], found
