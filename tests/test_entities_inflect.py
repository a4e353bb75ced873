"""Base forms of Russian and Ukrainian names (pymorphy3 dictionaries)."""

from __future__ import annotations

import pytest

from presslens.entities.inflect import base_form, phrase_base_form, surname_forms

pytest.importorskip("pymorphy3")


@pytest.mark.parametrize(
    ("name", "type_", "language", "expected"),
    [
        # the head noun to the nominative, genitive complements as written
        ("Службі безпеки", "ORG", "uk", "Служба безпеки"),
        ("Службы внешней разведки", "ORG", "ru", "Служба внешней разведки"),
        ("Службе внешней разведки", "ORG", "ru", "Служба внешней разведки"),
        ("Міністерства оборони України", "ORG", "uk", "Міністерство оборони України"),
        # adjectives before the head agree with it
        ("Верховної Ради", "ORG", "uk", "Верховна Рада"),
        ("Европейского союза", "ORG", "ru", "Европейский союз"),
        ("Івано-Франківській області", "PLACE", "uk", "Івано-Франківська область"),
        # plural names stay plural
        ("Збройних сил", "ORG", "uk", "Збройні сили"),
        ("Сполучених Штатах", "PLACE", "uk", "Сполучені Штати"),
        # places: the place reading, not a first name ("Києві" is also a form of "Кий")
        ("Києва", "PLACE", "uk", "Київ"),
        ("Києві", "PLACE", "uk", "Київ"),
        ("Росії", "PLACE", "uk", "Росія"),
        ("Москву", "PLACE", "ru", "Москва"),
        # a dateline's capitals are a shouted place, an agency's capitals its name
        ("КИЇВ", "PLACE", "uk", "Київ"),
        ("МОСКВА", "PLACE", "ru", "Москва"),
        ("ТАСС", "ORG", "ru", "ТАСС"),
        ("СБУ", "ORG", "uk", "СБУ"),
        ("НАТО", "ORG", "uk", "НАТО"),
        # names in quotation marks never inflect
        ("ТОВ «Укргеоекологія»", "ORG", "uk", "ТОВ «Укргеоекологія»"),
        # people: gender from the first name, every word to the nominative
        ("Сергея Нарышкина", "PERSON", "ru", "Сергей Нарышкин"),
        ("Василя Малюка", "PERSON", "uk", "Василь Малюк"),
        ("Василем Малюком", "PERSON", "uk", "Василь Малюк"),
        ("Анны Петровой", "PERSON", "ru", "Анна Петрова"),
        ("Олени Зеленської", "PERSON", "uk", "Олена Зеленська"),
        ("Юлії Тимошенко", "PERSON", "uk", "Юлія Тимошенко"),
    ],
)
def test_base_form(name: str, type_: str, language: str, expected: str) -> None:
    assert base_form(name, type_, language) == expected


def test_titles_take_the_nominative_of_their_head() -> None:
    assert phrase_base_form("голови СБУ", "uk", title=True) == "голова СБУ"
    assert phrase_base_form("директора СВР", "ru", title=True) == "директор СВР"
    # pymorphy3-uk files "директор" without a case: the singular, not "директори"
    assert phrase_base_form("директора СЗР", "uk", title=True) == "директор СЗР"


def test_a_lone_surname_keeps_both_readings() -> None:
    """ "Нарышкина" is a woman's surname or a man's in the genitive: both are offered."""
    assert {"Нарышкина", "Нарышкин"} <= set(surname_forms("Нарышкина", "ru"))
    assert "Малюк" in surname_forms("Малюка", "uk")
