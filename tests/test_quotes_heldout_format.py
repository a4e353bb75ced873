"""Format checks for the held-out Russian and Ukrainian quotes sets.

The held-out sets are scored once, so a broken reference (a substring that is not in the text,
an occurrence index that points at the wrong place, an unknown kind) would silently lower or
raise the score. These checks make every reference resolvable before anyone scores against it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

QUOTES_DIR = Path(__file__).resolve().parents[1] / "src/presslens/resources/eval/quotes"
LANGUAGES = ("ru", "uk")
KINDS = {"direct", "indirect", "mixed"}
BASES = {"named", "organisation", "anonymous", "unverifiable"}
CLAIM_BASES = {"unverifiable", "anonymous"}
LAYOUTS = {
    "dash-after",
    "interrupted",
    "colon-intro",
    "multi-paragraph",
    "nested",
    "reported-before",
    "anaphoric",
    "indirect",
    "gerund",
    "according-to",
    "statement",
    "via-agency",
    "anonymous",
    "pronoun-following",
    "mixed",
    "none",
}
TEXT_FIELDS = ("content", "speaker", "cue", "via")
OPENING_MARKS = "«„“\"'"
CLOSING_MARKS = "»“”\"'"
QUOTE_MARKS = set(OPENING_MARKS + CLOSING_MARKS)
MIN_QUOTES = 45


def load(lang: str) -> list[dict]:
    path = QUOTES_DIR / f"{lang}-heldout.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def occurrences(text: str, sub: str) -> list[int]:
    """Start offsets of `sub` in `text`, found with str.find from the start as the format says."""
    found, i = [], text.find(sub)
    while i != -1:
        found.append(i)
        i = text.find(sub, i + 1)
    return found


def resolve(text: str, obj: dict, field: str, where: str) -> tuple[int, int] | None:
    """The [start, end) span a field refers to, honouring its `<field>_at` occurrence index."""
    value = obj.get(field)
    at_key = f"{field}_at"
    if value is None:
        assert at_key not in obj, f"{where}: {at_key} given for a null {field}"
        return None
    assert isinstance(value, str) and value, f"{where}: {field} must be a non-empty string"
    found = occurrences(text, value)
    assert found, f"{where}: {field} {value!r} is not in the text"
    if len(found) > 1:
        assert at_key in obj, f"{where}: {field} {value!r} occurs {len(found)} times, no {at_key}"
    at = obj.get(at_key, 0)
    assert isinstance(at, int) and 0 <= at < len(found), f"{where}: bad {at_key}={at!r}"
    return found[at], found[at] + len(value)


@pytest.fixture(scope="module", params=LANGUAGES)
def lang_rows(request: pytest.FixtureRequest) -> tuple[str, list[dict]]:
    return request.param, load(request.param)


def test_ids_unique_across_sets() -> None:
    ids = [row["id"] for lang in LANGUAGES for row in load(lang)]
    assert len(ids) == len(set(ids))


def test_rows_have_the_documented_shape(lang_rows: tuple[str, list[dict]]) -> None:
    lang, rows = lang_rows
    for row in rows:
        assert set(row) == {"id", "language", "layout", "text", "quotes", "claims"}, row["id"]
        assert re.fullmatch(rf"{lang}-h-\d{{3}}", row["id"]), row["id"]
        assert row["language"] == lang, row["id"]
        assert row["layout"] in LAYOUTS, row["id"]
        assert isinstance(row["text"], str) and row["text"].strip(), row["id"]
        assert isinstance(row["quotes"], list) and isinstance(row["claims"], list), row["id"]


def test_every_reference_resolves(lang_rows: tuple[str, list[dict]]) -> None:
    _, rows = lang_rows
    for row in rows:
        text = row["text"]
        for n, quote in enumerate(row["quotes"]):
            where = f"{row['id']} quote {n}"
            assert quote["kind"] in KINDS, where
            assert quote["basis"] in BASES, where
            for field in TEXT_FIELDS:
                assert field in quote, f"{where}: missing {field}"
                resolve(text, quote, field, where)
        for n, claim in enumerate(row["claims"]):
            where = f"{row['id']} claim {n}"
            assert claim["basis"] in CLAIM_BASES, where
            resolve(text, claim, "text", where)


def test_direct_quotes_sit_between_quotation_marks(lang_rows: tuple[str, list[dict]]) -> None:
    _, rows = lang_rows
    for row in rows:
        text = row["text"]
        for n, quote in enumerate(row["quotes"]):
            start, end = resolve(text, quote, "content", row["id"])
            if quote["kind"] == "direct":
                assert start > 0 and text[start - 1] in OPENING_MARKS, f"{row['id']} quote {n}"
                assert end < len(text) and text[end] in CLOSING_MARKS, f"{row['id']} quote {n}"
            elif quote["kind"] == "indirect":
                enclosed = (
                    start > 0
                    and text[start - 1] in OPENING_MARKS
                    and end < len(text)
                    and text[end] in CLOSING_MARKS
                )
                assert not enclosed, f"{row['id']} quote {n}: quoted words marked indirect"
            elif quote["kind"] == "mixed":
                assert QUOTE_MARKS & set(quote["content"]), f"{row['id']} quote {n}"


def test_counts_and_negatives(lang_rows: tuple[str, list[dict]]) -> None:
    _, rows = lang_rows
    with_quotes = [row for row in rows if row["quotes"]]
    negatives = [row for row in rows if not row["quotes"]]
    assert sum(len(row["quotes"]) for row in rows) >= MIN_QUOTES
    assert 35 <= len(with_quotes) <= 45
    assert 6 <= len(negatives) <= 8
    for row in rows:
        assert (row["layout"] == "none") == (not row["quotes"]), row["id"]
    # negatives must exercise quotation marks that are not speech (labels, names)
    assert sum(any(mark in row["text"] for mark in '«"“') for row in negatives) >= 3


def test_every_kind_and_basis_is_exercised(lang_rows: tuple[str, list[dict]]) -> None:
    _, rows = lang_rows
    quotes = [quote for row in rows for quote in row["quotes"]]
    claims = [claim for row in rows for claim in row["claims"]]
    assert {quote["kind"] for quote in quotes} == KINDS
    assert {quote["basis"] for quote in quotes} >= {"named", "organisation", "anonymous"}
    assert {quote["basis"] for quote in quotes} | {claim["basis"] for claim in claims} >= BASES
    assert any(quote["via"] for quote in quotes)
    assert any(quote["speaker"] is None for quote in quotes)
