"""A foreign man's name the Russian and Ukrainian dictionaries do not know ('Олаф
Шольц') keeps its nominative as written and its oblique cases ('Олафа Шольца', 'Олафом
Шольцем') merge with it: the guesser had read 'Олаф' as the genitive plural of
'олафа' ('Олафы Шольц') and 'Шольца' as the genitive of 'Шолец', so one chancellor was
two people. Known names keep the dictionary's reading ('Анналена Бербок')."""

from __future__ import annotations

import pytest

import presslens
from presslens.entities.inflect import person_base_form


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Беженцы\n\nКанцлер Германии Олаф Шольц посетовал, что беженцев слишком много."
            " По словам Олафа Шольца, так продолжаться не может. Встреча с Олафом Шольцем"
            " прошла в Берлине.",
            "ru",
        ),
        (
            "Біженці\n\nКанцлер Німеччини Олаф Шольц поскаржився, що біженців забагато. За"
            " словами Олафа Шольца, так далі тривати не може. Зустріч з Олафом Шольцем"
            " відбулася в Берліні.",
            "uk",
        ),
    ],
)
def test_one_foreign_name_in_every_case(text: str, language: str) -> None:
    people = [e for e in presslens.analyze(text).to_dict()["entities"] if e["type"] == "PERSON"]
    assert [(p["name"], len(p["mentions"])) for p in people] == [("Олаф Шольц", 3)]


@pytest.mark.parametrize(
    ("name", "language", "base"),
    [
        ("Олафа Шольца", "ru", "Олаф Шольц"),
        ("Олафу Шольцу", "uk", "Олаф Шольц"),
        ("Олаф Шольц", "ru", "Олаф Шольц"),
        ("Анналена Бербок", "uk", "Анналена Бербок"),
        ("Марии Захаровой", "ru", "Мария Захарова"),
    ],
)
def test_person_base_form(name: str, language: str, base: str) -> None:
    assert person_base_form(name, language) == base


def test_a_ukrainian_name_keeps_no_unpaired_quotation_mark() -> None:
    from presslens.entities.cyrillic import find_entities

    text = "Як пише «Економічна правда», постачання затримуються через санкції."
    names = [e.name for e in find_entities(text, "uk")]
    assert "Економічна правда" in names and not any("»" in n for n in names)
