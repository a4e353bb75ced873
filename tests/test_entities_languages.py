"""The entities stage without an English parse: Russian via natasha, other languages."""

from __future__ import annotations

import pytest

from presslens.document import Anatomy, Dateline, Document, Entity
from presslens.settings import Settings
from presslens.stages.entities import EntitiesStage

RUSSIAN = (
    "МОСКВА, 20 июня. /ТАСС/. Служба внешней разведки России (СВР) предложила сотрудникам "
    "дипмиссий бежать в Москву, сообщили ТАСС в пресс-бюро СВР. Как отметил директор СВР "
    "Сергей Нарышкин, ситуация ухудшается. По словам Нарышкина, то же происходит в Европе."
)


def analyse(text: str, language: str, anatomy: Anatomy | None = None) -> list[Entity]:
    doc = Document(text)
    doc.add_layer("language", language)
    doc.add_layer("syntax", None)
    doc.add_layer("anatomy", anatomy or Anatomy())
    return EntitiesStage(Settings()).run(doc)


def texts(entity: Entity, text: str) -> list[str]:
    return [text[s:e] for s, e in entity.mentions]


def dateline(text: str, place: str, agency: str) -> Anatomy:
    end = text.index(f"/{agency}/.") + len(agency) + 3
    return Anatomy(dateline=Dateline(span=(0, end), place=place, agency=agency))


@pytest.fixture(scope="module")
def russian() -> list[Entity]:
    pytest.importorskip("natasha")
    return analyse(RUSSIAN, "ru", dateline(RUSSIAN, "МОСКВА", "ТАСС"))


def test_russian_person_with_title_and_inflected_surname(russian: list[Entity]) -> None:
    (person,) = [e for e in russian if e.type == "PERSON"]
    assert person.name == "Сергей Нарышкин"
    assert person.titles == ("директор СВР",)
    assert texts(person, RUSSIAN) == ["Сергей Нарышкин", "Нарышкина"]


def test_russian_agency_defined_by_acronym(russian: list[Entity]) -> None:
    agencies = [e for e in russian if any("СВР" in t for t in texts(e, RUSSIAN))]
    assert len(agencies) == 1
    found = texts(agencies[0], RUSSIAN)
    assert "Служба внешней разведки" in found
    assert found.count("СВР") == RUSSIAN.count("СВР")


def test_russian_places_are_normalised_and_merged(russian: list[Entity]) -> None:
    by_name = {e.name: e for e in russian}
    assert by_name["Москва"].type == "PLACE"
    assert texts(by_name["Москва"], RUSSIAN) == ["МОСКВА", "Москву"]
    assert by_name["ТАСС"].type == "ORG"


def test_ukrainian_is_conservative() -> None:
    pytest.importorskip("natasha")
    text = "Як зазначив директор СЗР Олег Іваненко, ситуація в Росії погіршується."
    entities = analyse(text, "uk")
    for e in entities:
        for t in texts(e, text):
            assert all(word[:1].isupper() for word in t.split())  # no stray lowercase words
    assert any(e.type == "PERSON" and e.name == "Олег Іваненко" for e in entities)


def test_other_languages_get_dateline_entities_only() -> None:
    text = "BERLIN, 20. Juni. /dpa/. Die Regierung sagte, das Treffen finde statt."
    anatomy = Anatomy(dateline=Dateline(span=(0, 24), place="BERLIN", agency="dpa"))
    entities = analyse(text, "de", anatomy)
    assert [(e.name, e.type) for e in entities] == [("BERLIN", "PLACE"), ("dpa", "ORG")]
    assert analyse(text, "de") == []
