"""Russian and Ukrainian stances and frames agency copy writes (issue 19's every
language): conviction as a short adjective ('уверен, что' / 'упевнений, що'), 'не
исключил, что' / 'не виключив, що', 'выразил надежду, что' / 'висловив надію, що',
'как говорится в документе' / 'як йдеться в документі', 'Об этом в интервью газете
«X» сообщил Y' with the circumstance before the verb, and a person whose title names
a body ('хирург клиники Алексей Смирнов') as a named source.

Written before the changes, each in both languages, from the shapes of wire copy.
"""

from __future__ import annotations

import pytest

import presslens


def _analysis(text: str) -> dict:
    return presslens.analyze(text).to_dict()


def _quotes(text: str) -> list[tuple[str | None, str]]:
    a = _analysis(text)
    out = []
    for q in a["quotes"]:
        span = (q["speaker"] or {}).get("span")
        out.append((text[span[0] : span[1]] if span else None, text[q["span"][0] : q["span"][1]]))
    return out


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Дороги\n\nГубернатор Александр Дрозденко уверен, что дорогу откроют в срок.",
            "Губернатор Александр Дрозденко",
            "дорогу откроют в срок",
        ),
        (
            "Дороги\n\nГубернатор Віталій Кім упевнений, що дорогу відкриють вчасно.",
            "Губернатор Віталій Кім",
            "дорогу відкриють вчасно",
        ),
        (
            "Цены\n\nЭкономист Наталья Орлова не исключила, что цены вырастут.",
            "Экономист Наталья Орлова",
            "цены вырастут",
        ),
        (
            "Ціни\n\nЕкономістка Олена Білан не виключила, що ціни зростуть.",
            "Економістка Олена Білан",
            "ціни зростуть",
        ),
        (
            "Переговоры\n\nПрезидент Финляндии Александр Стубб выразил надежду, что переговоры"
            " продолжатся.",
            "Президент Финляндии Александр Стубб",
            "переговоры продолжатся",
        ),
        (
            "Переговори\n\nПрезидент Фінляндії Александр Стубб висловив надію, що переговори"
            " триватимуть.",
            "Президент Фінляндії Александр Стубб",
            "переговори триватимуть",
        ),
    ],
)
def test_stances_are_reports(text: str, speaker: str, content: str) -> None:
    assert _quotes(text) == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Как говорится в документе, срок действия соглашения истекает в мае.",
            "срок действия соглашения истекает в мае",
        ),
        (
            "Як йдеться в документі, термін дії угоди спливає в травні.",
            "термін дії угоди спливає в травні",
        ),
    ],
)
def test_as_a_document_says(text: str, content: str) -> None:
    assert [c for _, c in _quotes(text)] == [content]
    assert [s["basis"] for s in _analysis(text)["sourcing"]] == ["organisation"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Визит отложен до осени. Об этом в интервью газете «Известия» сообщил замминистра"
            " Андрей Руденко.",
            "замминистра Андрей Руденко",
        ),
        (
            "Візит відкладено до осені. Про це в інтерв'ю газеті «Дзеркало тижня» повідомив"
            " заступник міністра Андрій Сибіга.",
            "заступник міністра Андрій Сибіга",
        ),
    ],
)
def test_about_this_with_a_circumstance_before_the_verb(text: str, speaker: str) -> None:
    quotes = _quotes(text)
    assert quotes[0][0] == speaker
    assert quotes[0][1].startswith(("Визит", "Візит"))


@pytest.mark.parametrize(
    "text",
    [
        "Выступая в Думе, хирург клиники Алексей Смирнов сказал, что операций стало больше.",
        "Виступаючи в Раді, хірург клініки Олексій Смирнов сказав, що операцій стало більше.",
    ],
)
def test_a_person_whose_title_names_a_body_is_named(text: str) -> None:
    assert [s["basis"] for s in _analysis(text)["sourcing"]] == ["named"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "«Сколько продлится ремонт?» — спросила депутат Ольга Тимофеева.",
            "депутат Ольга Тимофеева",
        ),
        (
            "«Скільки триватиме ремонт?» — запитала депутатка Ольга Стефанишина.",
            "депутатка Ольга Стефанишина",
        ),
    ],
)
def test_a_question_is_a_quote(text: str, speaker: str) -> None:
    ((who, content),) = _quotes(text)
    assert who == speaker
    assert content.endswith("?")


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("«Занятия переносятся на понедельник», — говорится в Telegram-канале мэрии.", "мэрии"),
        ("«Заняття переносяться на понеділок», — йдеться в Telegram-каналі мерії.", "мерії"),
    ],
)
def test_a_channel_speaks_for_its_owner(text: str, owner: str) -> None:
    assert [w for w, _ in _quotes(text)] == [owner]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Собеседник, знакомый с ходом расследования, рассказал «Интерфаксу», что обыски"
            " продолжатся.",
            "Собеседник, знакомый с ходом расследования",
        ),
        (
            "Співрозмовник, обізнаний з ходом розслідування, розповів «Інтерфакс-Україна», що"
            " обшуки триватимуть.",
            "Співрозмовник, обізнаний з ходом розслідування",
        ),
    ],
)
def test_a_source_with_its_modifier_between_commas(text: str, speaker: str) -> None:
    assert [w for w, _ in _quotes(text)] == [speaker]
    assert [s["basis"] for s in _analysis(text)["sourcing"]] == ["anonymous"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Посол Франции Пьер Леви, в свою очередь, заявил, что визит состоится в мае.",
            "Посол Франции Пьер Леви",
        ),
        (
            "Посол Франції Гаель Вессьєр, своєю чергою, заявив, що візит відбудеться в травні.",
            "Посол Франції Гаель Вессьєр",
        ),
    ],
)
def test_a_parenthesis_between_subject_and_verb(text: str, speaker: str) -> None:
    assert [w for w, _ in _quotes(text)] == [speaker]
    assert [s["basis"] for s in _analysis(text)["sourcing"]] == ["named"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("По данным «Ромир», продажи выросли на треть.", "«Ромир»"),
        ("За даними «Рейтингу», продажі зросли на третину.", "«Рейтингу»"),
    ],
)
def test_figures_of_a_quoted_name(text: str, source: str) -> None:
    assert [w for w, _ in _quotes(text)] == [source]
    assert [s["basis"] for s in _analysis(text)["sourcing"]] == ["organisation"]
