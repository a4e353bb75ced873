"""Pejorative designations in Russian and Ukrainian ("the criminal Kyiv regime",
"злочинний кремлівський режим"), tagged ``loaded_language`` by rule.

The UNLP-2025 annotators mark such designations as loaded language in Telegram posts,
but news dispatches are plainer than the posts the model learned from, and the model
reads them less confidently. Like the English stage's designations
(:mod:`presslens.techniques.designations`), the rule matches a pejorative modifier
followed, within two words, by a head that names a government or group; the words
that say whose government it is are placeholders in the lemmas
(:func:`presslens.manipulation.features.neutral`), so the rule is the same for every
side.
"""

from __future__ import annotations

from presslens.document import Span
from presslens.manipulation.features import NAME, PARTY, tokenize

LABEL = "loaded_language"
SCORE = 0.9
"""Score of a rule-found designation (a match, not a guess)."""

PEJORATIVE = frozenset(
    {
        # ru
        "преступный",
        "террористический",
        "нацистский",
        "неонацистский",
        "фашистский",
        "кровавый",
        "людоедский",
        "марионеточный",
        "нелегитимный",
        "оккупационный",
        "захватнический",
        "бандитский",
        "варварский",
        "тоталитарный",
        "диктаторский",
        "лживый",
        "человеконенавистнический",
        # uk
        "злочинний",
        "терористичний",
        "нацистський",
        "неонацистський",
        "фашистський",
        "кривавий",
        "людоїдський",
        "маріонетковий",
        "нелегітимний",
        "окупаційний",
        "загарбницький",
        "бандитський",
        "варварський",
        "тоталітарний",
        "диктаторський",
        "брехливий",
        "людиноненависницький",
    }
)
HEADS = frozenset(
    {
        "режим",
        "хунта",
        "клика",
        "кліка",
        "власть",
        "влада",
        "верхушка",
        "верхівка",
        "банда",
        "правительство",
        "уряд",
        "руководство",
        "керівництво",
    }
)
MODIFIERS = frozenset({PARTY, NAME})


def find_designations(text: str, language: str) -> list[Span]:
    """Spans of ``PEJORATIVE (PARTY|NAME|PEJORATIVE){0,2} HEAD`` in ``text``."""
    tokens = tokenize(text, language)
    lemmas = tokens.lemmas
    out: list[Span] = []
    for i, lemma in enumerate(lemmas):
        if lemma not in PEJORATIVE:
            continue
        for j in range(i + 1, min(i + 4, len(lemmas))):
            if tokens.sentence[j] != tokens.sentence[i]:
                break
            if lemmas[j] in HEADS:
                out.append((tokens.spans[i][0], tokens.spans[j][1]))
                break
            if lemmas[j] not in MODIFIERS and lemmas[j] not in PEJORATIVE:
                break
    return out
