"""A dateline's agency is never a speaker (issue 19), for every agency the anatomy knows.

The anatomy stage reads ``LONDON, March 2 (Reuters) -`` and ``MOSCOW, June 20. /TASS/.``
and the entities stage makes the agency an organisation mention. Coreference used to
take it for "the defence minister" (the nearest organisation before a definite
nominal) and for a Russian speaker named only by the place it spoke in. Every
spelling of every agency in :data:`presslens.anatomy.agencies.AGENCIES` is tried in
each dateline shape of its script: the anatomy must read the agency, the entities
stage must make it an organisation where the dateline spells its canonical name (so
coreference has it to choose), and it must be neither the speaker of a quote nor the
source of a sentence.
"""

from __future__ import annotations

import re

import pytest

import presslens
from presslens.analysis import Analysis
from presslens.anatomy.agencies import AGENCIES

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
STAGES = ["quotes", "sourcing"]

EN_BODY = (
    '"I take full responsibility," the defence minister told reporters. '
    "The ministry said it would publish its findings next week."
)
RU_BODY = (
    "«Я беру на себя полную ответственность», — сообщили в министерстве обороны. "
    "Как отметили в ведомстве, выводы будут опубликованы на следующей неделе."
)
UK_BODY = (
    "«Ми беремо на себе повну відповідальність», — повідомили в міністерстві оборони. "
    "Як зазначили у відомстві, висновки буде оприлюднено наступного тижня."
)


def _cases() -> list[tuple[str, str, str]]:
    """(canonical agency, dateline, body) for every spelling in every shape of its script."""
    out = []
    for canonical, spellings in AGENCIES.items():
        for spelling in spellings:
            if _UKRAINIAN.search(spelling):
                shapes = [f"КИЇВ, 2 березня. /{spelling}/. ", f"КИЇВ, 2 березня — {spelling}. "]
                out += [(canonical, s, UK_BODY) for s in shapes]
            elif _CYRILLIC.search(spelling):
                shapes = [f"МОСКВА, 2 марта. /{spelling}/. ", f"МОСКВА, 2 марта — {spelling}. "]
                out += [(canonical, s, RU_BODY) for s in shapes]
            else:
                shapes = [f"LONDON, March 2 ({spelling}) - ", f"LONDON, March 2. /{spelling}/. "]
                out += [(canonical, s, EN_BODY) for s in shapes]
    return out


CASES = _cases()


def _agency_entities(a: Analysis) -> set[str]:
    """Entities with a mention inside the dateline (the agency, and its place)."""
    dateline = a.document.anatomy.dateline
    assert dateline is not None
    s, e = dateline.span
    return {x.id for x in a.document.entities if any(s <= m[0] and m[1] <= e for m in x.mentions)}


def test_every_agency_and_script_is_covered() -> None:
    assert {c for c, _, _ in CASES} == set(AGENCIES)
    bodies = {b for _, _, b in CASES}
    assert bodies == {EN_BODY, RU_BODY, UK_BODY}


@pytest.mark.parametrize(("agency", "dateline", "body"), CASES, ids=[d for _, d, _ in CASES])
def test_dateline_agency_is_not_a_speaker(agency: str, dateline: str, body: str) -> None:
    text = "Minister resigns\n\n" + dateline + body
    a = presslens.analyze(text, stages=STAGES)
    found = a.document.anatomy.dateline
    assert found is not None and found.agency == agency
    furniture = _agency_entities(a)
    if agency in dateline:
        # The entities stage makes the agency an organisation when the dateline spells
        # its canonical name: then coreference has it to choose, and must not.
        assert any(x.type == "ORG" for x in a.document.entities if x.id in furniture)
    quotes = a.quotes
    assert quotes, "the minister's words are a quote"
    first = quotes[0]
    assert first.speaker is not None and first.speaker.span is not None
    assert "оборон" in text[slice(*first.speaker.span)] or text[slice(*first.speaker.span)] == (
        "the defence minister"
    )
    for q in quotes:
        assert q.speaker is None or q.speaker.entity not in furniture, text[slice(*q.span)]
    for row in a.sourcing:
        assert row.source not in furniture or row.source is None, text[slice(*row.span)]
