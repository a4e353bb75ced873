"""Reports beside or inside other reports: which clause is whose (issue 19, speakers).

On the fit articles of PolNeAR train the largest groups of matched reports with the
wrong speaker were reports whose content the parse ran into another report's clause:
a clause before a semicolon or colon hung on the verb after it ('About 60 percent
said X; 35 percent said Y'). Each clause is the report of its own subject. Sentences
written from how news reports are worded, with invented names.
"""

from __future__ import annotations

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def _found(text: str) -> list[tuple[str, str, str | None]]:
    """(cue, content, speaker) of every attribution, in text order."""
    out = []
    for f in attributed_quotes(text, parse(text)):
        assert f.cue is not None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out.append((text[f.cue[0] : f.cue[1]], text[f.span[0] : f.span[1]], speaker))
    return out


def test_a_clause_before_a_semicolon_is_no_content_of_the_verb_after_it() -> None:
    text = "About 60 percent said they were satisfied; 35 percent said they wanted a change."
    assert _found(text) == [
        ("said", "they were satisfied", "About 60 percent"),
        ("said", "they wanted a change", "35 percent"),
    ]


def test_a_clause_before_a_colon_is_no_content_of_the_verb_after_it() -> None:
    text = "The grain prices kept falling: the minister said the harvest would be late."
    assert _found(text) == [("said", "the harvest would be late", "the minister")]


def test_a_clause_before_a_comma_stays_the_content() -> None:
    text = "The harvest will be late this year, the minister said."
    assert _found(text) == [("said", "The harvest will be late this year", "the minister")]
