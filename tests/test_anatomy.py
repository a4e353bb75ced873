"""The anatomy stage: seed acceptance, paragraphs, boilerplate, bylines, odd input."""

from __future__ import annotations

import pytest

from presslens.anatomy import dissect
from presslens.anatomy.boilerplate import is_boilerplate, is_timestamp
from presslens.anatomy.byline import is_byline
from presslens.anatomy.lines import paragraph_spans
from presslens.document import Anatomy, Document, Metadata
from presslens.settings import get_settings
from presslens.stages.anatomy import AnatomyStage


def texts(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def assert_clean_spans(text: str, a: Anatomy) -> None:
    """Every span lies inside the text and has no surrounding whitespace."""
    spans = [*a.paragraphs, *a.sentences, *a.boilerplate]
    spans += [sp for sp in (a.headline, a.standfirst, a.byline) if sp is not None]
    if a.dateline is not None:
        spans.append(a.dateline.span)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()


# --------------------------------------------------------------------------- seed
def test_seed_acceptance(seed_text: str):
    a = AnatomyStage(get_settings()).run(Document(seed_text))
    assert seed_text[a.headline[0] : a.headline[1]] == (
        "Russian Foreign Intelligence Service suggests Ukrainian diplomats flee to Moscow"
    )
    standfirst = seed_text[a.standfirst[0] : a.standfirst[1]]
    assert standfirst.startswith("As SVR Director Sergey Naryshkin pointed out")
    assert a.standfirst in a.paragraphs
    d = a.dateline
    assert (d.place, d.date, d.agency) == ("MOSCOW", "June 20", "TASS")
    assert seed_text[d.span[0] : d.span[1]] == "MOSCOW, June 20. /TASS/."
    assert d.span[0] == a.paragraphs[3][0]  # the dateline opens the 4th paragraph
    assert texts(seed_text, a.boilerplate) == ["All news"]
    assert a.byline is None
    assert len(a.paragraphs) == 8
    assert_clean_spans(seed_text, a)


def test_stage_protocol():
    stage = AnatomyStage(get_settings())
    assert (stage.name, stage.needs, stage.adds) == ("anatomy", (), "anatomy")


def test_title_from_metadata_is_the_headline():
    text = "Markets rally\nBy Jane Doe\nLONDON, June 20 (Reuters) - Shares rose on Friday.\nMore."
    doc = Document(text, metadata=Metadata(title="Markets rally"))
    a = AnatomyStage(get_settings()).run(doc)
    assert texts(text, [a.headline]) == ["Markets rally"]
    assert texts(text, [a.byline]) == ["By Jane Doe"]
    assert a.dateline.agency == "Reuters"


# --------------------------------------------------------------------------- head
def test_standfirst_and_byline_without_dateline():
    text = (
        "Scientists map deep-sea vents\n\nThe expedition found twelve vents\n\nBy Alan Greer\n\n"
        "Researchers aboard the vessel mapped the field. They will return next year."
    )
    a = dissect(text)
    assert texts(text, [a.headline, a.standfirst, a.byline]) == [
        "Scientists map deep-sea vents",
        "The expedition found twelve vents",
        "By Alan Greer",
    ]
    assert a.dateline is None


def test_no_headline_when_text_starts_with_dateline():
    text = "WASHINGTON (AP) — The Senate voted on Wednesday. The bill goes to the House."
    a = dissect(text)
    assert a.headline is None and a.standfirst is None
    assert a.dateline.place == "WASHINGTON"


def test_section_label_over_headline_is_boilerplate():
    text = "Markets\n\nWall Street ends higher\n\nNEW YORK, March 3 (Reuters) - Stocks rose."
    a = dissect(text)
    assert texts(text, a.boilerplate) == ["Markets"]
    assert texts(text, [a.headline]) == ["Wall Street ends higher"]


def test_place_alone_on_a_line():
    text = (
        "Exports rise 8% in May\n\nANKARA\n\n"
        "Exports rose 8% year on year in May to reach $22 billion, the minister said."
    )
    a = dissect(text)
    assert a.dateline.place == "ANKARA" and a.dateline.agency is None
    assert texts(text, [a.headline]) == ["Exports rise 8% in May"]


# ---------------------------------------------------------------------- paragraphs
def test_paragraphs_blank_line_separated():
    text = "  First para\nline two  \n\n\n Second para \n \t\nThird"
    assert texts(text, paragraph_spans(text)) == ["First para\nline two", "Second para", "Third"]


def test_paragraphs_fall_back_to_lines():
    text = "Title\nFirst paragraph here.\nSecond paragraph here.\n"
    assert texts(text, paragraph_spans(text)) == [
        "Title",
        "First paragraph here.",
        "Second paragraph here.",
    ]


def test_crlf_input():
    text = "All news\r\n\r\nTalks resume\r\n\r\nPARIS (AFP) - Talks resumed. They ended.\r\n"
    a = dissect(text)
    assert texts(text, a.paragraphs) == [
        "All news",
        "Talks resume",
        "PARIS (AFP) - Talks resumed. They ended.",
    ]
    assert texts(text, a.boilerplate) == ["All news"]
    assert texts(text, a.sentences) == ["Talks resume", "Talks resumed.", "They ended."]
    assert_clean_spans(text, a)


# ---------------------------------------------------------------------- odd input
@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n", "\r\n\r\n", "\ufeff\n"])
def test_empty_ish_input(text: str):
    a = dissect(text)
    assert a == Anatomy()


def test_one_long_line():
    text = ("The committee met again on Tuesday. " * 400).strip()
    a = dissect(text)
    assert a.paragraphs == ((0, len(text)),)
    assert len(a.sentences) == 400
    assert a.headline is None
    assert_clean_spans(text, a)


def test_only_punctuation_and_numbers():
    text = "***\n\n12345\n\n!!!"
    a = dissect(text)
    assert_clean_spans(text, a)
    assert texts(text, a.boilerplate) == ["***"]


# ---------------------------------------------------------------------- boilerplate
@pytest.mark.parametrize(
    "line",
    [
        "All news",
        "Read more",
        "Share",
        "Share this article",
        "Subscribe",
        "Follow us on Telegram",
        "Advertisement",
        "Photo: John Park/AP",
        "We use cookies to improve your experience. By continuing you accept our policy.",
        "Все новости",
        "Читайте также",
        "Читайте также: Курс рубля снизился",
        "Поделиться",
        "Подписывайтесь на наш канал в Telegram",
        "Реклама",
        "Фото: Иван Петров",
        "Усі новини",
        "Всі новини",
        "Читайте також: У місті оновлять зупинки",
        "Підписуйтеся на наш Telegram-канал",
        "Головна",
        "20 June 2024, 14:35",
        "June 20, 2024 10:15 AM",
        "20.06.2024 14:35",
        "Home > World > Europe",
        "* * *",
        "https://example.org/news/123",
        "3 min read",
        "© 2024 Example Media. All rights reserved.",
    ],
)
def test_boilerplate_lines(line: str):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Russian Foreign Intelligence Service suggests Ukrainian diplomats flee to Moscow",
        "MOSCOW, June 20. /TASS/. The ministry said so.",
        "Share prices fell sharply on Monday after the announcement.",
        "Читайте также заявление министерства, опубликованное в понедельник.",
        "Новости о переговорах появились в понедельник утром.",
        "1.",
        "(Col. 1:26, 24).",
        "The vote was 248-250.",
        "He subscribed to the theory years ago.",
    ],
)
def test_not_boilerplate(line: str):
    assert not is_boilerplate(line)


def test_timestamps():
    assert is_timestamp("Updated 10:15 GMT, 20 June 2024")
    assert not is_timestamp("248-250")


# ---------------------------------------------------------------------- bylines
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", True),
        ("By JANE DOE and JOHN ROE Associated Press", True),
        ("By Tom Harlow and Priya Nandakumar", True),
        ("Автор: Иван Петров", True),
        ("Автор: Олена Коваль", True),
        ("By Thursday the talks had stalled.", False),
        ("By the end of the year, prices rose.", False),
        ("Bypass road opens", False),
    ],
)
def test_bylines(line: str, expected: bool):
    assert is_byline(line) is expected


def test_russian_dispatch():
    text = (
        "Все новости\n\nПравительство продлило программу\n\n"
        "МОСКВА, 20 июня. /ТАСС/. Правительство продлило программу до конца года. "
        "Об этом сообщил С. Е. Иванов."
    )
    a = dissect(text)
    assert texts(text, [a.headline]) == ["Правительство продлило программу"]
    assert (a.dateline.place, a.dateline.date, a.dateline.agency) == ("МОСКВА", "20 июня", "TASS")
    assert texts(text, a.sentences)[1:] == [
        "Правительство продлило программу до конца года.",
        "Об этом сообщил С. Е. Иванов.",
    ]


@pytest.mark.parametrize("line", ["| Pos | Player | Plays | % |", "|---|---|---|"])
def test_table_rows_are_content(line: str):
    assert not is_boilerplate(line)


def test_capitalised_subhead_deep_in_the_body_is_not_a_dateline():
    lead = "The committee met again on Tuesday to discuss the budget for the coming year, " * 2
    text = (
        "Budget talks continue\n\n"
        + "\n\n".join([lead.strip()] * 3)
        + ("\n\nQUESTIONABLE CLAIMS — For years, the committee has argued about the numbers in it.")
    )
    assert dissect(text).dateline is None
