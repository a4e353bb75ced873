"""Sentence boundaries: abbreviations, initials, quotations, Cyrillic; offsets exact."""

from __future__ import annotations

import pytest

from presslens.anatomy import dissect
from presslens.anatomy.sentences import split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text, 0, len(text))
    for s, e in spans:
        piece = text[s:e]
        assert piece == piece.strip() and piece, (s, e)
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Sen. J. R. Smith arrived at 5 p.m. on Jan. 3. He left at noon.",
            ["U.S. Sen. J. R. Smith arrived at 5 p.m. on Jan. 3.", "He left at noon."],
        ),
        (
            "Mr. Brown met Dr. Green in St. Louis. They talked.",
            ["Mr. Brown met Dr. Green in St. Louis.", "They talked."],
        ),
        (
            "The talks were held in the U.S. The next round is in May.",
            ["The talks were held in the U.S.", "The next round is in May."],
        ),
        (
            "Director S. E. Naryshkin said so. Nobody objected.",
            ["Director S. E. Naryshkin said so.", "Nobody objected."],
        ),
        (
            "Директор СВР С. Е. Нарышкин заявил об этом. Других заявлений не было.",
            ["Директор СВР С. Е. Нарышкин заявил об этом.", "Других заявлений не было."],
        ),
        (
            "Заступник міністра О. В. Петренко прибув до Львова. Зустріч тривала годину.",
            ["Заступник міністра О. В. Петренко прибув до Львова.", "Зустріч тривала годину."],
        ),
        (
            "Цены выросли на 5 млн. рублей, т.е. заметно. Рынок отреагировал.",
            ["Цены выросли на 5 млн. рублей, т.е. заметно.", "Рынок отреагировал."],
        ),
        (
            '"We will come. We will stay," the minister said. Then he left.',
            ['"We will come.', 'We will stay," the minister said.', "Then he left."],
        ),
        (
            'He said it was "over." "It is not," she replied.',
            ['He said it was "over."', '"It is not," she replied.'],
        ),
        (
            "«Кто это сделал?» — спросил он. Ответа не было.",
            ["«Кто это сделал?» — спросил он.", "Ответа не было."],
        ),
        (
            "Is it true? Yes! It is... Really.",
            ["Is it true?", "Yes!", "It is...", "Really."],
        ),
        ("No. 5 was chosen. It won.", ["No. 5 was chosen.", "It won."]),
        (
            "Growth was 3.5 percent in 2023. 2024 will be slower.",
            ["Growth was 3.5 percent in 2023.", "2024 will be slower."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]):
    assert sentences(text) == expected


def test_offsets_are_exact_within_a_larger_text():
    text = "Intro.\n\n  First one.  Second one!\t\n"
    start = text.index("First")
    spans = split_sentences(text, start - 2, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one!"]


def test_dateline_makes_no_junk_sentence():
    text = "MOSCOW, June 20. /TASS/. Russia's agency said so. It added more."
    a = dissect(text)
    got = [text[s:e] for s, e in a.sentences]
    assert got == ["Russia's agency said so.", "It added more."]


def test_interfax_dateline_makes_no_junk_sentence():
    text = "Moscow. June 20. INTERFAX - The bank said so. It added more."
    got = [text[s:e] for s, e in dissect(text).sentences]
    assert got == ["The bank said so.", "It added more."]


def test_seed_sentences(seed_text: str):
    a = dissect(seed_text)
    got = [seed_text[s:e] for s, e in a.sentences]
    assert not any(g.startswith(("MOSCOW", "/TASS/")) for g in got)
    last_of_quote = (
        'We will ensure your personal safety and that of your families," the statement said.'
    )
    assert last_of_quote in got
    first_body = next(g for g in got if g.startswith("Russia’s"))
    assert first_body.endswith("the SVR press office told TASS.")
    assert all(g == g.strip() for g in got)


@pytest.mark.parametrize(
    "text",
    [
        "a" + "." * 200_000 + "b",
        ". " * 100_000,
        "a" + " " * 200_000 + "b",
        "Share\n\nText here.\n\n" * 20_000,
        '"(' * 50_000 + "X. Y. " * 20_000,
    ],
)
def test_pathological_input_is_linear(text: str):
    import time

    started = time.perf_counter()
    a = dissect(text)
    assert time.perf_counter() - started < 5.0  # quadratic behaviour would take minutes
    assert all(text[s:e] == text[s:e].strip() for s, e in a.sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The answer was no. The vote failed.", ["The answer was no.", "The vote failed."]),
        ("It opened in Jan. The crowds came.", ["It opened in Jan.", "The crowds came."]),
        ("Dr. Who arrived. Gen. Smith left.", ["Dr. Who arrived.", "Gen. Smith left."]),
    ],
)
def test_weak_abbreviations(text: str, expected: list[str]):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministry said in a statement posted on X. It added that talks would go on.",
            ["The ministry said in a statement posted on X.", "It added that talks would go on."],
        ),
        ("He wrote on X. The post was deleted.", ["He wrote on X.", "The post was deleted."]),
        # initials stay inside the sentence, a one-letter initial before another too
        ("Sen. J. A. Smith arrived. He spoke.", ["Sen. J. A. Smith arrived.", "He spoke."]),
        ("В. В. Путин прибыл в Минск.", ["В. В. Путин прибыл в Минск."]),
    ],
)
def test_a_one_letter_name_ends_a_sentence_before_an_opener(text: str, expected: list) -> None:
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected
