"""An office holder speaks on record: 'the mayor said' is ``named`` in every language.

The Russian and Ukrainian rules read a title noun ('мэр', 'міністр') as a person on
record; English read 'the mayor' as an organisation (a definite phrase with no name).
Invented sentences.
"""

from __future__ import annotations

import pytest

import presslens


def _basis_of_report(text: str) -> str:
    a = presslens.analyze(text).to_dict()
    [q] = [q for q in a["quotes"] if q["speaker"] is not None]
    [row] = [s for s in a["sourcing"] if s["span"][0] <= q["span"][0] < s["span"][1]]
    return row["basis"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the repairs would cost four million dollars.",
        "The defence minister said the exercises would end on Friday.",
        "The city's governor told reporters that the bridge would reopen soon.",
        "Мэр заявил, что ремонт обойдётся в четыре миллиона рублей.",
        "Мер заявив, що ремонт коштуватиме чотири мільйони гривень.",
    ],
)
def test_a_defined_office_holder_is_named(text):
    assert _basis_of_report(text) == "named"


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("A minister said the exercises would end on Friday.", "anonymous"),
        ("The ministry said the exercises would end on Friday.", "organisation"),
        ("Officials said the exercises would end on Friday.", "anonymous"),
    ],
)
def test_other_speakers_keep_their_basis(text, basis):
    assert _basis_of_report(text) == basis
