"""Russian and Ukrainian quotes, speakers, routes and sourcing bases: one test per layout."""

from __future__ import annotations

from typing import Any

import pytest

from presslens.attribution.lexicon import for_language
from presslens.attribution.reported import extract, unnest
from presslens.attribution.speakers import to_quotes
from presslens.document import Document, Entity
from presslens.pipeline import Pipeline
from presslens.syntax_cyrillic import parse

STAGES = ["anatomy", "language", "syntax", "entities", "quotes", "scare_quotes", "sourcing"]


def analyse(text: str, language: str) -> Document:
    doc = Document(text)
    doc.add_layer("language", language)
    Pipeline.from_names(STAGES)(doc)
    return doc


def cut(doc: Document, span: Any) -> str | None:
    return None if span is None else doc.text[span[0] : span[1]]


def only_quote(doc: Document) -> Any:
    quotes = doc.layer("quotes")
    assert len(quotes) == 1, [cut(doc, q.span) for q in quotes]
    return quotes[0]


# (language, layout, text, content, speaker words, cue, kind)
LAYOUTS = [
    (
        "ru",
        "dash-after",
        "«Мы не допустим эскалации», — заявил министр обороны Иван Петров.",
        "Мы не допустим эскалации",
        "министр обороны Иван Петров",
        "заявил",
        "direct",
    ),
    (
        "uk",
        "dash-after",
        "«Ми не допустимо ескалації», — заявив міністр оборони Іван Петренко.",
        "Ми не допустимо ескалації",
        "міністр оборони Іван Петренко",
        "заявив",
        "direct",
    ),
    (
        "ru",
        "dash-no-comma",
        "«Переговоры зашли в тупик» — сообщил глава делегации Нино Беридзе.",
        "Переговоры зашли в тупик",
        "глава делегации Нино Беридзе",
        "сообщил",
        "direct",
    ),
    (
        "uk",
        "dash-no-comma",
        "«Переговори зайшли в глухий кут» — повідомив голова делегації Ніку Русу.",
        "Переговори зайшли в глухий кут",
        "голова делегації Ніку Русу",
        "повідомив",
        "direct",
    ),
    (
        "ru",
        "pronoun",
        "Министр Аксель Линдквист выступил в парламенте. «Бюджет будет сбалансирован», — сказал "
        "он.",
        "Бюджет будет сбалансирован",
        "он",
        "сказал",
        "direct",
    ),
    (
        "uk",
        "pronoun",
        "Міністр Арвідс Калниньш виступив у парламенті. «Бюджет буде збалансовано», — сказав він.",
        "Бюджет буде збалансовано",
        "він",
        "сказав",
        "direct",
    ),
    (
        "ru",
        "colon",
        "Председатель комиссии Олег Сидоренко заявил: «Проверка завершится до конца месяца».",
        "Проверка завершится до конца месяца",
        "Председатель комиссии Олег Сидоренко",
        "заявил",
        "direct",
    ),
    (
        "uk",
        "colon",
        "Голова комісії Олександр Мельник заявив: «Перевірка завершиться до кінця місяця».",
        "Перевірка завершиться до кінця місяця",
        "Голова комісії Олександр Мельник",
        "заявив",
        "direct",
    ),
    (
        "ru",
        "as-left",
        "Как подчеркнула министр экономики Марта Зелинская, «правительство не повысит налоги».",
        "правительство не повысит налоги",
        "министр экономики Марта Зелинская",
        "подчеркнула",
        "direct",
    ),
    (
        "uk",
        "as-left",
        "Як наголосила міністр економіки Аушра Петраускене, «уряд не підвищить податки».",
        "уряд не підвищить податки",
        "міністр економіки Аушра Петраускене",
        "наголосила",
        "direct",
    ),
    (
        "ru",
        "that-clause",
        "Министр иностранных дел Левон Саркисян заявил, что Ереван не получил ответа от партнёров.",
        "Ереван не получил ответа от партнёров",
        "Министр иностранных дел Левон Саркисян",
        "заявил",
        "indirect",
    ),
    (
        "uk",
        "that-clause",
        "Міністр закордонних справ Ніко Гелашвілі заявив, що Тбілісі не отримав відповіді від "
        "партнерів.",
        "Тбілісі не отримав відповіді від партнерів",
        "Міністр закордонних справ Ніко Гелашвілі",
        "заявив",
        "indirect",
    ),
    (
        "ru",
        "according",
        "По словам Томаса Вебера, экономика страны переживает трудный период.",
        "экономика страны переживает трудный период",
        "Томаса Вебера",
        "По словам",
        "indirect",
    ),
    (
        "uk",
        "according",
        "За словами Клауса Міллера, економіка країни переживає важкий період.",
        "економіка країни переживає важкий період",
        "Клауса Міллера",
        "За словами",
        "indirect",
    ),
    (
        "ru",
        "as-reports",
        "Как сообщает агентство Рейтер, переговоры в Женеве продлятся ещё два дня.",
        "переговоры в Женеве продлятся ещё два дня",
        "агентство Рейтер",
        "сообщает",
        "indirect",
    ),
    (
        "uk",
        "as-reports",
        "Як повідомляє агентство Рейтер, переговори в Женеві триватимуть ще два дні.",
        "переговори в Женеві триватимуть ще два дні",
        "агентство Рейтер",
        "повідомляє",
        "indirect",
    ),
    (
        "ru",
        "trailing",
        "Поставки зерна через порты возобновятся в понедельник, — сообщил министр Ярослав Бондар.",
        "Поставки зерна через порты возобновятся в понедельник",
        "министр Ярослав Бондар",
        "сообщил",
        "indirect",
    ),
    (
        "uk",
        "trailing",
        "Постачання зерна через порти відновиться в понеділок, — повідомив міністр Стефан Іванов.",
        "Постачання зерна через порти відновиться в понеділок",
        "міністр Стефан Іванов",
        "повідомив",
        "indirect",
    ),
    (
        "ru",
        "gerund",
        "Президент Кайя Сепп выступила против пошлин, заявив, что они ударят по экспорту.",
        "они ударят по экспорту",
        "Президент Кайя Сепп",
        "заявив",
        "indirect",
    ),
    (
        "uk",
        "gerund",
        "Президентка Анна Лехтонен виступила проти мит, заявивши, що вони вдарять по експорту.",
        "вони вдарять по експорту",
        "Президентка Анна Лехтонен",
        "заявивши",
        "indirect",
    ),
    (
        "ru",
        "mixed",
        "Посол Драган Илич заявил, что Белград «не намерен идти на уступки под давлением».",
        "Белград «не намерен идти на уступки под давлением»",
        "Посол Драган Илич",
        "заявил",
        "mixed",
    ),
    (
        "uk",
        "mixed",
        "Посол Жолт Надь заявив, що Будапешт «не має наміру йти на поступки під тиском».",
        "Будапешт «не має наміру йти на поступки під тиском»",
        "Посол Жолт Надь",
        "заявив",
        "mixed",
    ),
]


@pytest.mark.parametrize(
    ("language", "layout", "text", "content", "speaker", "cue", "kind"),
    LAYOUTS,
    ids=[f"{lang}-{layout}" for lang, layout, *_ in LAYOUTS],
)
def test_layout(
    language: str, layout: str, text: str, content: str, speaker: str, cue: str, kind: str
) -> None:
    doc = analyse(text, language)
    q = only_quote(doc)
    assert cut(doc, q.span) == content
    assert q.kind == kind
    assert cut(doc, q.cue) == cue
    assert q.speaker is not None and cut(doc, q.speaker.span) == speaker


INTERRUPTED = [
    (
        "ru",
        "«Мы готовы к диалогу, — отметил вице-премьер Павел Гринёв, — но только на равных».",
        ("Мы готовы к диалогу", "но только на равных"),
        "Павел Гринёв",
        "отметил",
    ),
    (
        "uk",
        "«Ми готові до діалогу, — зазначив віцепрем'єр Томаш Новотни, — але тільки на рівних».",
        ("Ми готові до діалогу", "але тільки на рівних"),
        "Томаш Новотни",
        "зазначив",
    ),
    (
        "ru",
        "«Выборы пройдут честно, — сказал президент Ашот Манукян. — Мы пригласим наблюдателей».",
        ("Выборы пройдут честно", "Мы пригласим наблюдателей"),
        "Ашот Манукян",
        "сказал",
    ),
    (
        "ru",
        "«Мы продолжим работу», — сказал мэр Мартиньш Озолс. — «Уступок не будет».",
        ("Мы продолжим работу", "Уступок не будет"),
        "Мартиньш Озолс",
        "сказал",
    ),
    (
        "uk",
        "«Ми продовжимо роботу», — сказав мер Мартін Тамм. — «Поступок не буде».",
        ("Ми продовжимо роботу", "Поступок не буде"),
        "Мартін Тамм",
        "сказав",
    ),
]


@pytest.mark.parametrize(("language", "text", "parts", "speaker", "cue"), INTERRUPTED)
def test_interrupted_quote_is_one_event_in_parts(
    language: str, text: str, parts: tuple[str, str], speaker: str, cue: str
) -> None:
    doc = analyse(text, language)
    q = only_quote(doc)
    assert q.kind == "direct"
    assert tuple(cut(doc, p) for p in q.parts) == parts
    assert cut(doc, q.cue) == cue
    assert q.speaker is not None and speaker in (cut(doc, q.speaker.span) or "")


@pytest.mark.parametrize(
    ("language", "text", "first", "last"),
    [
        (
            "ru",
            "Премьер Ласло Киш выступил.\n\n«Мы переживаем трудные времена.\n\n«Мы не поднимем "
            "тарифы», — сказал Киш.",
            "Мы переживаем трудные времена.",
            "Мы не поднимем тарифы",
        ),
        (
            "uk",
            "Прем'єр Янез Горвать виступив.\n\n«Ми переживаємо важкі часи.\n\n«Ми не піднімемо "
            "тарифи», — сказав Горвать.",
            "Ми переживаємо важкі часи.",
            "Ми не піднімемо тарифи",
        ),
    ],
)
def test_quote_running_over_paragraphs(language: str, text: str, first: str, last: str) -> None:
    doc = analyse(text, language)
    q = only_quote(doc)
    assert cut(doc, q.parts[0]) == first and cut(doc, q.parts[-1]) == last
    assert q.speaker is not None and q.speaker.span is not None


@pytest.mark.parametrize(
    ("language", "text", "content"),
    [
        (
            "ru",
            "«Решение о вступлении в «северный альянс» не принято», — подчеркнул президент Андрей "
            "Чобану.",
            "Решение о вступлении в «северный альянс» не принято",
        ),
        (
            "ru",
            "„Это решение окончательное“, — подчеркнула судья Вера Климова.",
            "Это решение окончательное",
        ),
        (
            "ru",
            "“Санкции не повлияют на планы”, — заявил директор Игорь Лапин.",
            "Санкции не повлияют на планы",
        ),
        (
            "ru",
            '"Мы ждём ответа до пятницы", — сказал посол Золтан Барта.',
            "Мы ждём ответа до пятницы",
        ),
        (
            "uk",
            "«Рішення про вступ до «північного альянсу» не ухвалено», — наголосив президент "
            "Вітаутас Казлаускас.",
            "Рішення про вступ до «північного альянсу» не ухвалено",
        ),
        ("uk", "„Це рішення остаточне“, — наголосила суддя Віра Климова.", "Це рішення остаточне"),
    ],
)
def test_quotation_marks_and_nesting(language: str, text: str, content: str) -> None:
    doc = analyse(text, language)
    q = only_quote(doc)
    assert cut(doc, q.span) == content
    assert q.speaker is not None and q.speaker.span is not None


def test_nested_guillemets_read_as_inner_marks() -> None:
    text = "«Он назвал это «провокацией» и ушёл»"
    assert unnest(text) == "«Он назвал это „провокацией” и ушёл»"
    assert len(unnest(text)) == len(text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Компания «Газпром» увеличила экспорт. Партия «Слуга народа» провела съезд."),
        ("ru", "В докладе упоминаются «массовые чистки» в армии и «реформа» полиции."),
        ("uk", "Компанія «Нафтогаз» збільшила експорт. Партія «Слуга народу» провела з'їзд."),
        ("uk", "У доповіді згадуються «масові чистки» в армії та «реформа» поліції."),
        ("ru", "Цены на бензин выросли на 5% за месяц, а правительство не приняло мер."),
    ],
)
def test_names_and_scare_quotes_are_not_speech(language: str, text: str) -> None:
    doc = analyse(text, language)
    assert doc.layer("quotes") == []
    assert {b.basis for b in doc.layer("sourcing")} == {"unattributed"}


def test_scare_quotes_are_listed() -> None:
    doc = analyse("В докладе упоминаются «массовые чистки» в армии.", "ru")
    assert [cut(doc, s) for s in doc.layer("scare_quotes")] == ["массовые чистки"]


@pytest.mark.parametrize(
    ("language", "text", "speaker", "via"),
    [
        (
            "ru",
            "Правительство одобрило новый план газификации, сообщили ТАСС в пресс-службе кабинета "
            "министров.",
            "пресс-службе кабинета министров",
            "ТАСС",
        ),
        (
            "uk",
            "Уряд схвалив новий план газифікації, повідомили Укрінформу в пресслужбі кабінету "
            "міністрів.",
            "пресслужбі кабінету міністрів",
            "Укрінформу",
        ),
        (
            "uk",
            "«Кордон не закриватимуть», — повідомили ЧТК у пресслужбі уряду.",
            "пресслужбі уряду",
            "ЧТК",
        ),
    ],
)
def test_route_press_office_speaks_agency_is_via(
    language: str, text: str, speaker: str, via: str
) -> None:
    lex = for_language(language)
    assert lex is not None
    sdoc = parse(text, language)
    (found,) = extract(text, sdoc, lex)
    assert cut(Document(text), found.speaker) == speaker
    assert found.addressee is not None and sdoc[found.addressee].text == via
    # Linked: the route is the agency entity, never the speaker.
    at = text.index(via)
    agency = Entity("e1", via, "ORG", ((at, at + len(via)),))
    (quote,) = to_quotes(text, sdoc, [found], [agency], lex)
    assert quote.via == "e1"
    assert quote.speaker is None or quote.speaker.entity != "e1"


@pytest.mark.parametrize(
    ("language", "text", "person", "mention"),
    [
        (
            "ru",
            "Директор СВР Сергей Нарышкин провёл совещание. По словам Нарышкина, угрозы нет "
            "никакой.",
            "Сергей Нарышкин",
            "Нарышкина",
        ),
        (
            "uk",
            "Голова СБУ Василь Малюк провів нараду. За словами Малюка, загрози немає жодної.",
            "Василь Малюк",
            "Малюка",
        ),
    ],
)
def test_speaker_linked_through_inflection(
    language: str, text: str, person: str, mention: str
) -> None:
    lex = for_language(language)
    assert lex is not None
    sdoc = parse(text, language)
    (found,) = extract(text, sdoc, lex)
    assert cut(Document(text), found.speaker) == mention
    at = text.index(person)
    entity = Entity("e7", person, "PERSON", ((at, at + len(person)),))
    (quote,) = to_quotes(text, sdoc, [found], [entity], lex)
    assert quote.speaker is not None and quote.speaker.entity == "e7"


@pytest.mark.parametrize(
    ("language", "text", "basis"),
    [
        (
            "ru",
            "По имеющимся в Службе внешней разведки сведениям, ситуация ухудшается.",
            "unverifiable",
        ),
        ("ru", "Как стало известно, правительство готовит отставку министров.", "unverifiable"),
        ("ru", "Нам хорошо известно о числе таких сотрудников в этих странах.", "unverifiable"),
        ("ru", "Известно, что делегации уже согласовали повестку встречи.", "unverifiable"),
        ("uk", "За наявною у Службі безпеки інформацією, ситуація погіршується.", "unverifiable"),
        ("uk", "Як стало відомо, уряд готує відставку міністрів.", "unverifiable"),
        ("uk", "Нам добре відомо про кількість таких працівників у цих країнах.", "unverifiable"),
        ("uk", "Відомо, що делегації вже погодили порядок денний зустрічі.", "unverifiable"),
        ("ru", "Источник в дипломатических кругах сообщил, что посол отозван.", "anonymous"),
        ("ru", "Собеседник агентства пояснил, что учения пройдут по плану.", "anonymous"),
        ("uk", "Джерело в дипломатичних колах повідомило, що посла відкликано.", "anonymous"),
        ("uk", "Співрозмовник агентства пояснив, що навчання пройдуть за планом.", "anonymous"),
        ("ru", "Министр обороны Иван Петров заявил, что учения пройдут по плану.", "named"),
        ("uk", "Міністр оборони Іван Петренко заявив, що навчання пройдуть за планом.", "named"),
        ("ru", "В пресс-службе министерства заявили, что учения пройдут по плану.", "organisation"),
        (
            "uk",
            "У пресслужбі міністерства заявили, що навчання пройдуть за планом.",
            "organisation",
        ),
        ("ru", "Учения пройдут по плану в конце месяца на севере страны.", "unattributed"),
        ("uk", "Навчання пройдуть за планом наприкінці місяця на півночі країни.", "unattributed"),
    ],
)
def test_sourcing_basis(language: str, text: str, basis: str) -> None:
    doc = analyse(text, language)
    assert [s.basis for s in doc.layer("sourcing")] == [basis]


def test_named_source_data_is_not_unverifiable() -> None:
    doc = analyse("По данным Росстата, инфляция в марте составила 7,4 процента.", "ru")
    assert [s.basis for s in doc.layer("sourcing")] != ["unverifiable"]


@pytest.mark.parametrize(
    ("language", "text", "content", "speaker", "cue"),
    [
        (
            "ru",
            "«Мы не будем вмешиваться», — заявил в понедельник министр обороны Лаурас Каспарас.",
            "Мы не будем вмешиваться",
            "министр обороны Лаурас Каспарас",
            "заявил",
        ),
        (
            "ru",
            "Министр заявил: переговоры продолжатся на следующей неделе в Женеве.",
            "переговоры продолжатся на следующей неделе в Женеве",
            "Министр",
            "заявил",
        ),
        (
            "ru",
            "«Ситуация стабильная», — рассказал РИА Новости губернатор области Вячеслав Гладков.",
            "Ситуация стабильная",
            "губернатор области Вячеслав Гладков",
            "рассказал",
        ),
        (
            "uk",
            "«Ситуація стабільна», — розповів УНІАН голова ОВА Олег Синєгубов.",
            "Ситуація стабільна",
            "голова ОВА Олег Синєгубов",
            "розповів",
        ),
        (
            "uk",
            "У Повітряних силах ЗСУ повідомили, що вночі було збито 12 безпілотників.",
            "вночі було збито 12 безпілотників",
            "Повітряних силах ЗСУ",
            "повідомили",
        ),
    ],
)
def test_adjuncts_routes_and_colons(
    language: str, text: str, content: str, speaker: str, cue: str
) -> None:
    doc = analyse(text, language)
    q = only_quote(doc)
    assert (cut(doc, q.span), cut(doc, q.cue)) == (content, cue)
    assert q.speaker is not None and cut(doc, q.speaker.span) == speaker


@pytest.mark.parametrize(
    ("language", "text", "cues"),
    [
        (
            "ru",
            "Глава МИД Петер Сийярто отметил, что Будапешт против новых санкций, и добавил, "
            "что решение должно быть единогласным.",
            ["отметил", "добавил"],
        ),
        (
            "uk",
            "Глава МЗС Петер Сійярто зазначив, що Будапешт проти нових санкцій, і додав, "
            "що рішення має бути одностайним.",
            ["зазначив", "додав"],
        ),
    ],
)
def test_second_report_joined_by_a_conjunction(language: str, text: str, cues: list[str]) -> None:
    doc = analyse(text, language)
    quotes = doc.layer("quotes")
    assert [cut(doc, q.cue) for q in quotes] == cues
    first, second = quotes
    assert first.span[1] < second.cue[0]
    assert cut(doc, first.speaker.span) == cut(doc, second.speaker.span)


@pytest.mark.parametrize(
    ("language", "text", "basis"),
    [
        ("ru", "Власти, по данным местных СМИ, готовят новый закон о языке.", "organisation"),
        ("uk", "Влада, за даними місцевих ЗМІ, готує новий закон про мову.", "organisation"),
        ("ru", "По данным, власти готовят новый закон о языке в этом году.", "unverifiable"),
        (
            "ru",
            "«Мы ожидаем, что переговоры возобновятся», — говорится в коммюнике.",
            "organisation",
        ),
        ("uk", "«Ми очікуємо, що переговори відновляться», — йдеться в комюніке.", "organisation"),
        ("ru", "Эксперт подчеркнул, что «ситуация на рынке остаётся напряжённой».", "anonymous"),
        ("uk", "На думку експертів, ціни на нафту продовжать зростати.", "anonymous"),
    ],
)
def test_more_sourcing_bases(language: str, text: str, basis: str) -> None:
    doc = analyse(text, language)
    assert [s.basis for s in doc.layer("sourcing")] == [basis]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("ru", "«Мы готовы к переговорам», — сказал В. Путин журналистам.", "В. Путин"),
        (
            "ru",
            "Президент В. Зеленский заявил, что Украина не пойдёт на уступки.",
            "Президент В. Зеленский",
        ),
        ("uk", "Як зазначив С. Наришкін, «ситуація залишається напруженою».", "С. Наришкін"),
    ],
)
def test_initials_do_not_end_sentences(language: str, text: str, speaker: str) -> None:
    doc = analyse(text, language)
    q = only_quote(doc)
    assert q.speaker is not None and cut(doc, q.speaker.span) == speaker


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Как сообщает агентство Рейтер со ссылкой на источники, "
            "переговоры в Женеве продлятся ещё два дня.",
        ),
        (
            "uk",
            "Як повідомляє агентство Рейтер з посиланням на джерела, "
            "переговори в Женеві триватимуть ще два дні.",
        ),
    ],
)
def test_report_citing_unnamed_sources_is_anonymous(language: str, text: str) -> None:
    doc = analyse(text, language)
    assert len(doc.layer("quotes")) == 1
    assert [s.basis for s in doc.layer("sourcing")] == ["anonymous"]
