"""Russian and Ukrainian attribution as real news and posts write it (issue 19's every
language): a subject the text has just named and then drops ('Кроме того, отметила, что',
'Згодом уточнив, що'), a bare outlet noun that takes up the outlet ('по данным издания',
'за даними видання'), a connective before 'по словам' ('Между тем, по словам X, C'), a
pronoun before the speaker ('сказал им летчик-космонавт'), an abbreviation the dictionary
lacks ('Сумської ОВА'), and posts that put a link's or a bold word's text on a line of its
own ('рассказал политолог \\nАндрей Смирнов\\n.').

Written before the changes, each in both languages; the sentences are our own.
"""

from __future__ import annotations

import pytest

import presslens
from presslens.anatomy.lines import inline_break, paragraph_spans
from presslens.entities.ukrainian import outlet_names


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    """(content, the speaker's entity name or phrase, basis) of every quote."""
    d = presslens.analyze(text).to_dict()
    basis = {tuple(s["span"]): s["basis"] for s in d["sourcing"]}
    out = []
    for q in d["quotes"]:
        start, end = q["span"]
        sourced = next((b for (s, e), b in basis.items() if s <= start and end <= e), None)
        speaker = (q["speaker"] or {}).get("text")
        out.append((text[start:end], speaker, sourced))
    return out


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Глава Центробанка Эльвира Набиуллина заявила, что ставка останется прежней до"
            " осени. Кроме того, отметила, что инфляция замедляется быстрее прогноза.",
            "Эльвира Набиуллина",
        ),
        (
            "Голова Національного банку Катерина Рожкова заявила, що ставка залишиться"
            " незмінною до осені. Крім того, зазначила, що інфляція сповільнюється.",
            "Катерина Рожкова",
        ),
        (
            "Министр иностранных дел Сергей Лавров заявил, что переговоры продолжаются."
            " Также отметил, что делегация вернётся в Москву на следующей неделе.",
            "Сергей Лавров",
        ),
        (
            "Міністр закордонних справ Андрій Сибіга заявив, що переговори тривають."
            " Водночас вказав, що делегація повернеться до Києва наступного тижня.",
            "Андрій Сибіга",
        ),
    ],
)
def test_a_dropped_subject_is_the_speaker_just_named(text: str, speaker: str) -> None:
    second = _quotes(text)[1]
    assert second[1] == speaker
    assert second[2] == "named"


@pytest.mark.parametrize(
    "text",
    [
        "Министр Сергей Лавров сказал, что переговоры идут. Официальный представитель МИД"
        " Мария Захарова добавила, что встреча перенесена. Кроме того, отметил, что визит"
        " состоится в марте.",
        "Міністр Андрій Сибіга сказав, що переговори тривають. Речниця МЗС Марія Іваненко"
        " додала, що зустріч перенесено. Крім того, зазначив, що візит відбудеться в березні.",
    ],
)
def test_the_dropped_subject_agrees_in_gender(text: str) -> None:
    """The masculine verb skips the woman who spoke last and takes the man before her."""
    assert _quotes(text)[2][1] in ("Сергей Лавров", "Андрій Сибіга")


@pytest.mark.parametrize(
    "text, body",
    [
        (
            "В Министерстве здравоохранения сообщили, что вакцина поступит в регионы в марте."
            " Также уточнили, что прививка будет бесплатной для пенсионеров.",
            "здравоохранени",
        ),
        (
            "У Міністерстві охорони здоров'я повідомили, що вакцина надійде до регіонів у"
            " березні. Також уточнили, що щеплення буде безкоштовним для пенсіонерів.",
            "здоров",
        ),
    ],
)
def test_a_plural_without_subject_is_the_body_that_spoke(text: str, body: str) -> None:
    first, second = _quotes(text)
    assert second[1] == first[1] and body in (second[1] or "")
    assert second[2] == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Министр транспорта Роман Старовойт провёл совещание в Казани. Сообщается, что"
        " обсуждались сроки строительства трассы.",
        "Міністр розвитку громад Олексій Кулеба провів нараду в Житомирі. Повідомляється, що"
        " обговорювали терміни будівництва траси.",
        "Глава Центробанка Эльвира Набиуллина заявила, что ставка останется прежней. Также"
        " сообщалось, что банки снизят проценты по вкладам.",
    ],
)
def test_an_impersonal_report_names_no_one(text: str) -> None:
    last = _quotes(text)[-1]
    assert last[1] is None and last[2] == "anonymous"


def test_a_plural_after_a_person_names_no_one() -> None:
    text = (
        "Министр Сергей Лавров заявил, что переговоры продолжаются. Кроме того, сообщили,"
        " что встреча перенесена на март."
    )
    assert _quotes(text)[1][1] is None


@pytest.mark.parametrize(
    "text, outlet",
    [
        (
            "Министерство финансов в среду разместило облигации на 50 млрд рублей. Как пишет"
            " газета «Коммерсантъ», спрос на бумаги превысил предложение вдвое. По данным"
            " издания, крупнейшими покупателями стали госбанки.",
            "Коммерсантъ",
        ),
        (
            "Міністерство фінансів у середу розмістило облігації на 50 млрд гривень. Як пише"
            " видання «Економічна правда», попит на папери вдвічі перевищив пропозицію. За"
            " даними видання, найбільшими покупцями стали держбанки.",
            "Економічна правда",
        ),
        (
            "Про це пише Григорій Бондар на сайті «МедіаПорт». Як зазначає видання, ціни на"
            " проїзд зросли вдвічі за рік.",
            "МедіаПорт",
        ),
    ],
)
def test_a_bare_outlet_noun_is_the_outlet_named(text: str, outlet: str) -> None:
    assert _quotes(text)[-1][1] == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Министерство обороны сообщило, что учения завершены. По данным издания, в них"
        " участвовали две тысячи военных.",
        "Міністерство оборони повідомило, що навчання завершено. За даними видання, у них"
        " брали участь дві тисячі військових.",
        "Указ опубликован на сайте Кремля. По данным издания, документ вступает в силу немедленно.",
    ],
)
def test_a_ministry_is_no_outlet(text: str) -> None:
    """With no outlet named, 'издание' stays an unnamed outlet, not the ministry."""
    last = _quotes(text)[-1]
    assert last[1] in ("издание", "издания", "видання")


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Между тем, по словам источника в отрасли, экспорт зерна в этом году сократится.",
            "экспорт зерна в этом году сократится",
        ),
        (
            "Тим часом, за словами джерела в галузі, експорт зерна цього року скоротиться.",
            "експорт зерна цього року скоротиться",
        ),
        (
            "Кроме того, по данным газеты, новый владелец фирмы раньше был водителем мэра.",
            "новый владелец фирмы раньше был водителем мэра",
        ),
        (
            "Рост зарплат, по словам аналитика Ильи Маркина, отстаёт от инфляции уже год.",
            "Рост зарплат, по словам аналитика Ильи Маркина, отстаёт от инфляции уже год",
        ),
        (
            "За словами співрозмовника «Економічної правди» в уряді, рішення ще не ухвалено.",
            "рішення ще не ухвалено",
        ),
        (
            "По словам собеседника «Ведомостей» в правительстве, решение ещё не принято.",
            "решение ещё не принято",
        ),
        (
            "Він, за словами міністра, залишив країну вчора ввечері.",
            "Він, за словами міністра, залишив країну вчора ввечері",
        ),
    ],
)
def test_a_connective_before_the_according_phrase_is_no_content(text: str, content: str) -> None:
    assert _quotes(text)[0][0] == content


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "«Если сильно захотеть, можно всего добиться», – сказал им летчик-космонавт.",
            "летчик-космонавт",
        ),
        (
            "«Якщо дуже захотіти, можна всього досягти», – сказав їм льотчик-космонавт.",
            "льотчик-космонавт",
        ),
        (
            "Голова Сумської ОВА Володимир Артюх повідомив, що безпілотник атакував житловий"
            " будинок у Шостці.",
            "Володимир Артюх",
        ),
    ],
)
def test_speakers_past_a_pronoun_or_an_unknown_abbreviation(text: str, speaker: str) -> None:
    assert _quotes(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Об этом рассказал политолог \nАндрей Смирнов\n. По его словам, переговоры"
            " продолжатся после выборов.",
            "переговоры продолжатся после выборов",
            "Андрей Смирнов",
        ),
        (
            "Про це розповів політолог \nАндрій Коваленко\n. За його словами, переговори"
            " продовжаться після виборів.",
            "переговори продовжаться після виборів",
            "Андрій Коваленко",
        ),
        (
            "Депутат высказался о новых тарифах.\n«\nЛюди не должны платить за ошибки"
            " чиновников\n», — написал \nОлег Морозов\n в своём канале.",
            "Люди не должны платить за ошибки чиновников",
            "Олег Морозов",
        ),
        (
            "Депутат висловився про нові тарифи.\n«\nЛюди не повинні платити за помилки"
            " чиновників\n», — написав \nОлег Мороз\n у своєму каналі.",
            "Люди не повинні платити за помилки чиновників",
            "Олег Мороз",
        ),
    ],
)
def test_a_posts_link_on_its_own_line_stays_in_its_sentence(
    text: str, content: str, speaker: str
) -> None:
    assert (content, speaker) in [(c, s) for c, s, _ in _quotes(text)]


@pytest.mark.parametrize(
    "text, inline",
    [
        ("рассказал экс-нардеп \nИгорь Смирнов\n. Дальше", [True, True]),
        ("«\nЕсли захотеть\n», — сказал он", [True, True]),
        ("ничего не боится \nЕвгений Орлов\n из Одесской области", [True, True]),
        ("Тот самый, \nкоторый купил дом", [True]),
        ("Сон важен, считают психологи\nЭксперты заявили, что", [False]),
        ("Так считает мужчина \nБлокнот Россия", [False]),  # a channel's signature
        ("— отмечает \nМосийчук\n.", [True, True]),
        ("Headline \nThe minister said on Monday that the talks would resume next year.", [False]),
        ("Орган:\n- координує дії\n- забезпечує зв'язок", [False, False]),
        ("Абзац один.\n \nАбзац два.", [False, False]),
    ],
)
def test_inline_breaks(text: str, inline: list[bool]) -> None:
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    assert [inline_break(text, at) for at in breaks] == inline


def test_paragraphs_join_across_inline_breaks_only() -> None:
    text = "Об этом рассказал политолог \nАндрей Смирнов\n. По его словам, всё решено.\nНовости"
    paras = [text[s:e] for s, e in paragraph_spans(text)]
    assert paras == [
        "Об этом рассказал политолог \nАндрей Смирнов\n. По его словам, всё решено.",
        "Новости",
    ]


def test_outlet_names_in_marks() -> None:
    text = "Як пише видання «Економічна правда», а також телеканал «Рада». ТОВ «Житлобуд»"
    assert [text[s:e] for s, e in outlet_names(text)] == ["Економічна правда", "Рада"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Министр Сергей Лавров заявил, что переговоры продолжаются. Также подчёркивает,"
            " что визит в Пекин состоится в марте.",
            "Сергей Лавров",
        ),
        (
            "Міністр Андрій Сибіга заявив, що переговори тривають. Також наголошує, що візит"
            " до Варшави відбудеться в березні.",
            "Андрій Сибіга",
        ),
        (
            "В Кремле заявили, что переговоры продолжаются. Также сообщает, что визит в Пекин"
            " состоится в марте.",
            None,
        ),
    ],
)
def test_a_present_tense_without_subject_takes_only_a_person(
    text: str, speaker: str | None
) -> None:
    """A present tense shows no gender: the person who spoke last, never a body."""
    assert _quotes(text)[1][1] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "«Айн Рэнд – одна из моих любимых писательниц, я прочитала все её книги, –"
            " рассказывает телеведущая Ольга Фреймут. – Это женщина, не сломленная"
            " обстоятельствами».",
            "Ольга Фреймут",
        ),
        (
            "«Айн Ренд – одна з моїх улюблених письменниць, я прочитала всі її твори, –"
            " розповідає телеведуча Ольга Фреймут. – Це жінка, нескорена життєвими"
            " обставинами».",
            "Ольга Фреймут",
        ),
    ],
)
def test_a_dash_inside_the_first_part_of_an_interrupted_quotation(text: str, speaker: str) -> None:
    """«Q1 – more of Q1, – says X. – Q2»: the attribution is the dashes' pair with a cue."""
    ((content, said, _),) = _quotes(text)
    assert said == speaker
    assert content.startswith("Айн") and content.endswith(("обстоятельствами", "обставинами"))


@pytest.mark.parametrize(
    "text, court",
    [
        (
            "ПАТ «Чорноморець» подало позов до Господарського суду Одеської області. Суд"
            " вказав, що руйнування пам'ятки не є підставою для виключення її з реєстру.",
            "Господарський суд Одеської області",
        ),
        (
            "ПАО «Черноморец» подало иск в Хозяйственный суд Одесской области. Суд указал,"
            " что разрушение памятника не является основанием для исключения его из реестра.",
            "Хозяйственный суд",  # the entity natasha names
        ),
        (
            "ТОВ «Демурінський ГЗК» орендувало землі промисловості. Суд наголосив, що"
            " договори оренди були укладені з порушеннями.",
            "Суд",
        ),
        (
            "ТОВ «Демурінський ГЗК» орендувало землі промисловості, повідомляє прес-служба"
            " обласної прокуратури.",
            "прес-служба обласної прокуратури",
        ),
    ],
)
def test_a_court_takes_up_a_court_not_the_company_named_last(text: str, court: str) -> None:
    assert _quotes(text)[-1][1] == court


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "За словами директора «Національного туристичного офісу» Олега Литвяка, німецька"
            " сторона запропонувала містам безкоштовну участь.",
            "Олег Литвяк",
        ),
        (
            "По словам гендиректора «Аэрофлота» Сергея Александровского, компания сократит"
            " рейсы в Азию.",
            "Сергей Александровский",
        ),
    ],
)
def test_the_name_after_a_quoted_body_in_an_according_phrase(text: str, speaker: str) -> None:
    content, said, _ = _quotes(text)[0]
    assert said == speaker and not content.startswith(("Олег", "Серг"))


@pytest.mark.parametrize(
    "headline, speaker",
    [
        ("Песков: Кремль не будет комментировать слухи об отставке", "Песков"),
        ("Сибіга: Україна не погодиться на заморожування війни", "Сибіга"),
        ("Украинские СМИ: мобилизация продлится до осени", "СМИ"),
        ("Джерело в Офісі президента: уряд піде у відставку", "Джерело в Офісі президента"),
        ("Politico: Белый дом готовит новые санкции", "Politico"),
        ("Форточка в Европу: олигархи ввезли через Беларусь три тысячи машин", None),
        ("Сдался в первом же бою: пленный рассказал о медкомиссии", None),
        ("Кватирка в Європу: олігархи ввезли через Білорусь три тисячі авто", None),
    ],
)
def test_a_colon_headline_speaks_only_through_a_name_or_a_noun_for_a_speaker(
    headline: str, speaker: str | None
) -> None:
    tail = "Новость дня." if any(c in headline for c in "ыэъ") else "Новина дня."
    quotes = _quotes(f"{headline}\n\n{tail}")
    assert [s for _, s, _ in quotes] == ([speaker] if speaker else [])


def test_a_title_is_not_the_place_in_its_genitive() -> None:
    text = (
        "Україна наростить виробництво дронів. Про це розповів ексміністр оборони України в"
        " ефірі телемарафону."
    )
    d = presslens.analyze(text).to_dict()
    (quote,) = d["quotes"]
    assert quote["speaker"]["entity"] is None
    assert next(s["basis"] for s in d["sourcing"]) == "named"


def test_ukrainian_prepositions_are_not_nouns_after_a_name() -> None:
    """'під' is also a noun in the dictionary; after a name it was read as the speaker."""
    text = (
        "«Це кінець монополії на ринку палива», – зазначив Герман Галущенко під час"
        " урочистостей на станції."
    )
    assert _quotes(text)[0][1] == "Герман Галущенко"


def test_adverbs_are_no_speaker() -> None:
    text = "Спочатку публікують витяги із закону, тепер вже пишуть, що це фейк і провокація."
    assert _quotes(text)[0][1] is None


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Франция поставит Украине сотни бронетранспортёров\nОб этом заявил министр обороны"
            " Франции Себастьен Лекорню в интервью газете.",
            "Себастьен Лекорню",
        ),
        (
            "Франція постачатиме Україні сотні бронетранспортерів\nПро це заявив міністр"
            " оборони Франції Себастьєн Лекорню в інтерв'ю газеті.",
            "Себастьєн Лекорню",
        ),
    ],
)
def test_a_headline_is_reported_by_the_sentence_right_after_it(text: str, speaker: str) -> None:
    (quote,) = presslens.analyze(text).to_dict()["quotes"]
    span, said = quote["span"], quote["speaker"]["span"]
    assert text[span[0] : span[1]].startswith("Франц")
    assert text[said[0] : said[1]].endswith(speaker)


def test_a_headline_is_not_reported_from_further_down() -> None:
    text = (
        "Учения флота\n\nВ Черном море начались учения. Корабли вышли из Севастополя утром."
        " Об этом сообщил командующий флотом Сергей Петров."
    )
    assert all(not c.startswith("Учения") for c, _, _ in _quotes(text))


@pytest.mark.parametrize(
    "text, speaker, basis",
    [
        (
            "«Мы видим признаки подготовки», — заявил неназванный представитель разведки.",
            "неназванный представитель разведки",
            "anonymous",
        ),
        (
            "«Ми бачимо ознаки підготовки», — заявив неназваний представник розвідки.",
            "неназваний представник розвідки",
            "anonymous",
        ),
        (
            "Как заявил госсекретарь Ватикана, Святой престол готов к посредничеству.",
            "госсекретарь Ватикана",
            "named",
        ),
        (
            "В военкомате они ему объяснили, что отсрочка больше не действует.",
            "они",
            "organisation",
        ),
        ("Вони йому пояснили, що відстрочка більше не діє.", "Вони", "organisation"),
    ],
)
def test_unnamed_sources_titles_and_pronouns(text: str, speaker: str, basis: str) -> None:
    d = presslens.analyze(text).to_dict()
    (quote,) = d["quotes"]
    span = quote["speaker"]["span"]
    assert text[span[0] : span[1]] == speaker and quote["speaker"]["entity"] is None
    assert d["sourcing"][0]["basis"] == basis


@pytest.mark.parametrize(
    "text",
    [
        "Экс-нардеп, подозреваемый в госизмене, давно покинул страну и живет в Вене.",
        "Сигнал, предупреждающий о воздушной тревоге, прозвучал в Киеве трижды за ночь.",
    ],
)
def test_a_participle_that_describes_reports_nothing(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "У грудні минулого року прокурор Запорізької області повідомив, що справу"
            " передано до суду.",
            "прокурор Запорізької області",
        ),
        (
            "В декабре прошлого года прокурор Запорожской области сообщил, что дело передано"
            " в суд.",
            "прокурор Запорожской области",
        ),
    ],
)
def test_a_date_before_the_subject_is_not_the_speaker(text: str, speaker: str) -> None:
    d = presslens.analyze(text).to_dict()
    (quote,) = d["quotes"]
    span = quote["speaker"]["span"]
    assert text[span[0] : span[1]] == speaker and quote["speaker"]["entity"] is None
    assert d["sourcing"][0]["basis"] == "named"


@pytest.mark.parametrize(
    "text",
    [
        "За даними реєстру нерухомості, квартира належить дружині судді.",
        "Согласно данным реестра юрлиц, компания зарегистрирована на Кипре.",
    ],
)
def test_a_public_register_is_a_documentary_source(text: str) -> None:
    assert _quotes(text)[0][2] == "organisation"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Как уточнил зампред правительства РФ, трасса откроется в мае.",
            "зампред правительства РФ",
        ),
        ("«Станція працює стабільно», — зауважив очільник НАЕК.", "очільник НАЕК"),
    ],
)
def test_more_titles_name_a_person_not_the_body_in_their_genitive(text: str, speaker: str) -> None:
    d = presslens.analyze(text).to_dict()
    (quote,) = d["quotes"]
    span = quote["speaker"]["span"]
    assert text[span[0] : span[1]] == speaker
    assert d["sourcing"][0]["basis"] == "named"


@pytest.mark.parametrize(
    "text, content",
    [
        ("Как пишет газета «Ведомости», поставки задерживаются.", "поставки задерживаются"),
        ("Як пише «Економічна правда», постачання затримуються.", "постачання затримуються"),
    ],
)
def test_a_subject_and_its_predicate_suffice_after_as_reports(text: str, content: str) -> None:
    assert [c for c, _, _ in _quotes(text)] == [content]


def test_as_reports_still_need_a_clause() -> None:
    assert _quotes("Как сообщает ТАСС, без изменений.") == []


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Слідчі відкрили справу проти керівника громади в Києві, про це повідомив прокурор"
            " області Іван Петренко.",
            "Слідчі відкрили справу проти керівника громади в Києві",
            "Іван Петренко",
        ),
        (
            "Следователи возбудили дело против руководителя общины в Москве, об этом сообщил"
            " прокурор области Иван Петров.",
            "Следователи возбудили дело против руководителя общины в Москве",
            "Иван Петров",
        ),
    ],
)
def test_about_this_after_a_comma_reports_the_clause_before(
    text: str, content: str, speaker: str
) -> None:
    assert _quotes(text) == [(content, speaker, "named")]


def test_a_post_whose_first_sentence_a_link_broke_has_no_headline() -> None:
    from presslens.anatomy.dissect import dissect

    text = (
        "Жертвы преследований вынуждены прибегать к голодовке\n, заявил правозащитник \n"
        "Алексей Смирнов\n в комментарии изданию.\nПо его словам, голодовка помогает."
    )
    anatomy = dissect(text)
    assert anatomy.headline is None
    assert _quotes(text)[0][0] == "Жертвы преследований вынуждены прибегать к голодовке"
