"""Dateline shapes of the major agencies and of papers without one."""

from __future__ import annotations

import pytest

from presslens.anatomy.agencies import canonical_agency
from presslens.anatomy.dateline import parse_dateline, parse_place_line

BODY = " The officials said the talks would continue next week in the capital."

# (dateline as written, place, date, agency)
SHAPES = [
    ("MOSCOW, June 20. /TASS/.", "MOSCOW", "June 20", "TASS"),
    ("МОСКВА, 20 июня. /ТАСС/.", "МОСКВА", "20 июня", "TASS"),
    ("KYIV, June 20 (Reuters) -", "KYIV", "June 20", "Reuters"),
    ("LONDON, Jan 5 (Reuters) -", "LONDON", "Jan 5", "Reuters"),
    ("WASHINGTON (AP) —", "WASHINGTON", None, "AP"),
    ("SPRINGFIELD, Ill. (AP) —", "SPRINGFIELD, Ill.", None, "AP"),
    ("KYIV, Ukraine (AP) —", "KYIV, Ukraine", None, "AP"),
    ("PARIS (AFP) -", "PARIS", None, "AFP"),
    ("MOSCOW, June 20 (Interfax) -", "MOSCOW", "June 20", "Interfax"),
    ("Moscow. June 20. INTERFAX -", "Moscow", "June 20", "Interfax"),
    ("Москва. 20 июня. INTERFAX.RU -", "Москва", "20 июня", "Interfax"),
    ("МОСКВА, 20 июн — РИА Новости.", "МОСКВА", "20 июн", "RIA Novosti"),
    ("Kyiv, June 20 (Ukrinform)", "Kyiv", "June 20", "Ukrinform"),
    ("Київ, 20 червня (Укрінформ) –", "Київ", "20 червня", "Ukrinform"),
    ("KRYVYI RIH, 5 січня (УНІАН) —", "KRYVYI RIH", "5 січня", "UNIAN"),
    ("BEIJING, June 20 (Xinhua) --", "BEIJING", "June 20", "Xinhua"),
    ("ANKARA (AA) -", "ANKARA", None, "Anadolu"),
    ("Berlin (dpa) -", "Berlin", None, "dpa"),
    ("Madrid, Jun 20 (EFE).-", "Madrid", "Jun 20", "EFE"),
    ("RIO DE JANEIRO, Sept 18 (Reuters) -", "RIO DE JANEIRO", "Sept 18", "Reuters"),
    ("Rio de Janeiro, Sept 18 (Reuters) -", "Rio de Janeiro", "Sept 18", "Reuters"),
    ("ST. PETERSBURG, June 5. /TASS/.", "ST. PETERSBURG", "June 5", "TASS"),
    ("GENEVA, Jan. 5 (Xinhua) --", "GENEVA", "Jan. 5", "Xinhua"),
    ("NEW YORK, June 20, 2024 (Reuters) -", "NEW YORK", "June 20, 2024", "Reuters"),
    ("DNIPRO, Ukraine, April 2 (Reuters) -", "DNIPRO, Ukraine", "April 2", "Reuters"),
    ("(Bloomberg) --", None, None, "Bloomberg"),
    ("LONDON —", "LONDON", None, None),
    ("WASHINGTON, June 20 —", "WASHINGTON", "June 20", None),
    ("Brussels, 5 January —", "Brussels", "5 January", None),
    ("ROSTOV-ON-DON, 9 апр — РИА Новости.", "ROSTOV-ON-DON", "9 апр", "RIA Novosti"),
    ("LAGOS (NAN) -", "LAGOS", None, "NAN"),  # an agency not in the table, in brackets
    ("WASHINGTON, Tuesday (AP) —", "WASHINGTON", "Tuesday", "AP"),
    ("BERLIN, Friday, June 21 (dpa) -", "BERLIN", "Friday, June 21", "dpa"),
]


@pytest.mark.parametrize(("written", "place", "date", "agency"), SHAPES)
def test_dateline_shapes(written: str, place: str | None, date: str | None, agency: str | None):
    text = written + BODY
    d = parse_dateline(text, 0, len(text))
    assert d is not None, written
    assert (d.place, d.date, d.agency) == (place, date, agency)
    assert text[d.span[0] : d.span[1]] == written


@pytest.mark.parametrize(
    "line",
    [
        "The World Health Organization (WHO) has issued a warning about the outbreak.",
        "Rep. Jane Roe (D-CA), the chair of the committee, said the hearing would resume.",
        "Sen. John Doe (R-Texas) — Announced his bid on a rainy Monday in the state capital.",
        "Moscow — a city of twelve million — woke up to snow on Monday.",
        "As SVR Director Sergey Naryshkin pointed out, the staff were leaving.",
        "WASHINGTON, June 20 — The White House.",  # too short after a bare dash? has a date
        "UKRAINE — Talks resume",
        "EXCLUSIVE — The minister told our reporter about the plan on a visit last week.",
        "Geneva - The talks resumed on Wednesday after a two-week pause in the city.",
    ],
)
def test_prose_is_not_a_dateline(line: str):
    d = parse_dateline(line, 0, len(line))
    # A dated bare dash is a dateline without agency; it must never invent one.
    assert d is None or (d.agency is None and d.date is not None)


def test_known_agency_marks_need_the_table():
    text = "WASHINGTON, June 20 — Congress. The vote was delayed again on Thursday afternoon."
    d = parse_dateline(text, 0, len(text))
    assert d is not None and d.agency is None


def test_dateline_inside_a_line_offsets():
    text = "Headline\n\nMOSCOW, June 20. /TASS/. Text of the dispatch follows here."
    start = text.index("MOSCOW")
    d = parse_dateline(text, start, len(text))
    assert d is not None and text[d.span[0] : d.span[1]] == "MOSCOW, June 20. /TASS/."


def test_place_line():
    assert parse_place_line("ANKARA", 0, 6).place == "ANKARA"
    assert parse_place_line("Ankara", 0, 6) is None
    assert parse_place_line("BREAKING NEWS FROM THE CAPITAL TODAY", 0, 36) is None


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("ТАСС", "TASS"),
        ("INTERFAX.RU", "Interfax"),
        ("Укрінформ", "Ukrinform"),
        ("РИА Новости", "RIA Novosti"),
        ("Associated Press", "AP"),
        ("AA", "Anadolu"),
        ("Інтерфакс-Україна", "Interfax-Ukraine"),
        ("nobody", None),
    ],
)
def test_agency_spellings(spelling: str, canonical: str | None):
    assert canonical_agency(spelling) == canonical
