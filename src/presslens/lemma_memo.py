"""spaCy's rule lemmatizer with every answer remembered.

``en_core_web_sm``'s lemmatizer (mode ``rule``) derives a lemma from the token's
text, POS and morphology only, but it caches just the answers of its last path:
a singular noun, an infinitive or a positive adjective (its early "base form"
answers, most tokens of news text) is worked out again, through
``morph.to_dict()``, each time it occurs. :class:`MemoLemmatizer` asks the
original lemmatizer once per (text, POS, morphology) and remembers the lemma, so
the lemmas are the ones spaCy gives (``tests/test_attribute_rules.py`` compares
whole pipelines) at a dictionary lookup per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

MAX_ENTRIES = 500_000  # a long crawl's vocabulary; past it the memo starts again


class MemoLemmatizer:
    """A ``Lemmatizer`` (rule mode) whose answers are kept per (orth, pos, morph)."""

    def __init__(self, lemmatizer: Any, name: str | None = None):
        self.inner = lemmatizer
        self.name = name or lemmatizer.name
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        inner = self.inner
        strings = doc.vocab.strings
        memo = self._memo
        if len(memo) > MAX_ENTRIES:
            memo.clear()
        overwrite = inner.overwrite
        for token in doc:
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = strings.add(inner.lemmatize(token)[0])
                token.lemma = lemma
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in docs:
            yield self(doc)


_FACTORY = "presslens_memo_lemmatizer"


def _make(nlp: Any, name: str, source: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe(source), name)


def install_memo_lemmatizer(nlp: Any) -> None:
    """Put :class:`MemoLemmatizer` around each rule-mode lemmatizer of ``nlp``."""
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

    if not Language.has_factory(_FACTORY):
        Language.factory(_FACTORY, default_config={"source": "lemmatizer"})(_make)
    for name, proc in list(nlp.pipeline):
        if not isinstance(proc, Lemmatizer) or proc.mode != "rule":
            continue
        proc._validate_tables()  # what its own first call does
        temporary = f"{name}__memo"
        nlp.add_pipe(_FACTORY, name=temporary, after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(temporary, name)
