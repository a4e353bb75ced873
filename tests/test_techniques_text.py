"""Boundary rule, name masking, decoding and definitions of the techniques package."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.techniques.decode import DecodeParams, decode, runs
from presslens.techniques.definitions import DEFINITIONS
from presslens.techniques.labels import BOUNDARY_CHARS, TECHNIQUES, trim_span
from presslens.techniques.masking import PLACEHOLDER, mask_names
from presslens.techniques.windows import Window, line_sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("a  bad, thing.", (1, 14), (3, 13)),
        ("\n;:word;\n", (0, 9), (3, 7)),
        (" . , ", (0, 5), None),
        ("word", (-3, 99), (0, 4)),
    ],
)
def test_trim_span_follows_ptc_boundary_rule(text, span, expected):
    got = trim_span(text, span)
    assert got == expected
    if got:
        assert text[got[0]] not in BOUNDARY_CHARS and text[got[1] - 1] not in BOUNDARY_CHARS


def test_masking_makes_swapped_names_identical():
    a = "Russia's SVR said the criminal regime in Kiev failed, Sergey Naryshkin added."
    b = "Ukraine's SZRU said the criminal regime in Moscow failed, Oleh Petrenko added."
    ma, mb = mask_names(a), mask_names(b)
    assert ma.text == mb.text
    assert "criminal regime in " + PLACEHOLDER in ma.text
    assert ma.text.startswith(PLACEHOLDER + "'s " + PLACEHOLDER)


def test_masking_keeps_function_words_and_maps_offsets():
    text = "We said The Hague and I agree."
    masked = mask_names(text)
    assert masked.text == f"We said The {PLACEHOLDER} and I agree."
    start = masked.text.index(PLACEHOLDER)
    assert masked.to_original(start, start + len(PLACEHOLDER)) == (12, 17)
    assert masked.to_original(0, 2) == (0, 2)


def test_runs_bridge_small_gaps():
    assert runs([0.9, 0.1, 0.8, 0.1, 0.1, 0.7], 0.5, 1) == [(0, 2), (5, 5)]
    assert runs([0.1, 0.2], 0.5, 3) == []


def test_decode_word_level_min_length_and_peak():
    text = "they are evil liars, said he"
    # words: they(0-4) are(5-8) evil(9-13) liars(14-19) ,(19-20) said he
    offsets = [
        (-1, -1),
        (0, 4),
        (5, 8),
        (9, 13),
        (14, 17),
        (17, 19),
        (19, 20),
        (21, 25),
        (26, 28),
        (-1, -1),
    ]
    words = np.array([-1, 0, 1, 2, 3, 3, 4, 5, 6, -1])
    window = Window(np.zeros(len(words), dtype=np.int64), offsets, words)
    probs = np.array([0, 0.1, 0.2, 0.9, 0.8, 0.6, 0.9, 0.1, 0.1, 0])
    spans = decode(text, [window], [probs], DecodeParams(0.5, 0, 1))
    assert [s for s, _ in spans] == [(9, 19)]  # trailing comma trimmed
    assert decode(text, [window], [probs], DecodeParams(0.5, 0, 11)) == []
    assert decode(text, [window], [probs], DecodeParams(0.5, 0, 1, peak=0.95)) == []


def test_sentence_splitters():
    text = 'Title here\n\nFirst one. Second "one" here.\nLast'
    assert [text[s:e] for s, e in line_sentences(text)] == [
        "Title here",
        'First one. Second "one" here.',
        "Last",
    ]
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Title here",
        "First one.",
        'Second "one" here.',
        "Last",
    ]


def test_every_technique_is_defined_with_an_example():
    assert set(DEFINITIONS) == set(TECHNIQUES)
    for d in DEFINITIONS.values():
        assert d.definition and d.example and d.title


def test_names_match_the_ptc_label_file(shared_data):
    path = shared_data / "ptc" / "propaganda-techniques-names-semeval2020task11.txt"
    if not path.is_file():
        pytest.skip("PTC label list not found")
    names = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert tuple(names) == TECHNIQUES
