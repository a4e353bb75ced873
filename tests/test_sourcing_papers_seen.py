"""Papers an outlet says it has seen ('according to documents seen by Reuters', 'emails
reviewed by the newspaper show') are evidence the reader cannot check: the claim is
``unverifiable``, claimed by the outlet that saw them, and the outlet is not the speaker
of the papers (issue 19: sourcing follows the quotes). Written before the rule.
"""

from __future__ import annotations

import pytest

import presslens


def _read(sentence: str) -> tuple[list[str], list[str | None]]:
    a = presslens.analyze("Plan approved\n\n" + sentence).to_dict()
    names = {e["id"]: e["name"] for e in a["entities"]}
    return (
        [s["basis"] for s in a["sourcing"]],
        [names.get((q["speaker"] or {}).get("entity")) for q in a["quotes"]],
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "According to documents seen by Reuters, the plan was approved in May.",
        "Internal emails reviewed by The Washington Post show that the plan was approved.",
        "The plan was approved in May, according to a letter obtained by the newspaper.",
        "Confidential memos seen by Le Monde say the plan was approved in May.",
    ],
)
def test_papers_an_outlet_saw_are_unverifiable(sentence: str) -> None:
    bases, speakers = _read(sentence)
    assert bases == ["unverifiable"]
    assert all(s is None for s in speakers)


@pytest.mark.parametrize(
    "sentence",
    [
        "A statement released by the Foreign Ministry said the plan was approved in May.",
        "According to the documents, the plan was approved in May.",
    ],
)
def test_papers_someone_issued_are_not(sentence: str) -> None:
    bases, _ = _read(sentence)
    assert bases != ["unverifiable"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Как следует из документов, с которыми ознакомилось издание, план утвердили в мае.",
        "Як випливає з документів, з якими ознайомилося видання, план затвердили в травні.",
        "Согласно документам, которые видело издание, план утвердили в мае.",
        "Згідно з документами, які бачило видання, план затвердили в травні.",
    ],
)
def test_the_same_in_russian_and_ukrainian(sentence: str) -> None:
    bases, _ = _read(sentence)
    assert bases == ["unverifiable"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Документы, которые опубликовало министерство, подтверждают это решение.",
        "Документи, які оприлюднило міністерство, підтверджують це рішення.",
    ],
)
def test_published_papers_are_not(sentence: str) -> None:
    bases, _ = _read(sentence)
    assert bases != ["unverifiable"]
