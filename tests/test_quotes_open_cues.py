"""The open-cue classifier (issue 19): reports of verbs outside the cue lexicons,
proposed by the parse and kept where a classifier trained on PolNeAR reads them as
attributions. All sentences are invented.
"""

from __future__ import annotations

import numpy as np
import pytest

from presslens.attribution import open_cues
from presslens.attribution.found import Found
from presslens.attribution.indirect import open_reports
from presslens.attribution.marks import find_quotes
from presslens.attribution.quotes import attributed_quotes, regions
from presslens.stages.syntax import parse


def _candidates(text: str) -> list[tuple[str, str, str | None]]:
    sdoc = parse(text)
    regs = regions(text, None, [], [])
    interiors = [q.span for q in find_quotes(text, regs)]
    out = []
    for f in open_reports(sdoc, interiors, regs):
        assert f.cue is not None
        speaker = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out.append((text[f.cue[0] : f.cue[1]], text[f.span[0] : f.span[1]], speaker))
    return out


def test_a_verb_outside_the_lexicons_with_a_clause_is_a_candidate() -> None:
    found = _candidates("The senator made sure that the bill would pass.")
    assert ("made", "sure that the bill would pass", "The senator") in found


def test_a_verb_with_an_infinitive_is_a_candidate() -> None:
    found = _candidates("Critics tried to block the measure in committee.")
    assert ("tried", "to block the measure in committee", "Critics") in found


def test_a_verb_with_an_object_is_a_candidate() -> None:
    found = _candidates("The governor embraced the plan to raise the minimum wage.")
    assert found[0] == ("embraced", "the plan to raise the minimum wage", "The governor")


def test_lexicon_cues_are_left_to_the_rules() -> None:
    found = _candidates("The senator said that the bill would pass.")
    assert not any(cue == "said" for cue, _, _ in found)


def test_a_lexicon_verb_is_a_candidate_only_in_the_plain_shapes() -> None:
    """'told the story of X': the rules read 'tell' with a clause or an addressee; its
    object is a candidate for the classifier, never its clause."""
    found = _candidates("She told the story of her father's arrest.")
    assert ("told", "the story of her father's arrest", "She") in found


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "Senator Warren tried to block the bill that Governor Abbott signed.",
            "Senator Abbott tried to block the bill that Governor Warren signed.",
        ),
        (
            "The Kremlin made sure that Kyiv would hear of the offer.",
            "The Kyiv made sure that Kremlin would hear of the offer.",
        ),
    ],
)
def test_features_read_no_names(one: str, other: str) -> None:
    """Swapping the parties' names changes no feature of any candidate."""

    def feats(text: str) -> list[list[str]]:
        sdoc = parse(text)
        regs = regions(text, None, [], [])
        return [open_cues.features(sdoc, f) for f in open_reports(sdoc, [], regs)]

    assert feats(one) == feats(other)


def _found(span: tuple[int, int], cue: tuple[int, int]) -> Found:
    return Found("indirect", span, (span,), cue, None, None, None, None)


def test_fresh_drops_candidates_that_touch_a_rule_report() -> None:
    text = "x" * 40 + "the plan would fail and more words"
    ruled = [_found((10, 30), (0, 5))]
    inside_content = _found((12, 20), (35, 40))
    cue_inside = _found((40, 60), (15, 18))
    apart = _found((40, 60), (32, 36))
    assert open_cues.fresh([inside_content, cue_inside, apart], ruled, text) == [apart]


def test_fresh_drops_names_alone_and_headline_cues() -> None:
    text = "Heavyweights Come Out Against Trump.\n\nThe group came out against Donald Trump."
    headline = (0, 35)
    in_headline = _found((28, 33), (13, 27))
    names_only = _found((65, 77), (48, 64))
    assert text[65:77] == "Donald Trump"
    assert open_cues.fresh([in_headline, names_only], [], text, [headline]) == []


def test_the_threshold_decides_and_the_weights_round_trip(tmp_path) -> None:
    text = "The senator made sure that the bill would pass."
    sdoc = parse(text)
    (candidate,) = [
        f for f in open_reports(sdoc, [], regions(text, None, [], [])) if f.cue_token == 2
    ]
    weights = np.zeros(1 << open_cues.BITS, dtype=np.float32)
    weights[open_cues.index("lem=make")] = 2.0  # p = 0.88
    model = open_cues.OpenCueModel(weights, 0.5)
    assert model.keep(sdoc, [candidate]) == [candidate.with_(score=0.8808)]
    assert open_cues.OpenCueModel(weights, 0.9).keep(sdoc, [candidate]) == []
    model.save(tmp_path, {"note": "test"})
    loaded = open_cues.OpenCueModel.load(tmp_path)
    assert loaded.threshold == 0.5
    assert np.array_equal(loaded.weights, weights)


def test_without_the_classifier_the_rules_stand_alone() -> None:
    text = "The senator made sure that the bill would pass."
    assert attributed_quotes(text, parse(text)) == []


def test_the_classifier_is_bundled_with_its_card_numbers() -> None:
    model = open_cues.shipped()
    assert model is not None
    assert 0.3 <= model.threshold <= 0.5
    import json

    meta = json.loads((open_cues.MODEL_DIR / "open_cues.json").read_text(encoding="utf-8"))
    assert meta["cv"] and meta["candidates"] > meta["right"] > 0


def _stage_reports(sentence: str) -> list[tuple[str | None, str]]:
    import presslens

    text = "Council debates budget\n\n" + sentence
    analysis = presslens.analyze(text, stages=["quotes"])
    return [
        (text[q.cue[0] : q.cue[1]] if q.cue else None, text[q.span[0] : q.span[1]])
        for q in analysis.document.layer("quotes")
    ]


# Written before the classifier was trained: acts PolNeAR annotates as attributions.
@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (
            "The governor signed a bill that bans plastic bags.",
            "signed",
            "a bill that bans plastic bags",
        ),
        (
            "The president nominated a federal judge to the Supreme Court.",
            "nominated",
            "a federal judge",
        ),
    ],
)
def test_the_stage_keeps_acts_read_as_attributions(sentence: str, cue: str, content: str) -> None:
    assert (cue, content) in _stage_reports(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The train arrived in Boston shortly after noon.",
        "The company opened a new factory in Ohio last year.",
        "Firefighters worked through the night to contain the blaze.",
    ],
)
def test_plain_events_stay_without_attribution(sentence: str) -> None:
    assert _stage_reports(sentence) == []
