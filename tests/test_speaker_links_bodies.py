"""Which body a definite nominal speaker stands for, and sourcing a verification desk
expects of English wire copy (issue 19). Written before the changes.

- 'the ministry' is the organisation that last spoke, or one named before whose name
  holds the noun ('the Foreign Ministry'); never the news agency a quote was told to.
- 'the minister' is a person: without a title given before, nobody's (it was the
  organisation that last spoke).
- A source the text keeps unnamed ('who spoke on condition of anonymity') is anonymous
  whatever the title; figures a body released are the body's ('organisation'); a weekday
  or a month is no name.
"""

from __future__ import annotations

import pytest

import presslens


def _analysis(text: str) -> dict:
    return presslens.analyze(text).to_dict()


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    a = _analysis(text)
    names = {e["id"]: e["name"] for e in a["entities"]}
    out = []
    for q in a["quotes"]:
        s = q["speaker"] or {}
        span = s.get("span")
        out.append((text[span[0] : span[1]] if span else None, names.get(s.get("entity"))))
    return out


def _bases(text: str) -> list[str]:
    return [s["basis"] for s in _analysis(text)["sourcing"]]


@pytest.mark.parametrize("agency", ["Reuters", "TASS", "Ukrinform", "AFP"])
def test_the_ministry_is_not_the_agency_it_spoke_to(agency: str) -> None:
    text = (
        "Strikes\n\nTalks on the ceasefire will resume next week, a spokesperson for the"
        f" foreign ministry told {agency}.\n\nIn a statement, the ministry said the strikes had"
        " hit only military targets.\n"
    )
    assert ("the ministry", None) in _speakers(text)


def test_the_ministry_named_before_is_taken_up() -> None:
    text = (
        "Strikes\n\nThe Foreign Ministry summoned the ambassador on Monday.\n\nIn a"
        " statement, the ministry said the strikes had hit only military targets.\n"
    )
    assert ("the ministry", "Foreign Ministry") in _speakers(text)


@pytest.mark.parametrize("body", ["The Kremlin", "The Pentagon"])
def test_an_unnamed_minister_is_no_body(body: str) -> None:
    text = (
        f"Talks\n\n{body} did not respond to a request for comment.\n\nThe minister, who"
        " spoke on condition of anonymity because he was not authorized to discuss the"
        " matter, said the talks had stalled.\n"
    )
    speakers = _speakers(text)
    assert all(who is None for spk, who in speakers if spk and spk.startswith("The minister"))
    assert _bases(text)[-1] == "anonymous"


def test_figures_a_body_released_are_its_own() -> None:
    text = (
        "Prices\n\nAccording to figures released by the central bank on Tuesday, inflation"
        " slowed to 4.2 percent.\n"
    )
    assert _bases(text) == ["organisation"]


def test_a_news_report_is_no_body() -> None:
    text = (
        "Talks\n\nThe White House declined to comment on the report, which cited unnamed"
        " officials.\n"
    )
    reports = [(spk, who) for spk, who in _speakers(text) if spk and "report" in spk]
    assert reports and all(who is None for _, who in reports)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Talks\n\nA Western diplomat told reporters the talks were "at a dead end".\n',
            'the talks were "at a dead end"',
        ),
        (
            "Переговоры\n\nЗападный дипломат назвал переговоры «тупиковыми».\n",
            "переговоры «тупиковыми»",
        ),
        (
            "Переговори\n\nЗахідний дипломат назвав переговори «безперспективними».\n",
            "переговори «безперспективними»",
        ),
    ],
)
def test_a_mixed_quote_keeps_its_closing_mark(text: str, content: str) -> None:
    (q,) = presslens.analyze(text).to_dict()["quotes"]
    assert (q["kind"], text[q["span"][0] : q["span"][1]]) == ("mixed", content)


@pytest.mark.parametrize("agency", ["TASS", "Ukrinform", "Xinhua"])
@pytest.mark.parametrize(
    "frame",
    [
        "The defence ministry, in a statement carried by state news agency {a}, said its"
        " forces had captured a village.",
        "In an interview with {a}, Finance Minister Jan Novak said the budget would be balanced.",
    ],
)
def test_the_outlet_that_carried_a_statement_is_its_route(agency: str, frame: str) -> None:
    text = "News\n\n" + frame.format(a=agency) + "\n"
    a = _analysis(text)
    names = {e["id"]: e["name"] for e in a["entities"]}
    (q,) = a["quotes"]
    assert names.get(q["via"]) == agency


@pytest.mark.parametrize(("nation", "capital"), [("Russian", "Washington"), ("U.S.", "Moscow")])
def test_where_a_body_sits_is_not_who_speaks(nation: str, capital: str) -> None:
    text = (
        "Aid\n\nPentagon spokesperson Sabrina Singh declined to comment.\n\nThe"
        f" {nation} embassy in {capital} said in a post that the deliveries would prolong the"
        " conflict.\n"
    )
    speakers = dict(_speakers(text))
    assert speakers[f"The {nation} embassy in {capital}"] != capital  # the owner may be named
    bases = [b for b in _bases(text) if b != "unattributed"]
    assert bases[-1] == "organisation"
