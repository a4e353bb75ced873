"""The closed vocabularies of the output contract, defined once.

Why one module: the sourcing bases, quote kinds and technique names are part of the
``presslens.analysis/1`` contract (DESIGN.md); the document model, the stages, the
report, the terminal view and the API all check or list them, and a second copy of
a list drifts. Everything here is data (no imports from presslens), so any module
may import it.
"""

from __future__ import annotations

from typing import Literal, get_args

Basis = Literal["named", "organisation", "anonymous", "unverifiable", "unattributed"]
"""What a claim rests on: a named person, an organisation, anonymous sources, a claim
of knowledge that cannot be checked, or nothing (the outlet's own voice)."""
BASES: tuple[str, ...] = get_args(Basis)

QuoteKind = Literal["direct", "indirect", "mixed"]
"""Direct speech in quotation marks, reported speech, or both in one attribution."""
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)

PTC_TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)
"""The 14 PTC (SemEval-2020 Task 11) techniques, spelled and ordered as in the
organisers' label list; the shipped model's output columns follow this order."""

UNLP2025_TECHNIQUES: tuple[str, ...] = (
    "loaded_language",
    "glittering_generalities",
    "euphoria",
    "appeal_to_fear",
    "fud",
    "bandwagon",
    "cliche",
    "whataboutism",
    "cherry_picking",
    "straw_man",
)
"""The ten UNLP-2025 manipulation techniques (Russian and Ukrainian), spelled as in the
shared task's data; the manipulation model's label columns follow this order."""

TAXONOMIES: dict[str, tuple[str, ...]] = {"ptc": PTC_TECHNIQUES, "unlp2025": UNLP2025_TECHNIQUES}
"""Technique names per taxonomy (the label set a techniques model was trained on)."""
