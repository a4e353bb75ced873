"""A dateline of a date and an agency mark, no place ('Aug 27 (Reuters) - '), as
Reuters files some stories: furniture, never part of a speaker (issue 19)."""

from __future__ import annotations

import pytest

import presslens
from presslens.anatomy.dateline import parse_dateline


@pytest.mark.parametrize(
    ("line", "date", "agency", "end"),
    [
        (
            "Aug 27 (Reuters) - Democrat Jane Doe on Saturday received a briefing.",
            "Aug 27",
            "Reuters",
            18,
        ),
        ("June 20 (AP) — The council met on Tuesday.", "June 20", "AP", 14),
        ("Tuesday (Reuters) - The council met.", "Tuesday", "Reuters", 19),
    ],
)
def test_a_date_and_an_agency_open_a_dateline(line: str, date: str, agency: str, end: int) -> None:
    d = parse_dateline(line, 0, len(line))
    assert d is not None
    assert (d.place, d.date, d.agency, d.span) == (None, date, agency, (0, end))


@pytest.mark.parametrize(
    "line",
    [
        "June 20 - The council met and voted to delay the budget.",
        "May 5 (the day of the vote) - it rained all day in the city.",
        "March 3 was the day the council met.",
    ],
)
def test_a_date_without_an_agency_mark_is_prose(line: str) -> None:
    assert parse_dateline(line, 0, len(line)) is None


@pytest.mark.parametrize(("first", "second"), [("Jane Doe", "John Roe"), ("John Roe", "Jane Doe")])
def test_the_agency_of_such_a_dateline_is_never_the_speaker(first: str, second: str) -> None:
    text = (
        f"{first} receives a briefing\n\n"
        f"Aug 27 (Reuters) - Democrat {first} on Saturday said the plan would fail, "
        f"a day after {second} announced it.\n"
    )
    analysis = presslens.analyze(text, stages=["quotes"])
    assert analysis.document.layer("anatomy").dateline.agency == "Reuters"
    for q in analysis.document.layer("quotes"):
        if q.speaker is not None:
            assert "Reuters" not in q.speaker.text
            assert "Aug 27" not in text[q.speaker.span[0] : q.speaker.span[1]]
