"""Parse accidents that follow one name and not another must not move a label (issue 19).

Each layout is a shape met in PolNeAR train (written anew here, no article text): the
small parser reads it one way with one pair of names and another way with the other
pair, and the rules must give the same quotes and bases either way. Names are the
issue's US pairs (``us_swap.US_SWAP``) or stand-ins; no rule names anyone.
"""

from __future__ import annotations

from typing import Any

import pytest

import presslens
from presslens.attribution.quotes import attributed_quotes, joined_parts
from presslens.attribution.syntax_utils import name_read_as_verb
from presslens.stages.syntax import parse
from us_swap import Swap, agreement, differences

STAGES = ["quotes", "sourcing"]


def _swapped(text: str) -> tuple[dict[str, Any], dict[str, Any], Swap]:
    swap = Swap(text)
    original = presslens.analyze(text, stages=STAGES).to_dict()
    swapped = presslens.analyze(swap.text, stages=STAGES).to_dict()
    return original, swapped, swap


def _speakers(analysis: dict[str, Any], text: str) -> list[str | None]:
    out = []
    for q in analysis["quotes"]:
        span = (q["speaker"] or {}).get("span")
        out.append(text[span[0] : span[1]] if span else None)
    return out


def test_words_a_dateline_holds_before_the_speaker_stay_with_the_speaker() -> None:
    """'WASHINGTON (UPI) — Presumptive ... nominee X told ...': whether the parse hangs the
    title on the dateline depends on the name; the title is the speaker's either way."""
    text = (
        "DENVER, May 3 (UPI) — Presumptive Democratic presidential nominee Hillary "
        "Clinton told a meeting of nurses in Colorado she will defend their pensions while her "
        "rival, Donald Trump, would “cut them to pieces.”\n\nShe spoke for an hour."
    )
    original, swapped, swap = _swapped(text)
    assert agreement(original, swapped, swap)[0] == agreement(original, swapped, swap)[1], (
        differences(original, swapped, swap)
    )
    assert _speakers(swapped, swap.text) == [
        "Presumptive Republican presidential nominee Donald Trump"
    ]


def test_an_apposition_split_by_the_parse_and_a_name_read_as_a_verb() -> None:
    """'One delegate, state party chair Ann Doe, promised her vote to X': with one name the
    parse makes two subjects and reads 'to X' as an infinitive; the speaker is the
    whole phrase and the content the object with what follows it either way."""
    text = (
        "One delegate, Nevada Democratic Party treasurer Ann Dorsey, promised her "
        "vote to Clinton last week in a bid to settle the nomination early.\n\n"
        "Others waited."
    )
    original, swapped, swap = _swapped(text)
    same, total = agreement(original, swapped, swap)
    assert same == total, differences(original, swapped, swap)
    [q] = swapped["quotes"]
    assert swap.text[slice(*q["span"])].startswith("her vote to Trump last week")
    assert _speakers(swapped, swap.text) == ["One delegate, Nevada GOP treasurer Ann Dorsey"]


@pytest.mark.parametrize(
    "asked,about",
    [
        ("Ted Cruz", "Donald Trump"),
        ("Bernie Sanders", "Hillary Clinton"),
        ("Bernie Sanders", "Donald Trump"),
        ("Tim Kaine", "Mike Pence"),
    ],
)
def test_a_phrase_after_a_prepositional_report_goes_with_it(asked: str, about: str) -> None:
    """'has been asked about X about bankruptcies in his past': the parse hangs 'in his
    past' on the cue after some names and on 'bankruptcies' after others."""
    text = (
        f"Neither of the candidates was questioned, while {asked} has been asked about a "
        f"loan from a Wall Street bank and {about} about lawsuits in his past."
    )
    contents = [text[f.span[0] : f.span[1]] for f in attributed_quotes(text, parse(text))]
    assert contents == [f"a loan from a Wall Street bank and {about} about lawsuits in his past"]


@pytest.mark.parametrize(
    "speaker,other", [("Clinton", "Trump"), ("Trump", "Clinton"), ("Kaine", "Pence")]
)
def test_one_clause_the_parse_splits_in_two_is_one_piece(speaker: str, other: str) -> None:
    """'told the audience [...] [he doesn't like as "pigs"]': two complements of one cue
    for some names, one for others; the content is one stretch of words either way."""
    text = (
        "Earlier, the crowd waited.\n\n"
        f"{speaker} also told the largely young audience bathed in bright blue lighting of "
        f"{other}’s old remarks about rivals he doesn’t like as “losers, clowns and "
        "total failures.”\n\nThe crowd cheered."
    )
    [f] = attributed_quotes(text, parse(text))
    assert f.kind == "mixed"
    assert len(f.parts) == 1
    assert text[slice(*f.parts[0])].startswith("the largely young audience")


@pytest.mark.parametrize("name", ["Sanders", "Pence", "Cruz", "Kaine", "Clinton", "Trump"])
def test_a_surname_the_tagger_reads_as_a_plural_noun_is_a_named_source(name: str) -> None:
    """'Sanders' and 'Pence' are tagged NNS (the recogniser then says ORG); 'Cruz' and
    'Kaine' PROPN (PERSON). Each is a named person's report."""
    text = (
        f"{name} also told the audience that the plan would fail, and that voters "
        "deserve better than this."
    )
    analysis = presslens.analyze(text, stages=STAGES).to_dict()
    assert [s["basis"] for s in analysis["sourcing"]] == ["named"]


def test_name_read_as_verb() -> None:
    """A capitalised word inside a sentence that the tagger made a verb is a name; one in
    a Title Case headline, or a lower-case verb, is not."""
    doc = parse("The delegate pledged her vote to Trump recently, officials said.")
    for t in doc:
        assert name_read_as_verb(t) == (t.text == "Trump" and t.pos_ == "VERB")
    headline = parse("Why Does Congress Refuse to Fund the New Bridge?")
    assert not any(name_read_as_verb(t) for t in headline)
    plain = parse("The delegate pledged her vote to the governor recently.")
    assert not any(name_read_as_verb(t) for t in plain)


def test_joined_parts() -> None:
    text = "alpha beta gamma delta"
    assert joined_parts(text, [(0, 10), (11, 22)]) == ((0, 22),)
    assert joined_parts(text, [(0, 5), (11, 16)]) == ((0, 5), (11, 16))
    assert joined_parts(text, [(0, 10)]) == ((0, 10),)


def test_a_conjunction_before_the_speaker_is_not_part_of_it() -> None:
    """'As Agency Director Jane Doe pointed out, "..."': the words before the name open
    the clause, but 'As' is no part of who spoke."""
    text = (
        "As Agency Director Jane Doe pointed out, “the reports are false and everyone "
        "knows it.”\n\nThe agency said nothing more."
    )
    found = attributed_quotes(text, parse(text))
    speakers = [text[f.speaker[0] : f.speaker[1]] for f in found if f.speaker]
    assert speakers == ["Agency Director Jane Doe"]


def test_a_reporting_word_tagged_as_a_noun_with_a_subject_and_an_object() -> None:
    """'half of the voters surveyed in a poll released Monday support X': 'support' is
    tagged a verb before one name and a noun before the other, with the same subject
    and object either way; the report is found either way."""
    text = (
        "Fewer than half of the residents questioned in a survey published Tuesday support "
        "Democratic presidential candidate Hillary Clinton, as her rival keeps touring "
        "the state.\n\nThe survey has a margin of error of four points."
    )
    original, swapped, swap = _swapped(text)
    same, total = agreement(original, swapped, swap)
    assert same == total, differences(original, swapped, swap)
    cues = [swap.text[slice(*q["cue"])] for q in swapped["quotes"] if q["cue"]]
    assert cues == ["support"]
