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
from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse

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


def test_signature_line_inside_the_marks_is_the_speaker() -> None:
    text = (
        "The council met on Tuesday.\n\n"
        '"We will not let the river flood the town again, whatever it costs.\n'
        'Dana Kovacs, chair of the flood board."\n\n'
        "The vote is next week."
    )
    rows = attributions(text)
    assert len(rows) == 1, rows
    _, content, speaker = rows[0]
    assert content == "We will not let the river flood the town again, whatever it costs."
    assert speaker == "Dana Kovacs, chair of the flood board"


def test_a_second_sentence_on_its_own_line_is_no_signature() -> None:
    text = (
        "The council met on Tuesday.\n\n"
        '"We will not let the river flood the town again, whatever it costs.\n'
        'We have waited far too long."\n\n'
        "The vote is next week."
    )
    for f in attributed_quotes(text, parse(text)):
        assert (
            f.speaker is None or text[f.speaker[0] : f.speaker[1]] != "We have waited far too long"
        )


def test_a_box_repeating_the_last_speaker_goes_on_with_that_report() -> None:
    text = (
        '"We will rebuild the bridge before winter," Dana Kovacs, the board chair, said.\n\n'
        '"We will rebuild the bridge before winter, whatever it costs.\n'
        'Dana Kovacs, the board chair."\n\n'
        "The vote is next week."
    )
    speakers = [text[slice(*f.speaker)] for f in attributed_quotes(text, parse(text)) if f.speaker]
    assert speakers.count("Dana Kovacs, the board chair") == 1, speakers
