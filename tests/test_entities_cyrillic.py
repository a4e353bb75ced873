"""Russian and Ukrainian entities: the mirror seed dispatches, party swaps, merging.

The two seed dispatches are one story with the sides swapped, one in each
language; their entities must have the same shape: the official with his title,
the agency as one organisation named in full with its acronym, each capital's
inflected forms as one place, the same number of entities of each type.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import presslens
from presslens.corpora import data_root


def _fixture(name: str) -> str:
    data = data_root(required=False)
    path = data.parent / "fixtures" / name if data is not None else None
    if path is None or not path.is_file():
        pytest.skip(f"../shared/fixtures/{name} not found")
    return path.read_text(encoding="utf-8")


def entities_of(text: str) -> tuple[str, list[dict]]:
    # Text, not a path: presslens.analyze takes a one-line string for a file name.
    d = presslens.analyze(text if "\n" in text else text + "\n", stages=["entities"]).to_dict()
    return d["language"], d["entities"]


def mention_texts(text: str, entity: dict) -> list[str]:
    return [text[s:e] for s, e in entity["mentions"]]


def by_name(entities: list[dict]) -> dict[str, dict]:
    return {e["name"]: e for e in entities}


@pytest.fixture(scope="module")
def uk() -> tuple[str, list[dict]]:
    text = _fixture("seed-dispatch.uk.txt")
    language, entities = entities_of(text)
    assert language == "uk"
    return text, entities


@pytest.fixture(scope="module")
def ru() -> tuple[str, list[dict]]:
    text = _fixture("seed-dispatch.ru.txt")
    language, entities = entities_of(text)
    assert language == "ru"
    return text, entities


# (fixture, person, title, agency, acronym, capital, capital's forms, agency's other forms)
SEEDS = {
    "uk": (
        "Василь Малюк",
        "голова СБУ",
        "Служба безпеки України",
        "СБУ",
        "Київ",
        {"Києві", "КИЇВ", "Києва"},
        {"Службі безпеки", "Служба безпеки України"},
    ),
    "ru": (
        "Сергей Нарышкин",
        "директор СВР",
        "Служба внешней разведки России",
        "СВР",
        "Москва",
        {"Москве", "МОСКВА", "Москву"},
        {"Службе внешней разведки", "Служба внешней разведки"},
    ),
}


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_seed_person_with_title(language: str, request: pytest.FixtureRequest) -> None:
    text, entities = request.getfixturevalue(language)
    person, title = SEEDS[language][:2]
    people = [e for e in entities if e["type"] == "PERSON"]
    assert [e["name"] for e in people] == [person]
    assert people[0]["titles"] == [title]
    assert mention_texts(text, people[0]) == [person, person]


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_seed_agency_is_one_organisation_with_acronym(
    language: str, request: pytest.FixtureRequest
) -> None:
    text, entities = request.getfixturevalue(language)
    _, _, agency, acronym, _, _, forms = SEEDS[language]
    holding = [e for e in entities if acronym in mention_texts(text, e)]
    assert len(holding) == 1
    found = holding[0]
    assert (found["name"], found["type"]) == (agency, "ORG")
    texts = mention_texts(text, found)
    assert texts.count(acronym) == text.count(acronym)
    assert forms <= set(texts)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_seed_capital_inflections_are_one_place(
    language: str, request: pytest.FixtureRequest
) -> None:
    text, entities = request.getfixturevalue(language)
    capital, forms = SEEDS[language][4:6]
    places = [e for e in entities if forms & set(mention_texts(text, e))]
    assert len(places) == 1
    assert (places[0]["name"], places[0]["type"]) == (capital, "PLACE")
    assert set(mention_texts(text, places[0])) == forms


def test_seed_agencies_in_datelines(uk, ru) -> None:
    (uk_text, uk_entities), (_, ru_entities) = uk, ru
    ukrinform = by_name(uk_entities)["Укрінформ"]
    assert ukrinform["type"] == "ORG"
    assert mention_texts(uk_text, ukrinform) == ["Укрінформ", "Укрінформу", "Укрінформу"]
    assert by_name(ru_entities)["ТАСС"]["type"] == "ORG"


def test_seed_mirror_pair_has_one_type_profile(uk, ru) -> None:
    profile = [Counter(e["type"] for e in entities) for _, entities in (uk, ru)]
    assert profile[0] == profile[1] == Counter({"PLACE": 3, "ORG": 2, "PERSON": 1})
    other_capital = [by_name(uk[1])["Москва"], by_name(ru[1])["Киев"]]
    assert [e["type"] for e in other_capital] == ["PLACE", "PLACE"]


def _swap(text: str, pairs: dict[str, str]) -> str:
    for old in sorted(pairs, key=len, reverse=True):
        text = text.replace(old, f"\0{len(old)}:{old}\0")
    for old, new in pairs.items():
        text = text.replace(f"\0{len(old)}:{old}\0", new)
    return text


UK_SWAP = {
    "Василь Малюк": "Олег Іваненко",
    "Києві": "Львові",
    "Києва": "Львова",
    "КИЇВ": "ЛЬВІВ",
    "Москви": "Варшави",
    "Росії": "Польщі",
    "СБУ": "СЗР",
    "Служба безпеки України": "Служба зовнішньої розвідки України",
    "Службі безпеки": "Службі зовнішньої розвідки",
    "Укрінформ": "Інтерфакс",
}
RU_SWAP = {
    "Сергей Нарышкин": "Иван Петренко",
    "Москве": "Минске",
    "МОСКВА": "МИНСК",
    "Москву": "Минск",
    "Украине": "Польше",
    "Киев": "Варшаву",
    "СВР": "ФСБ",
    "Служба внешней разведки": "Федеральная служба безопасности",
    "Службе внешней разведки": "Федеральной службе безопасности",
    "ТАСС": "Интерфакс",
}


def _shape(text: str, entities: list[dict]) -> list[tuple[str, int, int]]:
    return [(e["type"], len(e["mentions"]), len(e["titles"])) for e in entities]


@pytest.mark.parametrize(
    ("language", "pairs", "expected"),
    [
        (
            "uk",
            UK_SWAP,
            {
                "Олег Іваненко": "PERSON",
                "Служба зовнішньої розвідки України": "ORG",
                "Львів": "PLACE",
                "Варшава": "PLACE",
                "Польща": "PLACE",
                "Інтерфакс": "ORG",
            },
        ),
        (
            "ru",
            RU_SWAP,
            {
                "Иван Петренко": "PERSON",
                "Федеральная служба безопасности России": "ORG",
                "Минск": "PLACE",
                "Польша": "PLACE",
                "Варшава": "PLACE",
                "Интерфакс": "ORG",
            },
        ),
    ],
)
def test_party_swap_keeps_types_and_merges(
    language: str, pairs: dict[str, str], expected: dict[str, str], request: pytest.FixtureRequest
) -> None:
    text, entities = request.getfixturevalue(language)
    swapped = _swap(text, pairs)
    assert swapped != text
    swapped_language, swapped_entities = entities_of(swapped)
    assert swapped_language == language
    assert _shape(swapped, swapped_entities) == _shape(text, entities)
    names = {e["name"]: e["type"] for e in swapped_entities}
    assert {n: names.get(n) for n in expected} == expected
    person = next(e for e in swapped_entities if e["type"] == "PERSON")
    original = next(e for e in entities if e["type"] == "PERSON")
    assert person["titles"] == [_swap(t, pairs) for t in original["titles"]]


def test_ukrainian_surname_alone_joins_the_full_name() -> None:
    text = (
        "Голова СБУ Василь Малюк відвідав Харків. За словами Малюка, ситуація стабільна. "
        "Пізніше Малюку подякували у Харкові."
    )
    _, entities = entities_of(text)
    person = next(e for e in entities if e["type"] == "PERSON")
    assert person["name"] == "Василь Малюк"
    assert mention_texts(text, person) == ["Василь Малюк", "Малюка", "Малюку"]
    city = by_name(entities)["Харків"]
    assert mention_texts(text, city) == ["Харків", "Харкові"]


def test_russian_sentences_keep_working() -> None:
    text = (
        "Министр иностранных дел России Сергей Лавров прибыл в Минск. По словам Лаврова, "
        "переговоры в Минске прошли успешно. Как сообщает Интерфакс, Лавров вернется в Москву."
    )
    _, entities = entities_of(text)
    names = by_name(entities)
    assert names["Сергей Лавров"]["type"] == "PERSON"
    assert set(mention_texts(text, names["Сергей Лавров"])) == {
        "Сергей Лавров",
        "Лаврова",
        "Лавров",
    }
    assert set(mention_texts(text, names["Минск"])) == {"Минск", "Минске"}
    assert names["Москва"]["type"] == "PLACE"


def test_language_chooses_the_path_not_the_parse() -> None:
    """A Russian document with a spaCy-like parse still takes the Russian path."""
    from presslens.stages.entities import find_entities

    text = "Директор СВР Сергей Нарышкин прибыл в Москву."
    with_parse = find_entities(text, syntax=object(), language="ru")
    without = find_entities(text, syntax=None, language="ru")
    assert with_parse == without
    assert any(e.name == "Москва" for e in without)


def test_models_folder_stays_small() -> None:
    folder = Path(presslens.__file__).parent / "models" / "entities-uk"
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    assert 0 < size <= 1_000_000


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "Про це заявив міністр закордонних справ України Андрій Сибіга у Брюсселі.",
            "Андрій Сибіга",
            "міністр закордонних справ України",
        ),
        ("Директор СЗР Олег Іваненко прибув до Варшави.", "Олег Іваненко", "директор СЗР"),
        (
            "Він зустрівся з головою МЗС Польщі Радославом Сікорським.",
            "Радослав Сікорський",
            "голова МЗС Польщі",
        ),
    ],
)
def test_ukrainian_titles_in_base_form(text: str, person: str, title: str) -> None:
    _, entities = entities_of(text)
    found = by_name(entities)[person]
    assert found["titles"] == [title]


@pytest.mark.parametrize(
    "text",
    [
        "У Києві Василь Малюк сказав журналістам Петро Порошенко.",
        "За словами Малюка, Петро Порошенко прибув.",
    ],
)
def test_ukrainian_words_in_another_case_are_no_title(text: str) -> None:
    _, entities = entities_of(text)
    assert all(e["titles"] == [] for e in entities if e["type"] == "PERSON")
