"""The Russian/Ukrainian manipulation model: features, predictor, metrics, stage, views."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from presslens.corpora.unlp2025 import TECHNIQUES
from presslens.eval.manipulation import macro_f1, score, token_counts, token_flags
from presslens.manipulation import features as F
from presslens.manipulation.labels import DEFINITIONS, MANIPULATION, explain, title
from presslens.manipulation.predictor import ManipulationModel, passages
from presslens.manipulation.reading import passage_label

RU = "Киевский режим снова лжёт! Это позор. Министр сообщил о встрече в Москве."
UK = "Кремлівський режим знову бреше! Це ганьба. Міністр повідомив про зустріч у Києві."


def test_bucket_is_stable_across_processes():
    # crc32 of the UTF-8 bytes, not Python's per-process salted hash()
    assert F.bucket("w=режим", 1 << 20) == zlib.crc32("w=режим".encode()) % (1 << 20)
    assert F.bucket("", 7) == 0


def test_features_are_deterministic():
    a = F.tagger_rows(RU, "ru", 1 << 16, post_bag=False)
    b = F.tagger_rows(RU, "ru", 1 << 16, post_bag=False)
    assert len(a.indices) == len(F.TOKEN.findall(RU))
    for x, y in zip(a.indices, b.indices, strict=True):
        assert np.array_equal(x, y)
    ia, va = F.text_features(UK, "uk", 1 << 12)
    ib, vb = F.text_features(UK, "uk", 1 << 12)
    assert np.array_equal(ia, ib) and np.allclose(va, vb)
    assert abs(float(va @ va) - 1.0) < 1e-9


def test_names_and_party_words_become_placeholders():
    ru = F.tokenize(RU, "ru")
    uk = F.tokenize(UK, "uk")
    assert ru.lemmas[0] == F.PARTY and uk.lemmas[0] == F.PARTY  # киевский / кремлівський
    assert ru.lemmas[-1] == F.NAME and uk.lemmas[-1] == F.NAME  # Москве / Києві
    dateline = F.tokenize("МОСКВА, 20 июня. /ТАСС/. Текст.", "ru")
    assert dateline.lemmas[:1] == [F.NAME] and F.NAME in dateline.lemmas[3:5]


@pytest.mark.parametrize(
    ("language", "text", "swaps"),
    [
        (
            "ru",
            "Зеленский заявил, что Путина ждёт суд. Путинский и зеленский режимы. О Зеленском.",
            [("Зеленск", "Путин"), ("зеленск", "путин")],
        ),
        (
            "uk",
            "Зеленський заявив, що Путіна чекає суд. Путінський і зеленський режими."
            " Про Зеленського.",
            [("Зеленськ", "Путін"), ("зеленськ", "путін")],
        ),
    ],
    ids=["ru", "uk"],
)
def test_the_two_leaders_names_are_read_alike(language, text, swaps):
    # "Same rules for every side": each leader's surname and the adjective made from it
    # are the same placeholder, so swapping the two leaders changes no form
    def swap(value: str) -> str:
        for a, b in swaps:
            value = value.replace(a, "\0").replace(b, a).replace("\0", b)
        return value

    swapped = swap(text)
    assert swapped != text
    assert F.tokenize(text, language).lemmas == F.tokenize(swapped, language).lemmas
    assert F.tokenize(text, language).words == F.tokenize(swapped, language).words


def test_closed_class_words_and_spellings_are_one_form_in_both_languages():
    from presslens.manipulation.crosslingual import shared_lemma, skeleton

    ru = F.tokenize("Всё, что он сказал в Москве, и это тоже не так.", "ru")
    uk = F.tokenize("Усе, що він сказав у Києві, і це теж не так.", "uk")
    shared = {"всё", "что", "он", "в", "и", "это", "тоже", "не", "так"}
    assert shared <= set(ru.lemmas) and shared <= set(uk.lemmas)
    assert shared_lemma("режим", "uk") is None and shared_lemma("у", "ru") is None
    assert skeleton("дипломатичних")[:10] == skeleton("дипломатических")[:10]
    ia, _ = F.text_features("дипломатичних місій", "uk", 1 << 18)
    ib, _ = F.text_features("дипломатических миссий", "ru", 1 << 18)
    assert len(set(ia) & set(ib)) >= 6  # the cognates' character n-grams


def test_a_common_word_first_in_a_sentence_is_not_a_name():
    # the Ukrainian dictionary scores all parses alike and lists "усі" as the surname Ус first
    uk = F.tokenize("Усі новини. Усі працівники повернулися.", "uk")
    assert F.NAME not in uk.lemmas
    assert F.tokenize("Нарышкин заявил.", "ru").lemmas[0] == F.NAME


def test_a_language_with_its_own_token_threshold_uses_it():
    model = _tiny_model()
    model.thresholds = {"uk": 0.99}
    assert model.token_threshold("uk") == 0.99 and model.token_threshold("ru") == 0.5
    assert model.read(UK, "uk").spans == []


def _tiny_model(seed: int = 3) -> ManipulationModel:
    rng = np.random.default_rng(seed)
    meta = {
        "labels": list(TECHNIQUES),
        "tagger_dim": 256,
        "post_dim": 128,
        "tagger_scale": 0.02,
        "tagger_bias": -0.2,
        "tagger_post_weight": 0.5,
        "post_scales": [0.01] * 11,
        "post_biases": [0.0] * 11,
        "label_thresholds": [0.5] * 10,
        "token_threshold": 0.5,
        "smooth": 0.5,
    }
    arrays = {
        "tagger_w": rng.integers(-127, 128, 256).astype(np.int8),
        "post_w": rng.integers(-127, 128, (11, 128)).astype(np.int8),
    }
    return ManipulationModel(meta, arrays)


def test_predictor_on_a_tiny_model_is_consistent():
    model = _tiny_model()
    reading = model.read(RU, "ru")
    again = _tiny_model().read(RU, "ru")
    assert np.array_equal(reading.token_scores, again.token_scores)
    assert reading.spans == again.spans and reading.techniques == again.techniques
    assert len(reading.tokens) == len(reading.token_scores) == len(F.TOKEN.findall(RU))
    flagged = reading.token_scores >= model.threshold
    covered = token_flags(RU, [s for s, _ in reading.spans])
    assert np.array_equal(flagged, covered)
    for name, p in reading.techniques:
        assert p >= 0.5 and reading.technique_scores[name] == p
    assert set(reading.technique_scores) == set(TECHNIQUES)
    assert 0.0 <= reading.manipulative <= 1.0


def test_passages_join_runs_of_flagged_tokens():
    tokens = [(0, 2), (3, 5), (6, 8), (9, 11)]
    got = passages(tokens, np.array([0.6, 0.7, 0.2, 0.9]), 0.5)
    assert got == [((0, 5), 0.65), ((9, 11), 0.9)]
    assert passages([], np.zeros(0), 0.5) == []


def test_passage_label_names_a_lone_technique_only():
    assert passage_label([("cliche", 0.7)]) == "cliche"
    assert passage_label([("cliche", 0.7), ("fud", 0.6)]) == MANIPULATION
    assert passage_label([]) == MANIPULATION


def test_labels_have_names_definitions_and_examples_in_three_languages():
    assert tuple(DEFINITIONS) == TECHNIQUES
    for name in TECHNIQUES:
        d = explain(name)
        assert d is not None
        for value in (d.title, d.definition, d.example, d.title_ru, d.example_ru, d.title_uk):
            assert value.strip()
        assert title(name, "uk") == d.title_uk
    assert explain(MANIPULATION) is not None and explain("nonsense") is None


def test_token_f1_and_macro_f1_by_hand():
    text = "aa bb cc dd"
    assert token_counts(text, [(0, 5)], [(3, 8)]) == (1, 2, 2)
    assert token_counts(text, [(0, 5)], [(0, len(text))]) == (2, 4, 2)
    gold = np.array([[1, 0], [0, 0], [1, 1]], dtype=bool)
    pred = np.array([[1, 1], [0, 0], [0, 1]], dtype=bool)
    # label 0: tp1, pred1, gold2 -> 2/3; label 1: tp1, pred2, gold1 -> 2/3
    assert macro_f1(gold, pred) == pytest.approx(2 / 3)
    s = score(np.array([[1, 2, 2], [0, 0, 1]]), gold[:2], pred[:2], ["a", "b"], resamples=50)
    assert s.token_f1 == pytest.approx(2 / 5)
    assert s.token_interval[0] <= s.token_interval[1]


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Под давлением преступного киевского режима.", "ru", ["преступного киевского режима"]),
        ("Под давлением преступного московского режима.", "ru", ["преступного московского режима"]),
        ("Під тиском злочинного кремлівського режиму.", "uk", ["злочинного кремлівського режиму"]),
        ("Під тиском злочинного київського режиму.", "uk", ["злочинного київського режиму"]),
        ("Кровавая хунта снова лжёт.", "ru", ["Кровавая хунта"]),
        ("Режим работы музея изменился. Преступный мир.", "ru", []),
    ],
)
def test_designations_are_found_for_either_side(text, language, found):
    from presslens.manipulation.designations import find_designations

    assert [text[s:e] for s, e in find_designations(text, language)] == found


def test_designations_add_loaded_language_to_the_document():
    from presslens.manipulation.reading import with_designations

    assert with_designations([("fud", 0.6)], True) == (("loaded_language", 0.9), ("fud", 0.6))
    assert with_designations([("loaded_language", 0.95)], True) == (("loaded_language", 0.95),)
    assert with_designations([], False) == ()
