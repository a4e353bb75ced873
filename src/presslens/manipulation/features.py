"""Hashed features for the Russian/Ukrainian manipulation model, shared by training and inference.

Training (scikit-learn) and inference (numpy) must see exactly the same feature
indices, so every feature is a string hashed with ``zlib.crc32`` (stable across
processes and Python versions, unlike ``hash()``) into ``dim`` buckets.

Tokens are ``\\w+`` runs, the unit the UNLP-2025 span metric counts. A token's
features are its own form, lemma, suffixes and character n-grams, its neighbours
within ``CONTEXT`` tokens, the punctuation right before and after it, and the bag
of lemmas of its sentence and of the whole text (manipulative passages in the data
are mostly whole clauses of manipulative posts, which a token alone cannot tell).
Lemmas come from pymorphy3's Russian or Ukrainian dictionary. Both languages are read
in one shared form where they coincide (:mod:`.crosslingual`: closed-class words as one
lemma, spellings reduced to a common skeleton), so one model reads both alike.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from presslens.manipulation.crosslingual import plain_parse, shared_lemma, skeleton

TOKEN = re.compile(r"\w+")
OPENERS = ("/", "(")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s)|\n+")
CONTEXT = 2
LANGUAGES = ("ru", "uk")


def bucket(feature: str, dim: int) -> int:
    """The stable bucket of one feature string."""
    return zlib.crc32(feature.encode("utf-8")) % dim


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "UNKN"})
NAME = "<name>"
PARTY = "<party>"
PARTY_STEMS = (
    "киевск",
    "київськ",
    "московск",
    "московськ",
    "кремлевск",
    "кремлёвск",
    "кремлівськ",
    "российск",
    "російськ",
    "русск",
    "руськ",
    "украинск",
    "українськ",
    "американск",
    "американськ",
    "европейск",
    "європейськ",
    "западн",
    "західн",
    "натовск",
    "натівськ",
    "белорусск",
    "білоруськ",
    "польск",
    "польськ",
    "британск",
    "британськ",
    "немецк",
    "німецьк",
    "французск",
    "французьк",
    "китайск",
    "китайськ",
    "советск",
    "радянськ",
    "банков",
)
LEADER_STEMS = ("путин", "путін", "зеленск", "зеленськ")
"""Stems of the two leaders' surnames and the adjectives made from them, all read as a
name, in any case: in Russian the adjective of "зеленский режим" is spelled as the
surname, so reading the adjectives as party words made «Зеленского» a party word and
«Путина» a name. As names, swapping the two leaders, or either with any other person,
changes no feature."""
SLUR = "<slur>"
SLUR_STEMS = (
    "рашист",
    "рашизм",
    "укроп",
    "укронацист",
    "хохл",
    "кацап",
    "москал",
    "бандеровц",
    "бандерівц",
    "русн",
    "свинособак",
    "орки",
    "орків",
    "орков",
    "оркам",
)
"""Both sides' slurs for each other, read as one placeholder: loaded whoever is meant."""
"""Stems of words that say which side of the conflict is meant (adjectives of countries and
capitals, and both sides' slurs for each other). Names and these words reach the model as
one placeholder each, so swapping the parties' names leaves every feature unchanged ("same
rules for every side"); what the text does with a side (``злочинного <party> режиму``)
still shows."""


@lru_cache(maxsize=2)
def _morph(language: str):  # pragma: no cover - trivial loader
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def make_lemmatizer(language: str) -> Callable[[str], tuple[str, bool]]:
    """A cached lowercase-word -> (lemma, looks like a name) function (pymorphy3's first
    parse that is not a name, :func:`.crosslingual.plain_parse`; a word looks like a name
    when every parse is tagged as a first name, surname, patronymic, place, organisation
    or abbreviation, or when the dictionary does not know it)."""
    morph = _morph(language)

    @lru_cache(maxsize=200_000)
    def lemma(word: str) -> tuple[str, bool]:
        parse = plain_parse(morph.parse(word), NAME_GRAMMEMES)
        named = bool(NAME_GRAMMEMES & set(parse.tag.grammemes))
        return parse.normal_form, named or not morph.word_is_known(word)

    return lemma


_LEMMATIZERS: dict[str, Callable[[str], tuple[str, bool]]] = {}


def lemmatizer(language: str) -> Callable[[str], tuple[str, bool]]:
    """One shared cached lemmatizer per language (Ukrainian and Russian dictionaries)."""
    language = language if language in LANGUAGES else "ru"
    if language not in _LEMMATIZERS:
        _LEMMATIZERS[language] = make_lemmatizer(language)
    return _LEMMATIZERS[language]


def is_party_word(word: str) -> bool:
    return word.startswith(PARTY_STEMS)


def neutral(raw: str, word: str, initial: bool, lemma: str, name_like: bool) -> str | None:
    """The placeholder a token is read as, or None for an ordinary word.

    Capitalised words inside a sentence are names; at a sentence start a capitalised
    word is a name when pymorphy3 says so or it is all capitals (datelines: ``KYIV``);
    party words (:data:`PARTY_STEMS`) and slurs (:data:`SLUR_STEMS`) in any case; the
    leaders' surnames and adjectives (:data:`LEADER_STEMS`) are names in any case.
    """
    if word.startswith(SLUR_STEMS) or lemma == "орк":
        return SLUR
    if word.startswith(LEADER_STEMS):
        return NAME
    if is_party_word(word) or is_party_word(lemma):
        return PARTY
    if raw[:1].isupper() and (not initial or name_like or (raw.isupper() and len(raw) > 1)):
        return NAME
    return None


@dataclass(frozen=True)
class Tokens:
    """The ``\\w+`` tokens of a text with their (name-neutral) forms, lemmas and sentence
    numbers."""

    spans: list[tuple[int, int]]
    words: list[str]
    lemmas: list[str]
    sentence: list[int]


def tokenize(text: str, language: str) -> Tokens:
    """Tokens, lowercase forms, lemmas and the sentence each token is in; names and party
    words become placeholders (:func:`neutral`), closed-class words their shared lemma in
    both word and lemma (:func:`.crosslingual.shared_lemma`)."""
    lemma = lemmatizer(language)
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    lemmas: list[str] = []
    sentence: list[int] = []
    k = 0
    for m in TOKEN.finditer(text):
        initial = False
        while k < len(ends) and ends[k] <= m.start():
            k += 1
        if not sentence or sentence[-1] != k:
            # "/Укрінформ/", "(TASS)": a bracketed word opens no sentence of its own
            before = text[spans[-1][1] if spans else 0 : m.start()].strip()
            initial = not before.endswith(OPENERS)
        raw = m.group()
        word = raw.lower()
        if word.isdigit():
            base, name_like = "<num>", False
        else:
            base, name_like = lemma(word)
        placeholder = neutral(raw, word, initial, base, name_like)
        shared = None if placeholder else shared_lemma(base, language)
        if shared:
            word = base = shared
        spans.append((m.start(), m.end()))
        words.append(placeholder or word)
        lemmas.append(placeholder or base)
        sentence.append(k)
    return Tokens(spans, words, lemmas, sentence)


def _shape(raw: str) -> str:
    if raw.isdigit():
        return "d"
    if raw.isupper() and len(raw) > 1:
        return "U"
    if raw[:1].isupper():
        return "C"
    return "l"


def _gap_mark(gap: str) -> str:
    """The punctuation between two tokens, reduced to a few telling characters."""
    marks = "".join(ch for ch in gap if ch in '!?«»"“”„()—–-:…#@\n')
    return marks[:4]


def token_features(text: str, tokens: Tokens, language: str, dim: int) -> list[np.ndarray]:
    """Bucket indices of each token's local features (binary, duplicates allowed)."""
    n = len(tokens.spans)
    words = [skeleton(w) for w in tokens.words]
    lemmas = [skeleton(lem) for lem in tokens.lemmas]
    out: list[np.ndarray] = []
    for i in range(n):
        start, end = tokens.spans[i]
        raw = text[start:end]
        word, lem = words[i], lemmas[i]
        feats = [
            "bias",
            f"w={word}",
            f"l={lem}",
            f"s3={word[-3:]}",
            f"p4={word[:4]}",
            f"shape={_shape(raw)}",
        ]
        padded = f"<{word}>"
        feats.extend(f"c4={padded[j : j + 4]}" for j in range(max(1, len(padded) - 3)))
        before = text[tokens.spans[i - 1][1] : start] if i else text[:start]
        after = text[end : tokens.spans[i + 1][0]] if i + 1 < n else text[end:]
        feats.append(f"gb={_gap_mark(before)}")
        feats.append(f"ga={_gap_mark(after)}")
        for off in range(-CONTEXT, CONTEXT + 1):
            if off == 0:
                continue
            j = i + off
            if 0 <= j < n:
                same = "" if tokens.sentence[j] == tokens.sentence[i] else "x"
                feats.append(f"{off}{same}l={lemmas[j]}")
            else:
                feats.append(f"{off}=<edge>")
        if i + 1 < n:
            feats.append(f"bi={lem}_{lemmas[i + 1]}")
        if i:
            feats.append(f"bi-={lemmas[i - 1]}_{lem}")
        first = i == 0 or tokens.sentence[i - 1] != tokens.sentence[i]
        feats.append(f"first={first}")
        out.append(np.fromiter((bucket(f, dim) for f in feats), dtype=np.int64, count=len(feats)))
    return out


def bag(lemmas: list[str], prefix: str, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """A bag of lemmas as (bucket indices, weights) with weights summing in L2 to 1."""
    if not lemmas:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    counts: dict[int, float] = {}
    for lem in lemmas:
        b = bucket(f"{prefix}={skeleton(lem)}", dim)
        counts[b] = counts.get(b, 0.0) + 1.0
    idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
    val = np.log1p(np.fromiter(counts.values(), dtype=float, count=len(counts)))
    norm = math.sqrt(float(val @ val)) or 1.0
    return idx, val / norm


@dataclass(frozen=True)
class TokenRows:
    """Sparse rows of the tagger's design matrix for one text (CSR pieces)."""

    tokens: Tokens
    indices: list[np.ndarray]
    values: list[np.ndarray]


def tagger_rows(text: str, language: str, dim: int, post_bag: bool = True) -> TokenRows:
    """Every token's features: local ones (weight 1), its sentence's and the text's bags."""
    tokens = tokenize(text, language)
    local = token_features(text, tokens, language, dim)
    post_idx, post_val = bag(tokens.lemmas, "p", dim) if post_bag else bag([], "p", dim)
    by_sentence: dict[int, list[str]] = {}
    for lem, s in zip(tokens.lemmas, tokens.sentence, strict=True):
        by_sentence.setdefault(s, []).append(lem)
    sentence_bags = {s: bag(lems, "s", dim) for s, lems in by_sentence.items()}
    n = len(tokens.spans)
    indices: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for i in range(n):
        s_idx, s_val = sentence_bags[tokens.sentence[i]]
        rel = i / max(1, n - 1)
        pos = bucket(f"pos={int(rel * 4)}", dim)
        size = bucket(f"len={min(6, int(math.log2(n + 1)))}", dim)
        idx = np.concatenate([local[i], [pos, size], s_idx, post_idx])
        val = np.concatenate([np.ones(len(local[i]) + 2), s_val, post_val])
        indices.append(idx)
        values.append(val)
    return TokenRows(tokens, indices, values)


def text_features(text: str, language: str, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """Features of a whole text for technique classification: lemma unigrams and bigrams,
    word forms and in-word character 4-grams, log counts, L2-normalised."""
    tokens = tokenize(text, language)
    counts: dict[int, float] = {}

    def add(feature: str) -> None:
        b = bucket(feature, dim)
        counts[b] = counts.get(b, 0.0) + 1.0

    lemmas = [skeleton(lem) for lem in tokens.lemmas]
    words = [skeleton(w) for w in tokens.words]
    for i, (word, lem) in enumerate(zip(words, lemmas, strict=True)):
        add(f"u={lem}")
        add(f"w={word}")
        if i + 1 < len(lemmas):
            add(f"b={lem}_{lemmas[i + 1]}")
        padded = f"<{word}>"
        for j in range(max(1, len(padded) - 3)):
            add(f"c4={padded[j : j + 4]}")
    for mark in ("!", "?", "«", "#", "…"):
        c = text.count(mark)
        if c:
            counts[bucket(f"mark={mark}", dim)] = counts.get(bucket(f"mark={mark}", dim), 0) + c
    add(f"len={min(8, int(math.log2(len(lemmas) + 1)))}")
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
    val = np.log1p(np.fromiter(counts.values(), dtype=float, count=len(counts)))
    return idx, val / (math.sqrt(float(val @ val)) or 1.0)
