"""Quotation marks, date words and transcript labels in the English rules (#19).

A time word after 'spoke on' is when the speaking happened, not what was said nor
who said it; a quotation opened inside a paragraph and continued, by news convention,
in the next paragraph (reopened with a mark, no closing mark before the break) is one
quotation; mixed curly and straight marks still pair. Invented sentences only.
"""

from __future__ import annotations

import pytest

from attribution_helpers import attributions
from presslens.attribution.marks import find_quotes

_TIME_WORDS = ("Monday", "Friday", "Tuesday", "week", "noon", "morning", "January")


def _quoted(text: str) -> list[str]:
    return [text[q.span[0] : q.span[1]] for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor spoke on Monday.",
        "The mayor spoke on Monday about the budget.",
        "Officials spoke on Friday, and the mayor said the roads would be fixed.",
        "The senator spoke on Tuesday morning.",
        "The governor spoke on January 5 at the capitol.",
    ],
)
def test_a_time_word_is_neither_speaker_nor_content(text: str) -> None:
    for _, content, speaker in attributions(text):
        for word in _TIME_WORDS:
            assert content.split()[:1] != [word], (content, speaker)
            assert speaker is None or word not in speaker, (content, speaker)


def test_what_is_spoken_on_is_still_content() -> None:
    rows = attributions("The mayor spoke on the new budget.")
    assert ("spoke on", "the new budget", "The mayor") in rows or not rows


def test_said_on_a_day_keeps_its_content_and_speaker() -> None:
    rows = attributions("The senator said on Tuesday that taxes would rise.")
    assert ("said", "that taxes would rise", "The senator") in rows


def test_paragraph_opening_quotation_continues_into_the_next() -> None:
    text = (
        '"We will build it," she said.\n\n"First the roads. Then the schools.\n\n'
        '"After that, the parks," she added.'
    )
    quotes = find_quotes(text)
    assert [len(q.parts) for q in quotes] == [1, 2]


@pytest.mark.parametrize(
    "text",
    [
        '\u201cWe will win," he said.',
        '"We will win,\u201d he said.',
    ],
)
def test_mixed_curly_and_straight_marks_pair(text: str) -> None:
    assert _quoted(text) == ["We will win"]


def test_short_unclosed_mark_inside_a_paragraph_is_no_quotation() -> None:
    assert _quoted("The mayor said the plan was \u201cdead on arrival.\n\nShe left.") == []
