"""Pejorative designations: the labels a text pins on a government, group or person.

"The criminal regime in Kiev", "the Assad regime", "the junta", "Washington's puppets":
calling a government a *regime* or *junta*, or its people *thugs* and *henchmen*, is
the labelling that wire style guides tell reporters to avoid in their own voice (use
"government", "administration", "authorities"), and it is the textbook case of PTC's
Name_Calling,Labeling. The learned model under-reports it: PTC's annotators marked
only about 5% of the occurrences of "regime" in its train articles (many of them in
stock phrases such as "the Iranian regime" that the annotators read as neutral), so a
model trained on PTC learns to leave it alone. This module finds such designations by
rule, beside the model, so the report shows them whichever side they are aimed at:

- a designation noun of a government or ruling group (``regime``, ``junta``,
  ``clique``, ``cabal``) counts only when a pejorative modifier ("criminal regime") or
  a name ("the Kiev regime", "Assad's regime") designates someone with it; "regime"
  alone ("the sanctions regime", "a regime of checks") is not a label;
- a designation of people (``thugs``, ``henchmen``, ``stooges``, ...) counts alone;
- a pejorative modifier before any of these joins the span.

Names are found as the techniques encoder finds them (:mod:`.masking`: any run of
capitalised non-function words), so which country, city or person is named never
changes the result. The listed words themselves are lowercased first, so a Title-Case
headline ("The Kiev Regime") reads as the same designation rather than as one long
name. The lists are English words, never names of parties.
"""

from __future__ import annotations

import re

from presslens.document import Span
from presslens.techniques.masking import PLACEHOLDER, mask_names

NAME_CALLING = "Name_Calling,Labeling"
SCORE = 0.6
"""Score of a designation span: a rule match, surer than most model spans, never certain."""

RULING = ("regime", "regimes", "junta", "juntas", "clique", "cliques", "cabal", "cabals")
PEOPLE = (
    "thugs",
    "henchmen",
    "stooges",
    "lackeys",
    "cronies",
    "warmongers",
    "puppets",
    "traitors",
)
MODIFIERS = (
    "criminal",
    "corrupt",
    "illegitimate",
    "bloody",
    "bloodthirsty",
    "murderous",
    "puppet",
    "fascist",
    "neo-nazi",
    "nazi",
    "terrorist",
    "rogue",
    "thuggish",
    "genocidal",
    "treacherous",
    "lawless",
    "tyrannical",
    "despotic",
    "totalitarian",
    "kleptocratic",
    "usurping",
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MODS = rf"(?:(?:{_alternation(MODIFIERS)})\s+)"
_NAME = rf"(?:{re.escape(PLACEHOLDER)}(?:['’]s)?\s+)"
_PATTERN = re.compile(
    rf"(?<![\w-])(?:{_MODS}+{_NAME}?|{_MODS}*{_NAME})(?:{_alternation(RULING)})\b"
    rf"|(?<![\w-]){_MODS}*(?:{_alternation(PEOPLE)})\b",
    re.IGNORECASE,
)


_LISTED = re.compile(
    rf"(?<![\w-])(?:{_alternation(RULING + PEOPLE + MODIFIERS)})(?![\w-])", re.IGNORECASE
)


def _lower_listed(text: str) -> str:
    """``text`` with the listed words in lower case (same length: offsets unchanged)."""
    return _LISTED.sub(lambda m: m.group().lower(), text)


def find_designations(text: str) -> list[Span]:
    """Spans of pejorative designations in ``text`` (original character offsets).

    >>> t = "under pressure from the criminal regime in Kiev; the Moscow regime said"
    >>> [t[s:e] for s, e in find_designations(t)]
    ['criminal regime', 'Moscow regime']
    >>> find_designations("the sanctions regime and the regime of checks")
    []
    >>> t = "The Kiev Regime Loses Ground"
    >>> [t[s:e] for s, e in find_designations(t)]
    ['Kiev Regime']
    """
    masked = mask_names(_lower_listed(text))
    spans: list[Span] = []
    for match in _PATTERN.finditer(masked.text):
        start, end = masked.to_original(match.start(), match.end())
        spans.append((start, end))
    return spans
