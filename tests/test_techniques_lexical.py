"""The lexical (hashed-feature) models beside the encoders: neutral features, fitting, mixing."""

from __future__ import annotations

import json

import numpy as np
import pytest

from presslens.techniques.features import normalise
from presslens.techniques.lexical import (
    LexicalModel,
    hash_features,
    span_feature_strings,
    token_features,
    window_words,
)
from presslens.techniques.model import SHIPPED
from presslens.techniques.windows import encode_sentences, load_tokenizer, pack, split_sentences
from presslens_training.techniques.lexical import fit_binary, fit_multiclass

HAVE_TOKENIZER = (SHIPPED / "tokenizer.json").is_file()
needs_tokenizer = pytest.mark.skipif(not HAVE_TOKENIZER, reason="shipped tokenizer missing")

A = 'Russia\'s SVR said the criminal regime in Kiev failed. Sergey Naryshkin added: "Lies!"'
B = 'Ukraine\'s SZRU said the criminal regime in Moscow failed. Oleh Petrenko added: "Lies!"'


def _windows(text: str):
    tokenizer = load_tokenizer(SHIPPED / "tokenizer.json")
    return pack(encode_sentences(tokenizer, text, split_sentences(text)))


@needs_tokenizer
def test_token_features_do_not_see_names():
    fa, fb = token_features(A, _windows(A)), token_features(B, _windows(B))
    assert fa == fb
    words = [f[1] for f in fa[0]]
    assert "w=criminal" in words and "w=[mask]" in words
    assert not any("kiev" in x or "moscow" in x or "russia" in x for w in fa for f in w for x in f)


@needs_tokenizer
def test_token_probabilities_are_per_piece_and_constant_within_a_word():
    windows = _windows(A)
    model = LexicalModel(np.random.default_rng(0).normal(size=1 << 10).astype(np.float32))
    probs = model.token_probabilities(A, windows)
    assert [len(p) for p in probs] == [len(w.ids) for w in windows]
    w = windows[0]
    assert probs[0][0] == 0 and len(window_words(w)) == len(token_features(A, windows)[0])
    for i in range(1, len(w.ids) - 1):
        if w.words[i] == w.words[i - 1]:
            assert probs[0][i] == probs[0][i - 1]


def test_span_features_do_not_see_names():
    def feats(text: str) -> list[str]:
        start = text.index("criminal")
        return sorted(span_feature_strings(text, (start, start + 15), None, normalise(text)))

    fa = feats(A)
    assert fa == feats(B)
    assert "b=criminal|regime" in fa and "R1=in" in fa
    assert hash_features(fa, 12).max() < 1 << 12


def test_fitting_learns_a_separable_toy_problem():
    rows = [np.array([0, 1]), np.array([0, 2]), np.array([0, 1]), np.array([0, 2])]
    w = fit_binary(rows, np.array([1, 0, 1, 0], dtype=np.float32), 8, steps=200, lr=0.1)
    assert w[1] > 0 > w[2]
    wm = fit_multiclass(rows, np.array([3, 5, 3, 5]), 8, 14, steps=200, lr=0.1)
    assert wm[1].argmax() == 3 and wm[2].argmax() == 5


def test_model_round_trips_in_float16(tmp_path):
    rng = np.random.default_rng(1)
    model = LexicalModel(rng.normal(size=16).astype(np.float32), rng.normal(size=(8, 14)))
    model.save(tmp_path / "lexical.npz")
    back = LexicalModel.load(tmp_path / "lexical.npz")
    assert back.token_bits == 4 and back.span_bits == 3
    np.testing.assert_allclose(back.token_w, model.token_w, atol=1e-2)
    probs = back.span_probabilities(A, [(0, 8), (20, 35)], [None, None], normalise(A))
    assert probs.shape == (2, 14)
    np.testing.assert_allclose(probs.sum(1), 1, atol=1e-5)


@pytest.mark.skipif(not (SHIPPED / "config.json").is_file(), reason="no shipped model")
def test_shipped_config_names_the_lexical_file_and_mix():
    config = json.loads((SHIPPED / "config.json").read_text(encoding="utf-8"))
    lexical = config["lexical"]
    assert (SHIPPED / lexical["file"]).is_file()
    assert 0 <= lexical["tag_mix"] <= 1 and 0 <= lexical["tc_mix"] <= 1
    assert (SHIPPED / lexical["file"]).stat().st_size < 4_000_000


@needs_tokenizer
def test_train_lexical_on_a_few_fit_articles(shared_data):
    from presslens.corpora import ptc
    from presslens_training.techniques.lexical import train_lexical

    articles = ptc.load_articles(ids=ptc.split_ids(ptc.article_ids())["fit"][:3])
    tokenizer = load_tokenizer(SHIPPED / "tokenizer.json")
    model, info = train_lexical(tokenizer, articles, steps=5)
    assert info["spans"] == sum(len(a.spans) for a in articles) and info["words"] > 100
    assert model.token_w.shape == (1 << 18,) and model.span_w.shape == (1 << 16, 14)
    text = articles[0].text
    probs = model.token_probabilities(text, _windows(text))
    assert all(((p >= 0) & (p <= 1)).all() for p in probs)
