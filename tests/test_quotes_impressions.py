"""Impressions, views and attitudes: shapes outside the verb lexicons (issue 19, PolNeAR
recall; attribution/impressions.py).

On the fit articles of PolNeAR train (``bench/quotes_missed.py``) the commonest cues the
rules missed entirely are not in the verb lexicons: 'seem' and 'appear' (the subject
with its predicate, no source), 'see/view/regard X as Y' (held by the subject; in the
passive by the agent or no one) and an adjective of attitude after a linking verb
('critical of X', 'optimistic that ...', held by the verb's subject).

The sentences marked "news" were written from how news reports are worded, before
looking at the rules; the others, and the negatives, probe the rules' limits.
"""

from __future__ import annotations

import pytest

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def reports(text: str) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Cue text -> (content parts, speaker) for every attribution the rules find."""
    out = {}
    for f in attributed_quotes(text, parse(text)):
        assert f.cue is not None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out[text[f.cue[0] : f.cue[1]]] = (tuple(text[s:e] for s, e in f.parts), speaker)
    return out


@pytest.mark.parametrize(
    ("text", "cue", "parts"),
    [
        # news
        (
            "The senator seemed to be losing patience with his own party.",
            "seemed",
            ("The senator", "to be losing patience with his own party"),
        ),
        # news
        (
            "The governor appears likely to sign the bill next week.",
            "appears",
            ("The governor", "likely to sign the bill next week"),
        ),
        # news
        ("Trump's supporters seemed unperturbed.", "seemed", ("Trump's supporters", "unperturbed")),
        (
            "The plane might seem like an odd choice for a frugal man.",
            "seem",
            ("The plane", "like an odd choice for a frugal man"),
        ),
    ],
)
def test_an_impression_reports_its_subject_and_predicate_with_no_source(
    text: str, cue: str, parts: tuple[str, ...]
) -> None:
    assert reports(text).get(cue) == (parts, None)


@pytest.mark.parametrize(
    ("text", "cue", "parts", "speaker"),
    [
        # news
        (
            "Many Democrats see Clinton as the stronger candidate.",
            "see",
            ("Clinton as the stronger candidate",),
            "Many Democrats",
        ),
        # news
        (
            "The White House views the agreement as a major victory.",
            "views",
            ("the agreement as a major victory",),
            "The White House",
        ),
        # news
        (
            "Ohio is widely seen as a must-win state.",
            "seen",
            ("Ohio", "as a must-win state"),
            None,
        ),
    ],
)
def test_a_view_with_as_reports_what_is_held_by_whom(
    text: str, cue: str, parts: tuple[str, ...], speaker: str | None
) -> None:
    assert reports(text).get(cue) == (parts, speaker)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        # news
        (
            "Republicans have been critical of the administration's handling of the crisis.",
            "critical of",
            "the administration's handling of the crisis",
            "Republicans",
        ),
        # news
        (
            "His advisers were optimistic that he would win the primary.",
            "optimistic",
            "that he would win the primary",
            "His advisers",
        ),
        # news
        (
            "Many voters are skeptical of the trade deal.",
            "skeptical of",
            "the trade deal",
            "Many voters",
        ),
        (
            "Voters in both parties were unhappy with the federal government.",
            "unhappy with",
            "the federal government",
            "Voters in both parties",
        ),
    ],
)
def test_an_attitude_adjective_reports_its_object_held_by_the_subject(
    text: str, cue: str, content: str, speaker: str
) -> None:
    assert reports(text).get(cue) == ((content,), speaker)


def test_a_report_inside_an_impression_wins() -> None:
    """'seemed to confirm the critiques': the infinitive's own report, held by the subject."""
    text = "The mayor seemed to confirm that the plan had failed."
    found = reports(text)
    assert "seemed" not in found
    assert found.get("confirm") == (("that the plan had failed",), "The mayor")


def test_a_report_in_the_subject_survives_the_impression() -> None:
    """'Martinez, who has not endorsed Trump, appeared ready ...': the endorsement stays."""
    text = "The governor, who has not endorsed Trump, appeared ready to reconcile with him."
    found = reports(text)
    assert "appeared" not in found
    assert found.get("endorsed") == (("Trump",), "The governor, who")


@pytest.mark.parametrize(
    "text",
    [
        "He appeared on the program on Sunday.",  # 'appear' of place
        "It seems that the vote will be delayed.",  # no one thing seems
        "She saw him at the rally in 1999.",  # sight, no 'as'
        "Investors see big declines as profits fall.",  # 'as' opens a clause of its own
        "The senator is interested in the job.",  # not an attitude adjective
        "It is critical of course to vote.",  # no holder, no object
    ],
)
def test_negatives(text: str) -> None:
    found = reports(text)
    assert not ({"appeared", "seems", "saw", "see", "interested in", "critical of"} & set(found))
