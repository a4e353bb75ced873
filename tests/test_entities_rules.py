"""The entity rules on their own (no model): names, merging, acronyms, propagation."""

from __future__ import annotations

import pytest

from presslens.entities.acronyms import define_acronyms
from presslens.entities.build import to_entities
from presslens.entities.mention import ORG, PERSON, PLACE, Mention
from presslens.entities.merge import merge
from presslens.entities.names import initials, is_acronym, key, qualifiers_compatible
from presslens.entities.propagate import propagate
from presslens.entities.resolve import head_phrase


def mention(text: str, needle: str, type_: str, **kw: object) -> Mention:
    start = text.index(needle)
    name = str(kw.pop("name", needle))
    return Mention(span=(start, start + len(needle)), type=type_, name=name, full=name, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Russia", "Russian", True),
        ("Ukraine", "Ukrainian", True),
        ("China", "Chinese", True),
        ("Iran", "Iraq", False),
        ("Austria", "Australia", False),
        ("Veldoria", "Ostria", False),
    ],
)
def test_qualifiers_compare_by_spelling_both_ways(a: str, b: str, same: bool) -> None:
    assert qualifiers_compatible(a, b) is same
    assert qualifiers_compatible(b, a) is same


def test_name_helpers() -> None:
    assert key("the Ukraine’s") == key("UKRAINE") == "ukraine"
    assert initials("Ministry of Foreign Affairs") == "mfa"
    assert initials("Asia-Pacific Economic Cooperation") == "apec"
    assert is_acronym("SVR") and is_acronym("СБУ") and not is_acronym("Svr")


def test_merge_is_symmetric_under_renaming() -> None:
    def groups(a: str, b: str) -> list[list[str]]:
        text = f"The {a}n Foreign Ministry said. The {b}n Foreign Ministry denied. "
        text += "The Foreign Ministry."
        ms = [
            mention(
                text, f"{a}n Foreign Ministry", ORG, name="Foreign Ministry", qualifier=f"{a}n"
            ),
            mention(
                text, f"{b}n Foreign Ministry", ORG, name="Foreign Ministry", qualifier=f"{b}n"
            ),
            Mention(
                span=(len(text) - 17, len(text) - 1),
                type=ORG,
                name="Foreign Ministry",
                full="Foreign Ministry",
            ),
        ]
        return [[text[m.span[0] : m.span[1]] for m in g] for g in merge(ms)]

    first = groups("Veldoria", "Ostria")
    second = groups("Ostria", "Veldoria")
    assert len(first) == len(second) == 2  # two sides never merge
    # The bare name goes to the side mentioned nearest before it, whichever that is.
    assert first[1][-1] == second[1][-1] == "Foreign Ministry"


def test_person_surnames_merge_but_different_people_stay_apart() -> None:
    text = "Anna Berg met Tom Berg. Berg said no."
    ms = [
        mention(text, "Anna Berg", PERSON),
        mention(text, "Tom Berg", PERSON),
        Mention(span=(24, 28), type=PERSON, name="Berg", full="Berg"),
    ]
    grouped = merge(ms)
    assert [[m.name for m in g] for g in grouped] == [["Anna Berg"], ["Tom Berg", "Berg"]]


def test_acronym_definition_without_a_model() -> None:
    text = "Ostria’s Harbour Safety Board (HSB) closed the port. The HSB said it would reopen."
    ms = define_acronyms(text, [mention(text, "Ostria", PLACE)])
    entities = to_entities(merge(ms))
    board = next(e for e in entities if e.type == ORG)
    assert board.name == "Harbour Safety Board"
    assert [text[s:e] for s, e in board.mentions] == ["Harbour Safety Board", "HSB"]
    grown = propagate(text, merge(ms))
    assert sum(len(g) for g in grown) == 4  # the second "HSB" is found as well


def test_acronym_after_a_place_belongs_to_the_organisation() -> None:
    text = "The Federal Grain Office of Ostria (FGO) said so."
    ms = [mention(text, "Federal Grain Office", ORG), mention(text, "Ostria", PLACE)]
    out = define_acronyms(text, ms)
    office = next(m for m in out if m.name == "Federal Grain Office")
    assert office.aliases == ("FGO",)


def test_propagation_skips_sentence_initial_words_without_a_parse() -> None:
    text = "Theresa May spoke. May is a month. Later, May left."
    groups = [
        [
            mention(text, "Theresa May", PERSON),
        ]
    ]
    grown = propagate(text, groups)
    assert [text[s:e] for s, e in (m.span for m in grown[0])] == ["Theresa May", "May"]
    assert grown[0][-1].span[0] == text.rindex("May")


def test_head_phrase() -> None:
    assert head_phrase("the SVR press office") == ["SVR", "press", "office"]
    assert head_phrase("its press service, which said") == ["press", "service"]
    assert head_phrase("the head of the agency") == ["head"]
