"""The repetitions stage: repeated passages as one record with every occurrence."""

from __future__ import annotations

import random
import time

import pytest

from presslens.document import Anatomy, Document
from presslens.repetitions import (
    MIN_WORDS,
    find_repetitions,
    words,
)
from presslens.settings import Settings
from presslens.stages.repetitions import RepetitionsStage

QUOTE = (
    "the harbour authority has received no request to close the northern channel "
    "and considers the reports about a blockade to be entirely unfounded"
)


def _run(text: str, anatomy: Anatomy | None = None) -> list:
    doc = Document(text)
    doc.add_layer("anatomy", anatomy or Anatomy())
    return RepetitionsStage(Settings()).run(doc)


def test_seed_quote_is_one_repetition_with_both_occurrences(seed_text: str) -> None:
    reps = _run(seed_text)
    assert len(reps) == 1
    (first, second) = reps[0].spans
    start = seed_text.index("According to".lower())
    body = seed_text.index("according to", start + 1)
    end_first = seed_text.index("offices abroad", start) + len("offices abroad")
    end_second = seed_text.index("offices abroad", body) + len("offices abroad")
    # Each occurrence covers the whole quoted statement and ends on a word.
    assert first[0] <= start and first[1] == end_first
    assert second[0] <= body and second[1] == end_second
    assert seed_text[second[1]] == "."  # the period after it is left out


def test_no_repeats_no_repetitions() -> None:
    text = (
        "MARLOW, March 3. The council approved the budget on Tuesday after a long debate. "
        "Opposition members said the spending plan ignored rural schools. "
        "The mayor said the plan would be revised in the autumn if revenue allowed."
    )
    assert _run(text) == []


def test_short_formulaic_repeats_are_ignored() -> None:
    text = (
        "The road will close on Monday, the press office said. Crews will repave it. "
        "The bridge will close on Friday, the press office said. Traffic will be diverted."
    )
    assert _run(text) == []


def test_verbatim_repeat_inside_one_text() -> None:
    text = f"Officials said {QUOTE}. Fishermen disagreed. A spokesman repeated that {QUOTE}."
    (rep,) = _run(text)
    assert [text[s:e] for s, e in rep.spans] == [QUOTE, QUOTE]


def test_near_verbatim_repeat_with_changed_words() -> None:
    edited = QUOTE.replace("no request", "no formal request").replace("entirely", "totally")
    text = f"Officials told us {QUOTE}. Fishermen disagreed. Later a spokesman insisted {edited}."
    (rep,) = _run(text)
    first, second = (text[s:e] for s, e in rep.spans)
    assert first == QUOTE
    assert second == edited


def test_densely_edited_sentence_is_caught_by_shingles() -> None:
    a = "The convoy of nine trucks carrying grain crossed the border at dawn on Sunday morning."
    b = "The convoy of ten trucks carrying grain crossed the border at noon on Sunday morning."
    text = f"{a} Drivers waited for hours. {b}"
    (rep,) = _run(text)
    assert len(rep.spans) == 2
    assert rep.spans[0][0] == 0 and rep.spans[1][1] == len(text) - 1


def test_three_occurrences_are_one_repetition() -> None:
    text = f"{QUOTE}. One. {QUOTE}. Two. {QUOTE}."
    (rep,) = _run(text)
    assert len(rep.spans) == 3


def test_back_to_back_repeat() -> None:
    text = f"{QUOTE} {QUOTE}"
    (rep,) = _run(text)
    assert len(rep.spans) == 2


def test_block_repeated_back_to_back_is_one_series() -> None:
    text = " ".join([f"{QUOTE}."] * 3)
    (rep,) = _run(text)
    assert [text[s:e] for s, e in rep.spans] == [QUOTE] * 3


def test_with_the_anatomy_stage(seed_text: str) -> None:
    stage = pytest.importorskip("presslens.stages.anatomy")
    doc = Document(seed_text)
    doc.add_layer("anatomy", stage.AnatomyStage(Settings()).run(doc))
    (rep,) = RepetitionsStage(Settings()).run(doc)
    assert len(rep.spans) == 2


def test_boilerplate_is_skipped() -> None:
    footer = "Subscribe to our newsletter to receive the latest news from the region every day"
    text = f"{footer}. The port reopened on Monday. {footer}."
    second = text.rindex(footer)
    anatomy = Anatomy(boilerplate=((0, len(footer) + 1), (second, len(text))))
    assert _run(text, anatomy) == []
    assert len(_run(text)) == 1


def test_non_english_text() -> None:
    quote = (
        "ситуация на границе остаётся напряжённой и требует немедленного "
        "внимания со стороны международного сообщества"
    )
    text = f"Как заявил министр, «{quote}». Эксперты не согласны. Он повторил: «{quote}»."
    (rep,) = _run(text)
    assert [text[s:e] for s, e in rep.spans] == [quote, quote]


def test_text_without_spaces_between_words() -> None:
    sentence = "外交部发言人表示双方将继续就边境问题进行磋商"
    text = f"{sentence}。记者提问。{sentence}。"
    (rep,) = _run(text)
    assert [text[s:e] for s, e in rep.spans] == [sentence, sentence]


def test_curly_apostrophes_match_straight_ones() -> None:
    assert words("Ukraine’s").keys == words("Ukraine's").keys


def test_fast_on_a_long_article() -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    sentences = [" ".join(rng.choices(vocab, k=15)) + "." for _ in range(500)]
    sentences[400] = sentences[10]
    text = " ".join(sentences)
    text = (text * (50_000 // len(text) + 1))[:50_000]
    started = time.perf_counter()
    reps = find_repetitions(text[: len(" ".join(sentences[:450]))])
    elapsed_small = time.perf_counter() - started
    assert len(reps) == 1 and len(reps[0].spans) == 2
    started = time.perf_counter()
    find_repetitions(text)
    elapsed = time.perf_counter() - started
    print(f"repetitions: {len(text)} chars, {elapsed:.3f} s")
    assert elapsed < 1.0
    assert elapsed_small < 1.0
    assert len(text) == 50_000 and MIN_WORDS >= 5


def test_a_repeat_does_not_grow_across_a_paragraph_break():
    # The word before each copy is the same ("in") by chance, after a different word:
    # the repeated paragraph starts at its own first word, not in the paragraph before.
    quote = "As the director noted, the situation keeps worsening for the staff abroad."
    before = ("Diplomats told to seek refuge in Moscow", "The appeal was made in writing.")
    text = f"{before[0]}\n\n{quote}\n\n{before[1]}\n\n{quote}"
    (repetition,) = find_repetitions(text)
    assert [text[s:e] for s, e in repetition.spans] == [quote[:-1], quote[:-1]]
