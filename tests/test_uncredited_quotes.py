"""Quotations credited to nobody: their own layer, not quotes (issue 19).

A quotation with no cue and no speaker is someone's words, but no attribution: it goes
to ``uncredited_quotes`` (ids u1, u2, ...), sourcing still reads its sentence as
someone's words (``anonymous``), a technique inside it names it, and every view shows
it as credited to nobody. The texts are invented for these tests.
"""

from __future__ import annotations

import pytest

import presslens
from presslens.api.models import AnalysisModel
from presslens.cli.terminal import quotes_table, techniques_table
from presslens.report import render_report

STANDALONE = {
    "en": (
        "Heavy rain fell across the region on Monday.\n\n"
        '"These criminal thugs have destroyed everything our grandparents built with '
        'their own hands."\n\n'
        "The mayor said the repairs would cost $4 million.\n"
    ),
    "ru": (
        "Во вторник в городе прошёл сильный дождь.\n\n"
        "«Эти преступники уничтожили всё, что строили наши деды своими руками».\n\n"
        "Мэр заявил, что ремонт обойдётся в четыре миллиона рублей.\n"
    ),
    "uk": (
        "У вівторок у місті пройшла сильна злива.\n\n"
        "«Ці злочинці знищили все, що будували наші діди власними руками».\n\n"
        "Мер заявив, що ремонт коштуватиме чотири мільйони гривень.\n"
    ),
}
QUOTED = {
    "en": "These criminal thugs have destroyed everything our grandparents built",
    "ru": "Эти преступники уничтожили всё",
    "uk": "Ці злочинці знищили все",
}


def _analysis(text: str) -> dict:
    return presslens.analyze(text).to_dict()


@pytest.fixture(scope="module")
def analysed() -> dict[str, dict]:
    return {lang: _analysis(text) for lang, text in STANDALONE.items()}


@pytest.mark.parametrize("lang", sorted(STANDALONE))
def test_a_standalone_quotation_is_uncredited_not_a_quote(analysed, lang):
    a = analysed[lang]
    text = a["text"]
    [u] = a["uncredited_quotes"]
    assert u["id"] == "u1" and u["cue"] is None and u["speaker"] is None
    assert text[u["span"][0] : u["span"][1]].startswith(QUOTED[lang])
    assert not any(q["span"][0] <= u["span"][0] < q["span"][1] for q in a["quotes"])
    # The report after it stays an attribution.
    assert [q["kind"] for q in a["quotes"]] == ["indirect"]


@pytest.mark.parametrize("lang", sorted(STANDALONE))
def test_sourcing_reads_uncredited_words_as_someones_not_the_outlets(analysed, lang):
    a = analysed[lang]
    [u] = a["uncredited_quotes"]
    [row] = [s for s in a["sourcing"] if s["span"][0] <= u["span"][0] < s["span"][1]]
    assert row["basis"] == "anonymous" and row["source"] is None


def test_a_technique_inside_names_the_uncredited_quotation(analysed):
    a = analysed["en"]
    [u] = a["uncredited_quotes"]
    inside = [
        t for t in a["techniques"] if u["span"][0] <= t["span"][0] and t["span"][1] <= u["span"][1]
    ]
    assert inside, "the loaded quotation should carry a technique"
    assert {t["quote"] for t in inside} == {"u1"}
    voices = [row[2] for row in _rows(techniques_table(a))]
    assert "quotation credited to nobody" in voices


def test_a_credited_quotation_stays_a_quote():
    a = _analysis(
        "Heavy rain fell across the region on Monday.\n\n"
        '"We have never seen water this high in forty years of farming here," '
        "said Dana Kovacs, a farmer.\n"
    )
    assert a["uncredited_quotes"] == []
    [q] = a["quotes"]
    assert q["kind"] == "direct" and q["speaker"]["text"].startswith("Dana Kovacs")


@pytest.mark.parametrize(
    "text",
    [
        # A scare quote: too short to be anyone's speech.
        'The council called the plan a "fresh start" for the district on Monday.\n',
        # A title in Title Case.
        'The film "The Long Night Of The Great Flood" opens in cinemas on Friday.\n',
    ],
)
def test_short_phrases_and_titles_are_not_uncredited_speech(text):
    assert _analysis(text)["uncredited_quotes"] == []


def _rows(table) -> list[list[str]]:
    cells = [list(c.cells) for c in table.columns]
    return [list(map(str, row)) for row in zip(*cells, strict=True)]


def test_the_terminal_lists_it_as_credited_to_nobody(analysed):
    rows = _rows(quotes_table(analysed["en"]))
    assert [r[0] for r in rows] == ["q1", "u1"]  # the attributions, then the uncredited
    assert rows[1][1:4] == ["nobody named", "—", "uncredited"]


def test_the_report_shows_it_escaped_and_credited_to_nobody():
    text = STANDALONE["en"].replace("thugs", "<b>thugs</b>")
    html = render_report(_analysis(text))
    assert "nobody named" in html
    assert "&lt;b&gt;thugs&lt;/b&gt;" in html and "<b>thugs</b>" not in html


def test_the_api_model_carries_the_layer(analysed):
    model = AnalysisModel.model_validate(analysed["en"])
    assert [q.id for q in model.uncredited_quotes] == ["u1"]


def test_swapping_the_parties_leaves_the_layer_unchanged():
    one = (
        "Crowds gathered in Kyiv on Monday.\n\n"
        '"Moscow has lied to the whole world about what happened in these villages."\n'
    )
    other = one.replace("Kyiv", "@").replace("Moscow", "Kyiv").replace("@", "Moscow")
    a, b = _analysis(one), _analysis(other)
    assert len(a["uncredited_quotes"]) == len(b["uncredited_quotes"]) == 1
    assert [s["basis"] for s in a["sourcing"]] == [s["basis"] for s in b["sourcing"]]
