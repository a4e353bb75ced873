"""A trailing attribution after a comma is found whatever the nationality in it: the
parser split 'Talks on a ceasefire stalled on Sunday, two Egyptian officials said.' at
the comma (a sentence opening with ',') and the report was lost, while 'three American
officials' kept one sentence. Same rules for every side (issue 19).
"""

from __future__ import annotations

import pytest

import presslens

SIDES = ["Egyptian", "Israeli", "American", "Palestinian", "Russian", "Ukrainian", "Qatari"]


def _reports(text: str) -> list[tuple[str, str]]:
    a = presslens.analyze(text).to_dict()
    return [
        ((q["speaker"] or {}).get("text"), text[q["span"][0] : q["span"][1]]) for q in a["quotes"]
    ]


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("count", ["two", "three"])
def test_the_report_is_found_for_every_side(side: str, count: str) -> None:
    text = f"Talks\n\nTalks on a ceasefire stalled on Sunday, {count} {side} officials said."
    assert _reports(text) == [
        (f"{count} {side} officials", "Talks on a ceasefire stalled on Sunday")
    ]


@pytest.mark.parametrize("side", SIDES)
def test_and_its_sourcing(side: str) -> None:
    text = f"Talks\n\nTalks on a ceasefire stalled on Sunday, two {side} officials said."
    sourcing = presslens.analyze(text).to_dict()["sourcing"]
    assert [s["basis"] for s in sourcing] == ["anonymous"]
