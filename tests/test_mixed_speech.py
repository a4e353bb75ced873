"""A quotation inside reported speech is part of it: the whole report, kind mixed (issue 19).

PolNeAR annotates the reported content, marks and all ('dismissed the whole kerfuffle
as "absurd"'); a quote reported as ``direct`` with only the marked words loses what
the speaker was reported to say about what. Each case names the content's first and
last words; a quotation that is the whole complement stays direct.
"""

from __future__ import annotations

import pytest

import presslens

HEADLINE = "Crisis talks\n\n"


@pytest.mark.parametrize(
    ("body", "starts", "ends", "speaker"),
    [
        (
            "Campaign manager Ruth Dale dismissed the entire dispute as \u201csilly.\u201d "
            "Her staff left early.",
            "the entire dispute",
            "silly",
            "Campaign manager Ruth Dale",
        ),
        (
            "He once backed Rand Paul, but now said Ken Miller had \u201cthe chance and "
            "the duty to unite the party.\u201d",
            "Ken Miller had",
            "the party",
            "He",
        ),
        (
            "The workers of Dayton and cities like it \u201cneed someone who stands with "
            "them,\u201d said the vice president.",
            "The workers of Dayton",
            "with them",
            "the vice president",
        ),
        (
            "The president called Wall Street bankers \u201cfat cats\u201d and proposed "
            "raising taxes.",
            "Wall Street bankers",
            "fat cats",
            "The president",
        ),
        (
            "He told reporters on Tuesday that \u201cwe will not back down.\u201d",
            "that",
            "back down",
            "He",
        ),
        (
            "He argued that keeping Dorn in prison will only make him more popular: "
            "\u201cThey are building a martyr.\u201d",
            "that keeping Dorn",
            "a martyr",
            "He",
        ),
        (
            "The plan is \u201cpathetic\u201d and \u201cdangerous,\u201d the senator said.",
            "The plan is",
            "dangerous",
            "the senator",
        ),
        (
            "\u201cWe are alive, unlike the robots you will see next week\u201d at the "
            "convention, he said.",
            "We are alive",
            "at the convention",
            "he",
        ),
    ],
)
def test_quote_inside_reported_content_is_mixed(
    body: str, starts: str, ends: str, speaker: str
) -> None:
    text = HEADLINE + body
    quotes = presslens.analyze(text, stages=["quotes"]).quotes
    (q,) = [q for q in quotes if q.kind == "mixed"]
    content = text[slice(*q.span)]
    assert content.startswith(starts) and content.rstrip(".\u201d").endswith(ends), content
    assert q.speaker is not None and q.speaker.span is not None
    assert text[slice(*q.speaker.span)] == speaker


@pytest.mark.parametrize(
    "body",
    [
        "Coach Peter Hill said, \u201cNobody expected this result.\u201d",
        "As Director Anna Berg pointed out, \u201cthe staff are leaving the missions abroad.\u201d",
        "\u201cThe bridge is safe,\u201d the chief engineer said on Monday.",
        "He told reporters: \u201cWe will not back down.\u201d",
    ],
)
def test_quote_that_is_the_whole_complement_stays_direct(body: str) -> None:
    text = HEADLINE + body
    (q,) = presslens.analyze(text, stages=["quotes"]).quotes
    assert q.kind == "direct", text[slice(*q.span)]
