"""Same rules for every side, in Russian and Ukrainian: swapping the parties' names
(countries, capitals, agencies, officials, every inflected form paired with the
partner's form in the same case) changes no quote and no sourcing basis."""

from __future__ import annotations

from pathlib import Path

import pytest

import presslens
from presslens.corpora import data_root
from swapping import (
    BORDER_RU,
    BORDER_RU_SWAP,
    BORDER_UK,
    BORDER_UK_SWAP,
    SEED_SWAP_RU,
    SEED_SWAP_UK,
    labels,
    swapper,
)

STAGES = ["quotes", "sourcing"]


def _seed(name: str) -> str:
    data = data_root(required=False)
    path = data.parent / "fixtures" / name if data is not None else None
    if path is None or not path.is_file():
        pytest.skip(f"../shared/fixtures/{name} not found (set PRESSLENS_DATA)")
    return Path(path).read_text(encoding="utf-8")


def _case(case: str) -> tuple[str, dict[str, str], str]:
    if case == "seed-ru":
        return _seed("seed-dispatch.ru.txt"), SEED_SWAP_RU, "ru"
    if case == "seed-uk":
        return _seed("seed-dispatch.uk.txt"), SEED_SWAP_UK, "uk"
    if case == "border-ru":
        return BORDER_RU, BORDER_RU_SWAP, "ru"
    return BORDER_UK, BORDER_UK_SWAP, "uk"


@pytest.mark.parametrize("case", ["seed-ru", "seed-uk", "border-ru", "border-uk"])
def test_swapping_parties_changes_no_quote_or_basis(case: str) -> None:
    text, pairs, language = _case(case)
    swap = swapper(pairs)
    swapped_text = swap(text)
    assert swapped_text != text
    original = presslens.analyze(text, stages=STAGES).to_dict()
    swapped = presslens.analyze(swapped_text, stages=STAGES).to_dict()
    assert original["language"] == swapped["language"] == language
    kinds = {q["kind"] for q in original["quotes"]}
    bases = {s["basis"] for s in original["sourcing"]}
    assert {"direct", "indirect"} <= kinds
    assert {"unverifiable", "anonymous", "organisation"} <= bases
    expected, got = labels(original, swap), labels(swapped, lambda s: s)
    assert got["quotes"] == expected["quotes"]
    assert got["sourcing"] == expected["sourcing"]


def test_inflected_forms_are_swapped() -> None:
    swap = swapper(BORDER_RU_SWAP)
    assert swap("в Ригу, из Риги, МИД Латвии") == "в Нарву, из Нарвы, МИД Эстонии"
    swap = swapper(SEED_SWAP_UK)
    assert swap("до Києва, у Києві, до Москви") == "до Москви, у Москві, до Києва"
