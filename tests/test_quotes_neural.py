"""The fine-tuned English attribution tagger (issue 19): its run-time reader, its files,
and what it adds to the rules when the ``attribution_model`` setting is on."""

from __future__ import annotations

import hashlib
import json

import pytest

from presslens.attribution import neural
from presslens.attribution.found import Found
from presslens.attribution.learned import MODEL_DIR

needs_model = pytest.mark.skipif(neural.shipped() is None, reason="tagger files not built")


def _quotes(text: str, on: bool = True) -> list:
    from presslens.ingest.reader import read
    from presslens.pipeline import Pipeline
    from presslens.settings import get_settings

    settings = get_settings(attribution_model=on)
    doc = Pipeline.default(settings, exclude=["techniques", "manipulation"])(read(text=text))
    return list(doc.layer("quotes"))


def test_consistent_opens_a_span_on_a_stray_inside_label() -> None:
    labels = ["O", "I-CONT", "I-CONT", "B-SRC", "I-CUE", "I-CUE"]
    assert neural.consistent(labels) == ["O", "B-CONT", "I-CONT", "B-SRC", "B-CUE", "I-CUE"]


def test_encode_keeps_the_closing_piece_and_marks_words_cut_off() -> None:
    from presslens.techniques.windows import load_tokenizer

    tok = load_tokenizer(neural.TECHNIQUES_DIR / "tokenizer.json")
    words = ["[MASK]", "said", "", "unhinged", *["word"] * 200]
    ids, first = neural.encode(tok, words, 16)
    assert len(ids) == 16
    assert ids[0] == tok.token_to_id("[CLS]") and ids[-1] == tok.token_to_id("[SEP]")
    assert ids[1] == tok.token_to_id("[MASK]")  # one piece for every name
    assert first[:4] == [1, 2, -1, 3]  # a name's later word has no piece
    assert first[-1] == -1  # cut off by the window: read as 'O'


def test_names_reach_the_tagger_as_one_placeholder() -> None:
    from presslens.stages.syntax import parse

    one = parse("Trump said the GOP plan was a disaster.")
    other = parse("Hillary Clinton said the Democratic Party plan was a disaster.")
    words = neural.unit_words(list(one))
    assert words[0] == neural.MASK
    # A run of names is one placeholder: its later words have no piece of their own.
    assert [w for w in neural.unit_words(list(other)) if w] == words


def test_a_name_keeps_its_first_word_role() -> None:
    import numpy as np

    from presslens.attribution.learned import LABELS

    words = [neural.MASK, neural.NAME_GOES_ON, "said", "it", "was", "late"]
    first = [1, -1, 2, 3, 4, 5]
    probs = np.zeros((7, len(LABELS)))
    for pos, label in enumerate(["O", "B-SRC", "B-CUE", "B-CONT", "I-CONT", "I-CONT", "O"]):
        probs[pos, LABELS.index(label)] = 0.9
        probs[pos, 0] += 0.1
    labels, inside = neural.word_labels(probs, first, words)
    assert labels == ["B-SRC", "I-SRC", "B-CUE", "B-CONT", "I-CONT", "I-CONT"]
    assert inside[1] == inside[0] == pytest.approx(0.9)


def test_scored_is_the_mean_over_the_content_words() -> None:
    from presslens.attribution.learned import units
    from presslens.stages.syntax import parse

    text = "Smith said taxes would rise."
    sdoc = parse(text)
    all_units = units(sdoc, [(0, len(text))])
    inside = [[0.2, 0.4, 0.9, 0.7, 0.8, 0.0]]
    start = text.index("taxes")
    f = Found("indirect", (start, len(text) - 1), ((start, len(text) - 1),), (6, 10))
    (g,) = neural.scored([f], all_units, inside)
    assert g.score == pytest.approx((0.9 + 0.7 + 0.8) / 3)


@needs_model
def test_the_shared_word_table_is_the_one_the_tagger_was_trained_with() -> None:
    config = json.loads((MODEL_DIR / "config.json").read_text(encoding="utf-8"))["neural"]
    table = neural.TABLE.read_bytes()
    assert hashlib.sha256(table).hexdigest() == config["table"]["sha256"]
    assert len(table) == config["table"]["rows"] * 384
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir() if p.is_file())
    assert size < 15_000_000  # transformer layers only: the table is the techniques tagger's


@needs_model
def test_tagger_reads_attributions_by_itself() -> None:
    """Written apart from the rules: plain reported speech, a named speaker."""
    from presslens.attribution.learned import units
    from presslens.stages.syntax import parse

    text = "The minister said that the new tax would hurt small farms."
    sdoc = parse(text)
    tagger = neural.shipped()
    assert tagger is not None
    found = neural.find_neural(text, sdoc, [(0, len(text))], tagger, [])
    assert len(found) == 1
    f = found[0]
    # PolNeAR's content holds the complementiser ('that the new tax ...').
    assert "the new tax would hurt small farms" in text[slice(*f.span)]
    assert f.speaker is not None and "minister" in text[slice(*f.speaker)]
    assert f.cue is not None and text[slice(*f.cue)] == "said"
    assert f.score is not None and 0.5 < f.score <= 1.0
    assert len(units(sdoc, [(0, len(text))])) == 1


@needs_model
@pytest.mark.parametrize(
    "text, content",
    [
        # Written before the tagger was trained, apart from the rules.
        (
            "The mayor believes the stadium will pay for itself within ten years.",
            "the stadium will pay for itself",
        ),
        (
            "Union leaders warned members that the plant could close by spring.",
            "the plant could close by spring",
        ),
        (
            "Two aides familiar with the talks said the deal was close.",
            "the deal was close",
        ),
    ],
)
def test_the_setting_finds_reported_speech(text: str, content: str) -> None:
    quotes = _quotes(text, on=True)
    assert any(content in text[slice(*q.span)] for q in quotes), [
        text[slice(*q.span)] for q in quotes
    ]


@needs_model
@pytest.mark.parametrize("agency", ["Reuters", "AFP", "AP", "TASS"])
def test_a_dateline_agency_is_never_the_speaker_with_the_tagger(agency: str) -> None:
    text = (
        f'LONDON, March 2 ({agency}) - "I take full responsibility," the defence minister '
        "told reporters. The minister said the review would end in May."
    )
    for q in _quotes(text, on=True):
        if q.speaker is not None and q.speaker.span is not None:
            assert agency not in text[slice(*q.speaker.span)]


@needs_model
def test_swapping_names_keeps_the_tagger_labels() -> None:
    from presslens.attribution.learned import units
    from presslens.stages.syntax import parse

    tagger = neural.shipped()
    assert tagger is not None
    one = "Trump told supporters in Ohio that Clinton would raise taxes on the middle class."
    other = "Clinton told supporters in Ohio that Trump would raise taxes on the middle class."
    rows = []
    for text in (one, other):
        sdoc = parse(text)
        (unit,) = units(sdoc, [(0, len(text))])
        rows.append(tagger.tag([neural.unit_words(unit.tokens)])[0])
    assert rows[0] == rows[1]
    assert any(label != "O" for label in rows[0])
