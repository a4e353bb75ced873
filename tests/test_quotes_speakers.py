"""Speakers of reports whose cue hangs below the clause that names them (issue 19).

On the fit articles of PolNeAR train the largest fixable group of matched reports
without a speaker, or with the wrong one, had a cue below the clause that names the
speaker: an infinitive under an adjective ('eager to prove'), a gerund under a
preposition ('in addition to stating', 'the step of accusing'), a clause on the object
someone put out ('released an ad that urges', where PolNeAR names who put it out). The
speaker is the subject of that clause, whoever it names; an expletive 'it' ('it is
worth pointing out') is nobody. The next group had a passive cue ('when asked whether
...', 'is not expected to'): whoever is asked or expected is no speaker, only an agent
('by X') is.
"""

from __future__ import annotations

import pytest

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def speakers(text: str) -> dict[str, str | None]:
    out = {}
    for f in attributed_quotes(text, parse(text)):
        assert f.cue is not None
        out[text[f.cue[0] : f.cue[1]]] = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
    return out


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "The senator will be eager to prove that her plan can pass the chamber.",
            "prove",
            "The senator",
        ),
        (
            "Most voters are likely to say that the economy matters more than anything else.",
            "say",
            "Most voters",
        ),
        (
            "In addition to stating that the budget was balanced, the mayor has vowed to cut"
            " taxes next year.",
            "stating",
            "the mayor",
        ),
        (
            "The campaign took the unusual step of accusing the agency of hiding the records"
            " from the public.",
            "accusing",
            "The campaign",
        ),
        (
            "The campaign released an ad that urges voters to reject the new tax.",
            "urges",
            "The campaign",
        ),
        (
            "She left the room, saying that the vote would be held on Monday.",
            "saying",
            "She",
        ),
    ],
)
def test_speaker_of_a_cue_below_its_clause(text: str, cue: str, speaker: str) -> None:
    assert speakers(text)[cue] == speaker


def test_expletive_it_is_no_speaker() -> None:
    text = "It is worth pointing out that the plan was approved by the council last year."
    assert speakers(text) == {"pointing out": None}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "When asked whether she would run again, she said that she was focused on the"
            " campaign.",
            "asked",
        ),
        ("Asked if the plan was legal, most of the voters said yes.", "Asked"),
        (
            "While the dispute is not expected to come up at the summit, the trade deal has"
            " become an issue in the race.",
            "expected",
        ),
    ],
)
def test_who_is_asked_or_expected_is_no_speaker(text: str, cue: str) -> None:
    assert speakers(text)[cue] is None


def test_agent_of_a_passive_cue_speaks() -> None:
    text = "It was announced by the council that the bridge would close for repairs."
    assert speakers(text) == {"announced": "the council"}


def test_reply_after_the_question_keeps_its_speaker() -> None:
    text = "When asked whether she would run again, she said that she was focused on the campaign."
    assert speakers(text)["said"] == "she"
