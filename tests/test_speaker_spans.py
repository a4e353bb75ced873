"""Speaker spans end where the speaker does, not where the clause does (issue 19)."""

from __future__ import annotations

import pytest

import presslens
from presslens.attribution.quotes import speaker_span

HEADLINE = "Budget talks\n\n"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "A senior official, who spoke on condition of anonymity, said the talks had failed.",
            "A senior official, who spoke on condition of anonymity",
        ),
        (
            '"This is the end of an era," Tom Hale, who has led the party since 1998, '
            "said in a statement.",
            "Tom Hale, who has led the party since 1998",
        ),
        (
            '"We will block it," Sen. Ted Cruz (R-Texas), who chairs the panel, told reporters.',
            "Sen. Ted Cruz (R-Texas), who chairs the panel",
        ),
        (
            "Martin Luther King Jr., a pastor, said that the march would go on.",
            "Martin Luther King Jr., a pastor",
        ),
        (
            '"It is a fine plan," co-host Mika Brzezinski said.',
            "co-host Mika Brzezinski",
        ),
    ],
)
def test_speaker_has_no_trailing_punctuation(body: str, speaker: str) -> None:
    text = HEADLINE + body
    (quote,) = presslens.analyze(text, stages=["quotes"]).quotes
    assert quote.speaker is not None and quote.speaker.span is not None
    assert text[slice(*quote.speaker.span)] == speaker


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("x A senior official, y", (2, 20), (2, 19)),
        ("x — Jane Doe, y", (2, 13), (4, 12)),
        ("Tom Hale Jr. said", (0, 12), (0, 12)),
        ("Ted Cruz (R-Texas) said", (0, 18), (0, 18)),
        (", ;", (0, 3), None),
        ("x co-host Mika Lund said", (5, 19), (2, 19)),
    ],
)
def test_speaker_span_trims_edges(text: str, span: tuple[int, int], expected: object) -> None:
    assert speaker_span(text, span) == expected
