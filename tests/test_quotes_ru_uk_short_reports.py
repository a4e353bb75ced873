"""Russian and Ukrainian reports as agency copy writes them (issue 19's speakers, in
every language): a short clause after 'что' / 'що' or beside 'по словам X' is a whole
report ('армия готова'); 'Министр добавил' takes up the title the text gave a person
before; a title never runs over a line break into the headline.

Written before the changes, from the shapes of wire copy; mirrored in both languages.
"""

from __future__ import annotations

import pytest

import presslens


def _quotes(text: str) -> list[tuple[str | None, str]]:
    a = presslens.analyze(text).to_dict()
    names = {e["id"]: e["name"] for e in a["entities"]}
    out = []
    for q in a["quotes"]:
        s = q["speaker"] or {}
        out.append((names.get(s.get("entity")), text[q["span"][0] : q["span"][1]]))
    return out


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Учения\n\nАндрей Белоусов заявил, что армия готова.", "армия готова"),
        ("Навчання\n\nРустем Умєров заявив, що армія готова.", "армія готова"),
        ("Учения\n\nПо словам Андрея Белоусова, армия готова.", "армия готова"),
        ("Навчання\n\nЗа словами Рустема Умєрова, армія готова.", "армія готова"),
    ],
)
def test_a_short_clause_is_a_whole_report(text: str, content: str) -> None:
    assert [c for _, c in _quotes(text)] == [content]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Учения\n\nМинистр обороны Андрей Белоусов заявил журналистам, что армия готова. "
            "Министр добавил, что переговоры с соседями продолжатся.",
            "Андрей Белоусов",
        ),
        (
            "Навчання\n\nМіністр оборони Рустем Умєров заявив журналістам, що армія готова. "
            "Міністр додав, що переговори з сусідами триватимуть.",
            "Рустем Умєров",
        ),
    ],
)
def test_the_title_taken_up_names_the_person(text: str, who: str) -> None:
    assert [w for w, _ in _quotes(text)] == [who, who]


@pytest.mark.parametrize(
    "text",
    [
        "Учения\n\nМинистр обороны Андрей Белоусов заявил журналистам, что армия готова. "
        "Бывший министр добавил, что переговоры с соседями продолжатся.",
        "Навчання\n\nМіністр оборони Рустем Умєров заявив журналістам, що армія готова. "
        "Колишній міністр додав, що переговори з сусідами триватимуть.",
    ],
)
def test_a_former_holder_is_someone_else(text: str) -> None:
    assert _quotes(text)[1][0] is None


def test_a_title_does_not_run_into_the_headline() -> None:
    text = "Учения\n\nМинистр обороны Андрей Белоусов заявил журналистам, что армия готова."
    (person,) = [e for e in presslens.analyze(text).to_dict()["entities"] if e["type"] == "PERSON"]
    assert person["titles"] == ["министр обороны"]


@pytest.mark.parametrize(
    ("template", "one", "other"),
    [
        (
            "Учения\n\nМинистр обороны {a} заявил журналистам, что армия готова. "
            "Министр добавил, что {b} ошибается.",
            "Андрей Белоусов",
            "Рустем Умеров",
        ),
        (
            "Навчання\n\nМіністр оборони {a} заявив журналістам, що армія готова. "
            "Міністр додав, що {b} помиляється.",
            "Рустем Умєров",
            "Андрій Білоусов",
        ),
    ],
)
def test_swapping_the_names_keeps_the_reading(template: str, one: str, other: str) -> None:
    first = _quotes(template.format(a=one, b=other))
    second = _quotes(template.format(a=other, b=one))
    # (the names' normal forms are the entity stage's; the linking is what is tested)
    for read, name in ((first, one), (second, other)):
        who = [w for w, _ in read]
        assert who[0] is not None and who[0].split()[0] == name.split()[0]
        assert who == [who[0], who[0]]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Интервью\n\nПресс-секретарь президента Дмитрий Песков в интервью телеканалу "
            "«Россия 1» отметил, что тема закрыта.",
            "Дмитрий Песков",
        ),
        (
            "Інтерв'ю\n\nРечник президента Сергій Никифоров в інтерв'ю телеканалу «Рада» "
            "зазначив, що тему закрито.",
            "Сергій Никифоров",
        ),
    ],
)
def test_a_named_speaker_ends_at_the_name(text: str, who: str) -> None:
    assert [w for w, _ in _quotes(text)] == [who]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Встреча\n\nИсточник в дипломатических кругах сообщил, что встреча отменена.",
            "Источник в дипломатических кругах",
        ),
        (
            "Зустріч\n\nДжерело в дипломатичних колах повідомило, що зустріч скасовано.",
            "Джерело в дипломатичних колах",
        ),
    ],
)
def test_an_unnamed_source_keeps_its_description(text: str, speaker: str) -> None:
    a = presslens.analyze(text).to_dict()
    assert [q["speaker"]["text"] for q in a["quotes"]] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Поставки\n\nВ «Газпроме» сообщили, что поставки продолжатся.",
        "Постачання\n\nУ «Нафтогазі» повідомили, що постачання триватимуть.",
        "Поставки\n\nВ «Нафтогазе» сообщили, что поставки продолжатся.",
        "Постачання\n\nУ «Газпромі» повідомили, що постачання триватимуть.",
    ],
)
def test_a_quoted_company_speaks_in_either_language(text: str) -> None:
    """The quoted name after 'в' / 'у' is the speaker whether or not a recogniser tags it
    (the Ukrainian one tagged neither company: no speaker, an anonymous claim)."""
    a = presslens.analyze(text).to_dict()
    (quote,) = a["quotes"]
    name = [text.index("«"), text.index("»") + 1]
    assert quote["speaker"] is not None and quote["speaker"]["span"] == name
    assert [s["basis"] for s in a["sourcing"]] == ["organisation"]
