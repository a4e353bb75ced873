"""The formulas of anonymous sourcing around a speaker (issue 19, speakers and sourcing).

'a police source, who asked not to be named, told the paper', 'an official, who was
not authorized to discuss the talks, said': the relative clause describes the speaker,
so its verbs are not the quotation's cue, and the formula reports nothing of its own
(no one discussed the talks; asking not to be named is no claim). The sourcing stays
anonymous. Sentences written from how news reports are worded, with invented names.
"""

from __future__ import annotations

import presslens
from attribution_helpers import HEADLINE, reports, speaker_text


def _read(body: str) -> tuple[str, list, list[str]]:
    text = HEADLINE + body
    analysis = presslens.analyze(text, stages=["quotes", "sourcing"])
    return text, analysis.quotes, [s.basis for s in analysis.sourcing]


def test_a_speakers_relative_clause_is_no_cue_of_the_quotation() -> None:
    text, quotes, bases = _read(
        '"The inspectors are working long hours," a police source, who asked not to be'
        " named, told the newspaper."
    )
    [q] = quotes
    assert (q.kind, text[slice(*q.cue)]) == ("direct", "told")
    assert speaker_text(text, q).startswith("a police source")
    assert bases == ["anonymous"]


def test_not_authorized_to_discuss_reports_nothing() -> None:
    text, quotes, bases = _read(
        '"The talks have stalled," a senior official, who was not authorized to discuss'
        " the talks publicly, said."
    )
    [q] = quotes
    assert (q.kind, text[slice(*q.cue)]) == ("direct", "said")
    assert bases == ["anonymous"]


def test_asked_not_to_be_named_reports_nothing() -> None:
    text = "A senior aide, who asked not to be named, said the vote would be delayed."
    assert reports(text) == {
        "said": ("the vote would be delayed", "A senior aide, who asked not to be named")
    }


def test_a_report_in_the_speakers_relative_clause_still_counts() -> None:
    text = '"We will win," said Jane Doe, who added that the count would take days.'
    found = reports(text)
    assert found["added"][0] == "that the count would take days"
    assert found["said"][1].startswith("Jane Doe")
