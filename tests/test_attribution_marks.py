"""Quotation-mark pairing: the layouts real dispatches use (no models needed)."""

from __future__ import annotations

from presslens.attribution.marks import find_quotes, paragraphs


def contents(text: str) -> list[str]:
    return [text[q.span[0] : q.span[1]] for q in find_quotes(text)]


def test_straight_and_typographic_marks() -> None:
    text = 'He said "we are ready." She said “we are not,” and left. «Non» dit-il. „Ja“ sagte er.'
    assert contents(text) == ["we are ready.", "we are not", "Non", "Ja"]


def test_apostrophes_are_not_marks() -> None:
    text = "The minister’s aide said ‘nobody’s leaving’ and the officers’ union agreed."
    assert contents(text) == ["nobody’s leaving"]


def test_nested_single_quotes_stay_inside() -> None:
    text = "“They called it ‘a plan’ all along,” the mayor said."
    assert contents(text) == ["They called it ‘a plan’ all along"]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        "The governor spoke at length.\n\n"
        "“We will rebuild the bridge.\n\n"
        "“And we will do it by spring,” she said."
    )
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert text[q.span[0] : q.span[1]].startswith("We will rebuild")
    assert text[q.span[0] : q.span[1]].endswith("by spring")
    assert len(q.parts) == 2


def test_odd_number_of_marks_does_not_swallow_text() -> None:
    text = (
        'The council said "the vote is final.\n\nLater, the clerk said "no comment" to reporters.'
    )
    found = contents(text)
    assert "no comment" in found
    assert all("Later" not in c for c in found)


def test_editorial_insertion_stays_in_content() -> None:
    text = '"After their [foreign] postings, they stay," the office said.'
    assert contents(text) == ["After their [foreign] postings, they stay"]


def test_paragraphs_split_on_blank_lines() -> None:
    text = "One.\n\nTwo.\n\n\nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_two_apostrophes_are_a_double_mark() -> None:
    text = "''It's a reform,'' the analyst said. The plan was ''taking shape'' slowly."
    assert contents(text) == ["It's a reform", "taking shape"]
