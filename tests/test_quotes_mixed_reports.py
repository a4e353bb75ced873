"""Quoted fragments inside reported speech are one mixed report (issue 19, overrun).

PolNeAR annotates the whole reported content when a quotation is only part of it; a
quote of kind ``direct`` there claims the report ends at the marks. Each layout below
was one of the categories of predicted direct quotes whose gold content ran beyond
the marks on the fit articles of PolNeAR train.
"""

from __future__ import annotations

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def found(text: str) -> list[tuple[str, list[str], str | None, str | None]]:
    out = []
    for f in attributed_quotes(text, parse(text)):
        cue = text[f.cue[0] : f.cue[1]] if f.cue else None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out.append((f.kind, [text[s:e] for s, e in f.parts], cue, speaker))
    return out


def test_reported_clause_before_the_quotation() -> None:
    text = "Bolton said he would advise the council on the “strategic threats that exist.”"
    [(kind, parts, cue, speaker)] = found(text)
    assert kind == "mixed"
    assert parts[0].startswith("he would advise the council")
    assert (cue, speaker) == ("said", "Bolton")


def test_quotation_going_on_from_its_subject() -> None:
    text = 'He said Halvor "did not act because of his religion."'
    [(kind, parts, cue, _)] = found(text)
    assert kind == "mixed"
    assert parts[0].startswith("Halvor")
    assert cue == "said"


def test_opening_words_before_a_parenthetical_cue() -> None:
    text = 'No name change, he said, "hides what it really is."'
    [(kind, parts, cue, speaker)] = found(text)
    assert kind == "mixed"
    assert parts[0] == "No name change"
    assert (cue, speaker) == ("said", "he")


def test_addressee_before_the_quotation_is_no_content() -> None:
    text = 'He told reporters: "We will win this race and then we go home."'
    [(kind, parts, cue, speaker)] = found(text)
    assert kind == "direct"
    assert parts == ["We will win this race and then we go home."]
    assert (cue, speaker) == ("told", "He")


def test_object_of_the_cue_before_a_colon() -> None:
    text = 'He also talked up his appeal to swing voters: "Who else can win in November?"'
    [(kind, parts, _, speaker)] = found(text)
    assert kind == "mixed"
    assert parts[0].startswith("his appeal to swing voters")
    assert speaker == "He"


def test_person_asked_is_no_content() -> None:
    text = 'The reporter asked the candidate: "Will you run again next year or not?"'
    [(kind, _, cue, _)] = found(text)
    assert kind == "direct"
    assert cue == "asked"


def test_what_the_words_were_said_of() -> None:
    text = "“Let the dollars follow the family,” DeSantis said about the program."
    [(kind, parts, cue, speaker)] = found(text)
    assert kind == "mixed"
    assert parts == ["Let the dollars follow the family", "the program"]
    assert (cue, speaker) == ("said", "DeSantis")


def test_uncredited_fragment_in_running_text_is_no_direct_quote() -> None:
    text = "The plan would make the town “a place nobody can afford any more” by 2030."
    assert [f for f in found(text) if f[0] == "direct"] == []
