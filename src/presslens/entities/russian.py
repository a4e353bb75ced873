"""Mentions in Russian (and Ukrainian) text, from natasha's bundled models.

spaCy's English model is useless on Cyrillic, and the ``syntax`` layer is None
there. natasha 1.6 ships its NER, morphology and embeddings inside the wheel, so
nothing is downloaded (see notes/offline-dependencies.md): names are tagged PER,
ORG or LOC and normalised to their dictionary form ("Москву" -> "Москва"), which
is what merging compares. natasha's models are trained on Russian news; on
Ukrainian text they find fewer names.

Titles in Russian come before the name with the organisation in the genitive
after the title noun ("директор СВР Сергей Нарышкин"): the run of nouns,
adjectives and acronyms right before the name, holding at least one lowercase
noun, is the title.
"""

from __future__ import annotations

import re
import threading
import warnings
from functools import lru_cache
from typing import Any

from presslens.entities.cyrillic_titles import common_noun, opens_sentence
from presslens.entities.mention import ORG, PERSON, PLACE, Mention

NATASHA_TYPES = {"PER": PERSON, "ORG": ORG, "LOC": PLACE}
_lock = threading.Lock()
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)?\s*$")
_TITLE_POS = frozenset({"NOUN", "ADJ", "PROPN"})
_MAX_TITLE_TOKENS = 4


def _import_natasha() -> Any:
    """Import natasha (pymorphy2 under it warns about pkg_resources; hushed in _models)."""
    import natasha

    return natasha


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any, Any]:
    """natasha's segmenter, NER tagger, morphology tagger and vocabulary, loaded once."""
    natasha = _import_natasha()
    with _lock, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
        embedding = natasha.NewsEmbedding()
        return (
            natasha.Segmenter(),
            natasha.NewsNERTagger(embedding),
            natasha.NewsMorphTagger(embedding),
            natasha.MorphVocab(),
        )


def available() -> bool:
    """Whether natasha is installed (it is an optional dependency)."""
    try:
        _import_natasha()
    except ImportError:
        return False
    return True


def _head_noun(tok: Any, text: str) -> bool:
    """A common noun, or one the tagger reads as a name only because it opens a line or
    a sentence ('Министр обороны Андрей Белоусов' at a paragraph's start: PROPN)."""
    if tok.pos == "NOUN":
        return True
    return tok.pos == "PROPN" and opens_sentence(text, tok.start) and common_noun(tok.text, "ru")


def _title(tokens: list[Any], start: int, text: str) -> str | None:
    """The title phrase right before the token at index ``start``, if any (never across
    a line break: a headline's last word is no part of the title below it)."""
    i = start - 1
    chosen: list[Any] = []
    while i >= 0 and len(chosen) < _MAX_TITLE_TOKENS:
        tok = tokens[i]
        if tok.pos not in _TITLE_POS or "\n" in text[tok.stop : tokens[i + 1].start]:
            break
        chosen.insert(0, tok)
        i -= 1
    case = tokens[start].feats.get("Case") if start < len(tokens) else None
    # A title starts with its head noun ("директор", "глава"), in the name's case:
    # "по словам Нарышкина" is no title.
    while chosen and not (
        _head_noun(chosen[0], text)
        and not chosen[0].text.isupper()
        and chosen[0].feats.get("Case") == case
    ):
        chosen.pop(0)
    if not chosen:
        return None
    return " ".join(t.text for t in chosen)


def _capitalised_prefix(surface: str) -> str:
    """The leading capitalised words of a span ("Росії погіршується" -> "Росії")."""
    words = surface.split(" ")
    kept = []
    for word in words:
        if not word[:1].isupper():
            break
        kept.append(word)
    return " ".join(kept)


def natasha_mentions(text: str, language: str = "ru") -> list[Mention]:
    """Mentions of people, organisations and places; empty when natasha is missing.

    For Ukrainian (``language="uk"``) natasha's Russian models are kept on a short
    leash: spans are cut to their capitalised words, people need a first name
    and a surname, names are not normalised (the Russian dictionary would
    mangle them) and titles are not read (the morphology is unreliable).
    """
    if not available():
        return []
    Doc = _import_natasha().Doc

    segmenter, ner, morph, vocab = _models()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.tag_ner(ner)
    tokens = list(doc.tokens)
    starts = {t.start: i for i, t in enumerate(tokens)}
    out: list[Mention] = []
    for span in doc.spans:
        type_ = NATASHA_TYPES.get(span.type)
        if type_ is None:
            continue
        span.normalize(vocab)
        surface = span.text
        lemma = span.normal or surface
        cut = _TRAILING_PARENTHESIS.search(surface)
        if cut and cut.start() > 0:  # "России (СВР)": the acronym is defined, not named
            surface = surface[: cut.start()]
            lemma = _TRAILING_PARENTHESIS.sub("", lemma) or surface
        if language != "ru":
            surface = lemma = _capitalised_prefix(surface)
            if type_ == PERSON and len(surface.split()) < 2:
                continue
        if not any(c.isupper() for c in surface):
            continue
        titles: tuple[str, ...] = ()
        if type_ == PERSON and span.start in starts and language == "ru":
            title = _title(tokens, starts[span.start], text)
            titles = (title,) if title else ()
        out.append(
            Mention(
                span=(span.start, span.start + len(surface)),
                type=type_,
                name=surface,
                full=lemma,
                lemma=lemma,
                titles=titles,
            )
        )
    return out
