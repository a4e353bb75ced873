"""Speakers a text names by their role: a definite nominal takes up the title the text
gave a person before ('President Donald Trump ... the president said'), and a name in
apposition to the speaker's head is the speaker ('X's campaign manager, Robby Mook,'),
not the owner named first (issue 19: speakers linked across the document).

The first group was written before the rule, from how agency copy refers back to people.
"""

from __future__ import annotations

import pytest

import presslens


def _speakers(text: str) -> list[tuple[str, str | None]]:
    a = presslens.analyze(text, stages=["entities", "quotes"]).to_dict()
    names = {e["id"]: e["name"] for e in a["entities"]}
    out = []
    for q in a["quotes"]:
        s = q["speaker"] or {}
        out.append((text[q["span"][0] : q["span"][1]], names.get(s.get("entity"))))
    return out


def _speaker_of(text: str, content_start: str) -> str | None:
    hits = [who for content, who in _speakers(text) if content.startswith(content_start)]
    assert hits, _speakers(text)
    return hits[0]


@pytest.mark.parametrize(
    ("text", "content", "who"),
    [
        (
            "Summit ends\n\nPrime Minister Keir Starmer arrived in Kyiv on Monday. "
            "The prime minister said support would continue for as long as it took.",
            "support would continue",
            "Keir Starmer",
        ),
        (
            "Budget row\n\nGov. Kathy Hochul signed the budget late on Friday. "
            "The governor said the delay had cost the state nothing.",
            "the delay had cost",
            "Kathy Hochul",
        ),
        (
            "Talks resume\n\nSecretary of State Antony Blinken met his counterpart in Cairo. "
            "The secretary said the talks had been useful.",
            "the talks had been useful",
            "Antony Blinken",
        ),
        (
            "Campaign\n\nHillary Clinton's campaign manager, Robby Mook, told reporters "
            "that the speech was dangerous.",
            "that the speech was dangerous",
            "Robby Mook",
        ),
    ],
)
def test_a_role_taken_up_names_the_person(text: str, content: str, who: str) -> None:
    assert _speaker_of(text, content) == who


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # another person: the former holder of the title
        (
            "Visit\n\nPresident Joe Biden spoke in Warsaw. "
            "The former president said the visit was a mistake.",
            "the visit was a mistake",
        ),
        # the title is given only after the nominal
        (
            "Visit\n\nThe president said the visit was a success. "
            "President Joe Biden left Warsaw on Tuesday.",
            "the visit was a success",
        ),
        # nobody holds the title in the text
        (
            "Visit\n\nJoe Biden spoke in Warsaw. The president said the visit was a success.",
            "the visit was a success",
        ),
    ],
)
def test_no_title_no_link(text: str, content: str) -> None:
    assert _speaker_of(text, content) is None


def test_the_most_recent_holder_of_the_title() -> None:
    text = (
        "Hearing\n\nSenator Ann Kell and Senator Bo Rask questioned the general. "
        "Senator Rask asked about the budget. The senator said the numbers were wrong."
    )
    assert _speaker_of(text, "the numbers were wrong") == "Bo Rask"


@pytest.mark.parametrize(
    ("one", "other"),
    [("Donald Trump", "Hillary Clinton"), ("Vladimir Putin", "Volodymyr Zelensky")],
)
def test_swapping_the_names_swaps_only_the_names(one: str, other: str) -> None:
    template = (
        "Debate\n\nOn Tuesday Governor {a} and Senator {b} met on stage. "
        "The senator said the plan would fail. The governor said that it would not."
    )
    first = _speakers(template.format(a=one, b=other))
    second = _speakers(template.format(a=other, b=one))
    assert [c for c, _ in first] == [c for c, _ in second]
    swap = {one: other, other: one}
    assert [swap.get(w, w) for _, w in first] == [w for _, w in second]
    assert [w for _, w in first] == [other, one]


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "Talks\n\nSecretary of State Antony Blinken met his counterpart in Cairo.",
            "Antony Blinken",
            "Secretary of State",
        ),
        (
            "Border\n\nSecretary of Homeland Security Jeh Johnson visited Texas on Monday.",
            "Jeh Johnson",
            "Secretary of Homeland Security",
        ),
    ],
)
def test_the_office_in_a_title_is_no_organisation(text: str, person: str, title: str) -> None:
    entities = presslens.analyze(text, stages=["entities"]).to_dict()["entities"]
    by_name = {e["name"]: e for e in entities}
    assert title in by_name[person]["titles"]
    assert all(e["type"] == "PERSON" or e["name"] not in title for e in entities)


@pytest.mark.parametrize(
    "speaker",
    [
        "Officials in Moscow",
        "Officials in Kyiv",
        "A Treasury official",
        "Sources close to the Kremlin",
        "Diplomats in Brussels",
    ],
)
def test_unnamed_people_stay_unlinked_wherever_placed(speaker: str) -> None:
    text = f"Talks\n\n{speaker} said the talks had failed after midnight."
    assert [w for _, w in _speakers(text)] == [None]


def test_a_spokesman_speaks_for_the_body() -> None:
    text = "Talks\n\nA Kremlin spokesman said the talks had failed after midnight."
    assert [w for _, w in _speakers(text)] == ["Kremlin"]
