"""Speakers of noun reports that a verb stirs up or seeks in others (issue 19, spk10):
who rallies support for a candidate or sparks calls for a resignation does not hold the
support or the calls, so the report has no speaker; who makes or renews a call still
holds it. All sentences are invented.
"""

from __future__ import annotations

import pytest

from attribution_helpers import reports


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The volunteers spent the weekend trying to rally support for the mayor.", "support for"),
        ("Local clubs drummed up support for the new stadium plan.", "support for"),
        ("The leaked memo sparked calls for the minister's resignation.", "calls for"),
        ("The volunteers sought support for the mayor.", "support for"),
    ],
)
def test_stirred_report_has_no_speaker(text: str, cue: str) -> None:
    found = reports(text)
    assert cue in found, found
    assert found[cue][1] is None, found


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The union renewed its calls for a higher minimum wage.", "calls for", "The union"),
    ],
)
def test_held_report_keeps_speaker(text: str, cue: str, speaker: str) -> None:
    found = reports(text)
    assert cue in found, found
    assert found[cue][1] == speaker, found


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "His second term was viewed as a failure by many in the party.",
            "viewed",
            "His second term was viewed as a failure",
            "many in the party",
        ),
        (
            "The mayor is widely seen as a reformer by her own staff.",
            "seen",
            "The mayor is widely seen as a reformer",
            "her own staff",
        ),
    ],
)
def test_agent_after_as_phrase_holds_the_view(
    text: str, cue: str, content: str, speaker: str
) -> None:
    """'is viewed as X by Y': Y holds the view, and is no part of what is viewed."""
    found = reports(text)
    assert cue in found, found
    assert found[cue] == (content, speaker), found
