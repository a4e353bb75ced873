"""A quotation introduced by a second reporting verb of the same speaker is its own report
(issue 19).

'"A," she said, adding, "B."' holds two attributions in PolNeAR, one per cue: 'said'
with A and 'adding' with B, both by 'she'. The rules joined B to the first report (its
closing stop hangs on 'said' in spaCy's parse, so 'said' looked like the verb that
governs B). A quotation after the cue's sentence with no verb of its own before it
('"A," he said when asked about X. "B."') still goes on with the first report.
5-fold CV over the fit articles of PolNeAR train (bench/quotes_rules_cv.py): rules
content+source F1 0.6601 -> 0.6647 (5/5 folds), fully quoted 0.8969 -> 0.9016.
"""

from __future__ import annotations

import pytest

from presslens.attribution.quotes import attributed_quotes
from presslens.stages.syntax import parse


def reports(text: str) -> list[tuple[str, str | None, list[str]]]:
    """(cue, speaker, content parts) of every attribution, in text order."""
    out = []
    for f in attributed_quotes(text, parse(text)):
        cue = text[f.cue[0] : f.cue[1]] if f.cue else None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out.append((cue, speaker, [text[s:e] for s, e in f.parts]))
    return out


@pytest.mark.parametrize(
    ("text", "second_cue", "speaker", "second"),
    [
        (
            '"The group is not part of our campaign," she said, adding, "We are grateful for'
            ' the support all the same."',
            "adding",
            "she",
            "We are grateful for the support all the same.",
        ),
        (
            '"If the council votes no, there is nothing left to do," the mayor said before'
            ' adding: "Maybe the courts will see it another way."',
            "adding",
            "the mayor",
            "Maybe the courts will see it another way.",
        ),
        (
            '"We did not expect to win this district," Ms. Okafor told reporters, noting:'
            ' "The turnout was far higher than anyone predicted."',
            "noting",
            "Ms. Okafor",
            "The turnout was far higher than anyone predicted.",
        ),
    ],
)
def test_a_second_cue_makes_a_second_report(
    text: str, second_cue: str, speaker: str, second: str
) -> None:
    found = reports(text)
    assert len(found) == 2, found
    cue, who, parts = found[1]
    assert cue == second_cue
    assert who == speaker
    assert parts == [second]
    assert found[0][1] == speaker
    assert second not in " ".join(found[0][2])


@pytest.mark.parametrize(
    "text",
    [
        # No verb of the speaker's introduces the second quotation: one report.
        '"It is possible for anyone to change," he said when asked about the vote.'
        ' "But it takes time."',
        '"The bridge will open in May," the engineer said. "The paint is the last job."',
        # A verb in a clause about the speaker is not a second report.
        '"The numbers are not final," said a spokeswoman, who declined to be named,'
        ' "and they may still move."',
    ],
)
def test_one_speaker_going_on_stays_one_report(text: str) -> None:
    found = reports(text)
    direct = [f for f in found if len(f[2]) == 2]
    assert len(direct) == 1, found
