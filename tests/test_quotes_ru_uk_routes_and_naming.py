"""Russian and Ukrainian reports a verification desk meets in agency copy, each in both
languages: a title with its own adjunct before the name ('посол при ЕС Янош Кович'); an
undeclined agency between the verb and the subject ('Как заявил ТАСС пресс-секретарь');
a quoted outlet as whom it was told to ('сообщил «Ведомостям» источник'); a subject after
a clause-opening adjunct; a relayed report's cited source as the speaker ('со ссылкой на
собственные источники'); 'согласно докладу X, опубликованному ...'; and what a speaker
called a thing in quotation marks, a mixed quote as in English.

Written before the changes, from the shapes of wire copy, not from the rules.
"""

from __future__ import annotations

import pytest

import presslens


def _analysis(text: str) -> dict:
    return presslens.analyze(text).to_dict()


def _quotes(text: str) -> list[dict]:
    a = _analysis(text)
    names = {e["id"]: e["name"] for e in a["entities"]}
    out = []
    for q in a["quotes"]:
        s = q["speaker"] or {}
        out.append(
            {
                "content": text[q["span"][0] : q["span"][1]],
                "kind": q["kind"],
                "speaker": s.get("text"),
                "entity": names.get(s.get("entity")),
                "via": names.get(q.get("via")),
            }
        )
    return out


def _bases(text: str) -> list[str]:
    return [s["basis"] for s in _analysis(text)["sourcing"]]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Санкции не работают, заявил журналистам посол Венгрии при ЕС Янош Кович.", "Янош Кович"),
        ("Санкції не працюють, заявив журналістам посол Угорщини при ЄС Янош Ковач.", "Янош Ковач"),
    ],
)
def test_a_title_adjunct_does_not_cut_the_name_off(text: str, who: str) -> None:
    (q,) = _quotes(text)
    assert q["entity"] == who
    assert q["speaker"].endswith(who)
    assert _bases(text) == ["named"]


@pytest.mark.parametrize(
    ("text", "who", "via"),
    [
        (
            "Как заявил ТАСС пресс-секретарь МИД Сербии Милан Стоянович, визит пока"
            " не планируется.",
            "Милан Стоянович",
            "ТАСС",
        ),
        (
            "Як заявив УНІАН речник МЗС Польщі Павел Вроньський, візит поки не планується.",
            "Павел Вроньський",
            "УНІАН",
        ),
    ],
)
def test_an_undeclined_agency_before_the_subject_is_the_route(
    text: str, who: str, via: str
) -> None:
    (q,) = _quotes(text)
    assert (q["entity"], q["via"]) == (who, via)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Сделка уже закрыта, сообщил «Ведомостям» источник в банке.", "источник в банке"),
        ("Угоду вже закрито, повідомило «Економічній правді» джерело в банку.", "джерело в банку"),
    ],
)
def test_a_quoted_outlet_after_the_verb_is_whom_it_was_told_to(text: str, speaker: str) -> None:
    (q,) = _quotes(text)
    assert q["speaker"] == speaker
    assert q["via"] is not None
    assert _bases(text) == ["anonymous"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "После встречи с канцлером премьер-министр Словакии Роберт Фицо сказал:"
            " «Мы договорились»."
            " Детали он не раскрыл.",
            "Роберт Фицо",
        ),
        (
            "Після зустрічі з канцлером прем'єр-міністр Словаччини Роберт Фіцо сказав:"
            " «Ми домовилися»."
            " Деталей він не розкрив.",
            "Роберт Фіцо",
        ),
    ],
)
def test_the_subject_after_an_opening_adjunct(text: str, who: str) -> None:
    quotes = _quotes(text)
    assert quotes[0]["entity"] == who
    assert quotes[0]["kind"] == "direct"


@pytest.mark.parametrize(
    ("text", "speaker", "via", "basis"),
    [
        (
            "Как пишет Bloomberg со ссылкой на собственные источники, сделка сорвалась"
            " в последний момент.",
            "собственные источники",
            "Bloomberg",
            "anonymous",
        ),
        (
            "Як пише Bloomberg з посиланням на власні джерела, угода зірвалася в останній момент.",
            "власні джерела",
            "Bloomberg",
            "anonymous",
        ),
        (
            "Как передаёт Reuters со ссылкой на неназванных дипломатов, саммит перенесут на осень.",
            "неназванных дипломатов",
            "Reuters",
            "anonymous",
        ),
        (
            "Як передає Reuters з посиланням на неназваних дипломатів, саміт перенесуть на осінь.",
            "неназваних дипломатів",
            "Reuters",
            "anonymous",
        ),
    ],
)
def test_the_cited_source_speaks_and_the_outlet_relays(
    text: str, speaker: str, via: str, basis: str
) -> None:
    (q,) = _quotes(text)
    assert q["speaker"] == speaker
    assert q["via"] == via
    assert _bases(text) == [basis]


@pytest.mark.parametrize(
    ("text", "content", "who"),
    [
        (
            "Согласно данным Росстата, опубликованным в среду, инфляция замедлилась"
            " до семи процентов.",
            "инфляция замедлилась до семи процентов",
            "Росстат",
        ),
        (
            "Згідно з даними Держстату, оприлюдненими в середу, інфляція сповільнилася"
            " до семи відсотків.",
            "інфляція сповільнилася до семи відсотків",
            "Держстат",
        ),
    ],
)
def test_according_to_a_document_of_a_named_body(text: str, content: str, who: str) -> None:
    (q,) = _quotes(text)
    assert q["content"] == content
    assert q["speaker"] is not None and who[:6] in q["speaker"]
    assert _bases(text) == ["organisation"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Премьер Словакии Роберт Фицо назвал решение Брюсселя «политическим шантажом».",
            "решение Брюсселя «политическим шантажом»",
        ),
        (
            "Прем'єр Словаччини Роберт Фіцо назвав рішення Брюсселя «політичним шантажем».",
            "рішення Брюсселя «політичним шантажем»",
        ),
    ],
)
def test_what_a_speaker_called_it_is_a_mixed_quote(text: str, content: str) -> None:
    (q,) = _quotes(text)
    assert (q["content"], q["kind"]) == (content, "mixed")
    assert q["entity"] is not None and q["entity"].startswith("Роберт")


@pytest.mark.parametrize(
    "text",
    [
        "Так называемый «налог на роскошь» вступит в силу в июле.",
        "Так званий «податок на розкіш» набуде чинності в липні.",
        "Это решение называют «историческим».",
        "Це рішення називають «історичним».",
    ],
)
def test_a_name_without_a_speaker_is_no_quote(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Як пише Bloomberg, угоду підписано.", ["Bloomberg"]),
        ("Про це повідомило видання Politico.", ["Politico"]),
        (
            "Угоду підписано, передає Reuters з посиланням на Financial Times.",
            ["Reuters", "Financial Times"],
        ),
        ("Він їхав на Skoda Superb у XXI столітті.", []),
        ("Рід Amanita налічує сотні видів.", []),
    ],
)
def test_latin_outlet_names_in_ukrainian_text(text: str, names: list[str]) -> None:
    from presslens.entities.ukrainian import latin_names

    assert [text[s:e] for s, e in latin_names(text)] == names


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "На запитання про можливу відставку уряду речник президента Сергій Никифоров"
            " відповів: «Такі питання зараз не обговорюються».",
            "речник президента",
        ),
        (
            "На вопрос о возможной отставке правительства пресс-секретарь президента Дмитрий"
            " Песков ответил: «Такие вопросы сейчас не обсуждаются».",
            "пресс-секретарь президента",
        ),
    ],
)
def test_a_title_begins_at_its_head_not_at_the_adjunct(text: str, title: str) -> None:
    (person,) = [e for e in _analysis(text)["entities"] if e["type"] == "PERSON"]
    assert person["titles"] == [title]
