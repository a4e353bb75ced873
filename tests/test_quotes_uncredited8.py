"""Speakers of participle cues the parse hangs in odd places (issue #19, session 13).

Invented texts. A participle after a quotation ('adding, "..."') that the parse
attaches to a verb inside the quotation is said by whoever said the quotation; a
participle the parse reads as describing an object ('emailed supporters saying:')
is said by the subject of the verb.
"""

from __future__ import annotations

from attribution_helpers import reports
from presslens.attribution.frames import find_frame_cue
from presslens.attribution.marks import find_quotes
from presslens.stages.syntax import parse

ADDING = (
    "On the radio the day before, she stated, \u201cWhen I look at this, an absence of "
    "action by the council would have probably turned the valley into a lake, which I "
    "think would have been an even more dangerous situation,\u201d adding, \u201cI think "
    "maybe 300 homes were saved last year compared to probably 3,000 in the next "
    "county.\u201d\n"
)


def test_participle_hung_on_a_verb_inside_the_quotation() -> None:
    text = ADDING
    sdoc = parse(text)
    quotes = find_quotes(text, [(0, len(text))])
    assert len(quotes) == 2
    first, second = quotes
    interiors = [q.span for q in quotes]
    fc = find_frame_cue(text, sdoc, second.outer, first.outer[1], len(text), interiors, reach=0)
    assert fc is not None
    assert text[fc.cue[0] : fc.cue[1]] == "adding"
    assert fc.speaker is not None and text[fc.speaker[0] : fc.speaker[1]] == "she"


def test_the_whole_report_keeps_its_speaker() -> None:
    got = reports(ADDING)
    assert got["stated"][1] == "she", got


def test_participle_read_as_describing_an_object() -> None:
    text = (
        "It was unclear whether the mayor would give in. The city's mayor emailed "
        "supporters saying: \u201cWe will keep the library open for every family in "
        "this town.\u201d\n"
    )
    got = reports(text)
    assert got["saying"][1] == "The city's mayor", got
