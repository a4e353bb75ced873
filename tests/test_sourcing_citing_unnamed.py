"""A report that rests on unnamed people ('Reuters reported, citing two officials') is
anonymously sourced, as 'сообщает X со ссылкой на источники' already was in Russian and
Ukrainian; one citing a named person is not. Written before the rule.
"""

from __future__ import annotations

import pytest

from attribution_helpers import sourcing_bases as _basis


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan was approved in May, Reuters reported, citing unnamed sources.",
        "The plan was approved in May, the newspaper reported, citing two officials.",
        "Citing a person familiar with the matter, Bloomberg reported that the plan passed.",
        "The plan was approved in May, AFP said, quoting senior diplomats.",
    ],
)
def test_citing_unnamed_people_is_anonymous(sentence: str) -> None:
    assert _basis(sentence) == ["anonymous"]


@pytest.mark.parametrize("side", ["Israeli", "American", "Russian", "Ukrainian", "Iranian"])
def test_the_same_for_every_side(side: str) -> None:
    sentence = f"The plan was approved in May, Reuters reported, citing {side} officials."
    assert _basis(sentence) == ["anonymous"]


def test_citing_a_named_person_is_not() -> None:
    sentence = "The plan was approved in May, Reuters reported, citing Defense Secretary Ann Lee."
    assert _basis(sentence) != ["anonymous"]


def test_a_named_answer_outweighs_the_question() -> None:
    sentence = 'Asked whether she would vote against the plan, Lopez said: "Absolutely."'
    assert _basis(sentence) == ["named"]
