"""The entities stage on English text: types, titles, merging, dateline, boilerplate."""

from __future__ import annotations

import re
from typing import Any

import pytest

from presslens.document import Anatomy, Dateline, Document, Entity
from presslens.entities import resolve_mention
from presslens.settings import Settings
from presslens.spacy_models import spacy_pipeline
from presslens.stages.entities import EntitiesStage

SEED_SWAP = {
    "Russia": "Ukraine",
    "Russian": "Ukrainian",
    "Moscow": "Kiev",
    "MOSCOW": "KIEV",
    "TASS": "Ukrinform",
    "SVR": "SZRU",
    "Sergey Naryshkin": "Oleh Petrenko",
    "Naryshkin": "Petrenko",
    "Foreign Intelligence Service": "Foreign Intelligence Bureau",
}

HARBOUR = """Flooding closes port of Velmar

VELMAR, March 3. Hugh Hill, a doctor at the city hospital, said the wards were full after \
the storm. Foreign Minister Anna Berg said on Monday that the government would send aid, \
while Sen. John Miller and Gen. Tom Rayes disagreed about the army's role.

The director of the harbour authority, Karl Osk, told reporters that the port would stay \
closed. Osk later resigned. Mr. Osk declined to comment on the European Maritime Safety \
Agency, whose inspectors arrived on Tuesday. EMSA said the damage was severe. Hill added \
that more doctors were needed.

The Veldorian Foreign Ministry said the closure was temporary. The Ostrian Foreign Ministry \
replied that it was not. The Foreign Ministry of Ostria (FMO) later issued a statement, and \
the FMO press office said talks would continue.
"""


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy_pipeline()


def analyse(nlp: Any, text: str, anatomy: Anatomy | None = None) -> list[Entity]:
    doc = Document(text)
    doc.add_layer("language", "en")
    doc.add_layer("syntax", nlp(text))
    doc.add_layer("anatomy", anatomy or Anatomy())
    return EntitiesStage(Settings()).run(doc)


def texts(entity: Entity, text: str) -> list[str]:
    return [text[s:e] for s, e in entity.mentions]


def holding(entities: list[Entity], text: str, needle: str) -> list[Entity]:
    """Entities with a mention whose text contains ``needle``."""
    return [e for e in entities if any(needle in t for t in texts(e, text))]


def swap(text: str, pairs: dict[str, str]) -> str:
    both = {**pairs, **{v: k for k, v in pairs.items()}}
    alternatives = sorted(both, key=len, reverse=True)
    pattern = re.compile("|".join(rf"\b{re.escape(k)}\b" for k in alternatives))
    return pattern.sub(lambda m: both[m.group(0)], text)


def seed_dateline(text: str, place: str, agency: str) -> Anatomy:
    start = text.index(f"{place},")
    end = text.index(f"/{agency}/.", start) + len(agency) + 3
    head = text.index("\n\n", text.index("\n\n") + 2)
    return Anatomy(
        dateline=Dateline(span=(start, end), place=place, date="June 20", agency=agency),
        boilerplate=((0, text.index("\n")),),
        headline=(text.index("\n\n") + 2, head),
    )


@pytest.fixture(scope="module")
def seed_entities(nlp: Any, seed_text: str) -> list[Entity]:
    return analyse(nlp, seed_text, seed_dateline(seed_text, "MOSCOW", "TASS"))


def test_ids_follow_first_mention(seed_entities: list[Entity]) -> None:
    assert [e.id for e in seed_entities] == [f"e{i}" for i in range(1, len(seed_entities) + 1)]
    firsts = [e.mentions[0][0] for e in seed_entities]
    assert firsts == sorted(firsts)
    for e in seed_entities:
        assert e.type in {"PERSON", "ORG", "PLACE"}
        assert list(e.mentions) == sorted(e.mentions)


def test_mentions_are_exact_spans(seed_entities: list[Entity], seed_text: str) -> None:
    for e in seed_entities:
        for t in texts(e, seed_text):
            assert t and t == t.strip() and not t.lower().startswith("the ")


def test_seed_director_is_one_person_with_title(
    seed_entities: list[Entity], seed_text: str
) -> None:
    people = [e for e in seed_entities if e.type == "PERSON"]
    (naryshkin,) = [e for e in people if "Naryshkin" in e.name]
    assert naryshkin.name == "Sergey Naryshkin"
    assert any("Director" in t for t in naryshkin.titles)
    assert len(naryshkin.mentions) == seed_text.count("Naryshkin")
    assert not any(e.name == "Kiev" for e in people)


def test_seed_agency_is_one_entity(seed_entities: list[Entity], seed_text: str) -> None:
    agencies = holding(seed_entities, seed_text, "SVR")
    assert len(agencies) == 1
    (svr,) = agencies
    assert svr.type == "ORG"
    found = texts(svr, seed_text)
    assert "Foreign Intelligence Service" in found
    assert "Russian Foreign Intelligence Service" in found
    assert "SVR press office" in found  # the unit is a mention of the organisation
    # Every occurrence of the acronym and of the full name belongs to it.
    assert sum(t.count("SVR") for t in found) == seed_text.count("SVR")
    covered = sum(t.count("Foreign Intelligence Service") for t in found)
    assert covered == seed_text.count("Foreign Intelligence Service")
    defined = seed_text.index("Foreign Intelligence Service (SVR)")
    assert any(s <= defined < e for s, e in svr.mentions)
    assert not holding(seed_entities, seed_text, "Foreign Intelligence")[1:]


def test_seed_places_and_types(seed_entities: list[Entity], seed_text: str) -> None:
    by_name = {e.name: e for e in seed_entities}
    for place in ("Moscow", "Kiev", "Ukraine", "Europe", "Asia-Pacific region"):
        assert by_name[place].type == "PLACE", place
    assert by_name["EU"].type == "ORG"
    assert by_name["TASS"].type == "ORG"
    assert len(by_name["Kiev"].mentions) == seed_text.count("Kiev")
    assert len(holding(seed_entities, seed_text, "Ukrainian")) <= 1  # only the ministry


def test_dateline_place_and_agency_are_mentions(
    seed_entities: list[Entity], seed_text: str
) -> None:
    by_name = {e.name: e for e in seed_entities}
    dateline = seed_text.index("MOSCOW")
    assert (dateline, dateline + 6) in by_name["Moscow"].mentions
    agency = seed_text.index("/TASS/") + 1
    assert (agency, agency + 4) in by_name["TASS"].mentions


def test_boilerplate_mentions_are_dropped(nlp: Any) -> None:
    text = "Velmar port reopens. Velmar officials said so.\nFollow Velmar News on social media."
    footer = text.index("Follow")
    anatomy = Anatomy(boilerplate=((footer, len(text)),))
    for e in analyse(nlp, text, anatomy):
        assert all(not (footer <= s < len(text)) for s, _ in e.mentions), e
    assert any(footer <= s for e in analyse(nlp, text) for s, _ in e.mentions)


def test_party_swap_keeps_structure(nlp: Any, seed_text: str) -> None:
    swapped = swap(seed_text, SEED_SWAP)
    original = analyse(nlp, seed_text, seed_dateline(seed_text, "MOSCOW", "TASS"))
    mirrored = analyse(nlp, swapped, seed_dateline(swapped, "KIEV", "Ukrinform"))

    def shape(entities: list[Entity], text: str) -> list[tuple[str, list[str], int]]:
        return sorted((e.type, texts(e, text), len(e.titles)) for e in entities)

    assert shape(mirrored, swapped) == sorted(
        (t, [swap(x, SEED_SWAP) for x in found], n) for t, found, n in shape(original, seed_text)
    )
    (person,) = [e for e in mirrored if e.type == "PERSON"]
    assert person.name == "Oleh Petrenko" and any("Director" in t for t in person.titles)
    assert len(holding(mirrored, swapped, "SZRU")) == 1


def test_titles_and_appositions(nlp: Any) -> None:
    entities = analyse(nlp, HARBOUR)
    people = {e.name: e for e in entities if e.type == "PERSON"}
    assert set(people) == {"Hugh Hill", "Anna Berg", "John Miller", "Tom Rayes", "Karl Osk"}
    assert people["Hugh Hill"].titles == ("doctor at the city hospital",)
    assert people["Anna Berg"].titles == ("Foreign Minister",)
    assert people["John Miller"].titles == ("Sen.",)
    assert people["Tom Rayes"].titles == ("Gen.",)
    assert people["Karl Osk"].titles == ("director of the harbour authority",)
    # Surnames alone, with or without an honorific, are the same people.
    assert texts(people["Hugh Hill"], HARBOUR) == ["Hugh Hill", "Hill"]
    assert texts(people["Karl Osk"], HARBOUR) == ["Karl Osk", "Osk", "Osk"]


def test_acronyms_qualifiers_and_dateline_case(nlp: Any) -> None:
    entities = analyse(nlp, HARBOUR)
    (emsa,) = holding(entities, HARBOUR, "EMSA")
    assert emsa.name == "European Maritime Safety Agency"  # acronym of the initials
    # Two ministries of two sides stay apart; two spellings of one merge.
    ministries = holding(entities, HARBOUR, "Foreign Ministry")
    assert len(ministries) == 2
    ostria = next(e for e in ministries if "FMO" in texts(e, HARBOUR))
    assert "Ostrian Foreign Ministry" in texts(ostria, HARBOUR)
    assert "FMO press office" in texts(ostria, HARBOUR)
    (velmar,) = [e for e in entities if e.name == "Velmar"]
    assert texts(velmar, HARBOUR) == ["Velmar", "VELMAR"]


def test_resolve_mention_on_seed(seed_entities: list[Entity], seed_text: str) -> None:
    svr = holding(seed_entities, seed_text, "SVR")[0].id
    person = next(e.id for e in seed_entities if e.type == "PERSON")

    def at(phrase: str, occurrence: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(occurrence + 1):
            start = seed_text.index(phrase, start + 1)
        return start, start + len(phrase)

    assert resolve_mention(seed_entities, at("SVR Director Sergey Naryshkin"), seed_text) == person
    assert resolve_mention(seed_entities, at("the SVR press office"), seed_text) == svr
    assert resolve_mention(seed_entities, at("the press office"), seed_text) == svr
    assert resolve_mention(seed_entities, at("the statement"), seed_text) is None


def test_resolve_mention_by_name_and_recency() -> None:
    text = "Anna Berg spoke. Tom Berg spoke. Later Berg left. The Harbour Board office shut."
    board = text.index("Harbour")
    entities = [
        Entity("e1", "Anna Berg", "PERSON", ((0, 9),)),
        Entity("e2", "Tom Berg", "PERSON", ((17, 25),)),
        Entity("e3", "Harbour Board", "ORG", ((board, text.index(" shut")),)),
    ]
    later = text.index("Berg left")
    assert resolve_mention(entities, (later, later + 4), text) == "e2"  # the nearest before
    assert resolve_mention(entities, (0, 3), "Tom") == "e1"  # overlap wins
    office = len(text) + 1
    assert resolve_mention(entities, (office, office + 10), text + " the office") == "e3"
    assert resolve_mention(entities, (office, office + 10), text + " the agency") is None


def test_in_the_pipeline_with_the_anatomy_stage(seed_text: str) -> None:
    pytest.importorskip("presslens.stages.anatomy")
    from presslens.document import Metadata
    from presslens.pipeline import Pipeline

    doc = Document(seed_text, metadata=Metadata(language="en"))
    entities = Pipeline.from_names(["entities"])(doc).layer("entities")
    assert len(holding(entities, seed_text, "SVR")) == 1
    assert any(e.type == "PERSON" and e.name == "Sergey Naryshkin" for e in entities)
    dateline = seed_text.index("MOSCOW")
    assert any((dateline, dateline + 6) in e.mentions for e in entities if e.type == "PLACE")


CHIPS = """Lisbon warns Oslo over new chip rules

OSLO, May 4 - Portugal's Trade Ministry said on Thursday that Norway was weaponising trade.
"The other side keeps abusing the concept of security," ministry spokesman Li Wen told \
reporters. Trade Secretary Anna Ward said the measures protect local workers. Ward, a former \
trade lawyer, added that the Norwegian Department of Commerce (NDC) would review the rules. \
The NDC press office declined to comment. Mr. Li said the World Trade Organization should \
intervene, and the WTO said it was monitoring.
"""


def test_surname_first_names_and_late_appositions(nlp: Any) -> None:
    entities = analyse(nlp, CHIPS)
    people = {e.name: e for e in entities if e.type == "PERSON"}
    assert set(people) == {"Li Wen", "Anna Ward"}
    assert texts(people["Li Wen"], CHIPS) == ["Li Wen", "Li"]
    assert people["Li Wen"].titles == ("ministry spokesman",)
    assert people["Anna Ward"].titles == ("Trade Secretary", "former trade lawyer")
    (wto,) = holding(entities, CHIPS, "WTO")
    assert wto.name == "World Trade Organization"
    (ndc,) = holding(entities, CHIPS, "NDC")
    assert "NDC press office" in texts(ndc, CHIPS)


@pytest.mark.slow
def test_fast_on_a_long_article(nlp: Any, seed_text: str) -> None:
    """The stage itself (parse excluded) on 50,000 characters: well under a second."""
    import time

    from presslens.stages.entities import find_entities

    text = ((seed_text + "\n\n" + HARBOUR + "\n\n") * 20)[:50_000]
    parsed = nlp(text)
    started = time.perf_counter()
    entities = find_entities(text, parsed, "en", Anatomy())
    elapsed = time.perf_counter() - started
    mentions = sum(len(e.mentions) for e in entities)
    print(f"entities: {len(text)} chars, {mentions} mentions, {elapsed:.3f} s")
    assert elapsed < 1.0
