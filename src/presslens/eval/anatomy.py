"""Scoring the anatomy stage on the labelled dispatch openings.

The set (``presslens/resources/anatomy/openings.jsonl``) holds invented dispatch
openings, one JSON object a line: ``text``, ``lang``, ``outlet`` and the expected
``headline``, ``standfirst``, ``byline`` (texts or null), ``dateline`` (``place``,
``date``, ``agency`` or null) and ``boilerplate`` (the chrome lines' texts).

Every field is scored as exact agreement per opening: text fields compare the
predicted span's text with the expected text (both null counts as right);
``place``, ``date`` and ``agency`` are scored over the openings that have a
dateline, so a missed dateline counts against them; ``boilerplate`` is right
when the predicted chrome lines are exactly the expected ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from presslens.anatomy import dissect
from presslens.document import Anatomy, Span
from presslens.errors import InputError
from presslens.eval.scores import Counts

FIELDS: tuple[str, ...] = (
    "headline",
    "standfirst",
    "dateline",
    "place",
    "date",
    "agency",
    "byline",
    "boilerplate",
)
DATELINE_PARTS = ("place", "date", "agency")


def default_path() -> Path:
    """The labelled set shipped with presslens."""
    return Path(str(resources.files("presslens") / "resources" / "anatomy" / "openings.jsonl"))


def load_openings(path: str | Path | None = None) -> list[dict[str, Any]]:
    """Read the labelled openings; a malformed line is a one-line InputError."""
    path = Path(path) if path is not None else default_path()
    items: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError("data", f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise InputError("data", f"{path}:{number}: expected an object with 'text'")
            items.append(item)
    return items


def _text(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def predicted_fields(text: str, anatomy: Anatomy) -> dict[str, Any]:
    """The anatomy in the labelled set's terms (texts, not spans)."""
    d = anatomy.dateline
    return {
        "headline": _text(text, anatomy.headline),
        "standfirst": _text(text, anatomy.standfirst),
        "byline": _text(text, anatomy.byline),
        "dateline": None
        if d is None
        else {"place": d.place, "date": d.date, "agency": d.agency, "text": _text(text, d.span)},
        "boilerplate": [_text(text, sp) for sp in anatomy.boilerplate],
    }


def compare(expected: dict[str, Any], predicted: dict[str, Any]) -> dict[str, bool]:
    """Which fields of one opening are right; dateline parts only where one is expected."""
    out = {
        "headline": expected.get("headline") == predicted["headline"],
        "standfirst": expected.get("standfirst") == predicted["standfirst"],
        "byline": expected.get("byline") == predicted["byline"],
        "dateline": (expected.get("dateline") is None) == (predicted["dateline"] is None),
        "boilerplate": sorted(expected.get("boilerplate") or [])
        == sorted(predicted["boilerplate"]),
    }
    gold = expected.get("dateline")
    if gold is not None:
        got = predicted["dateline"] or {}
        for part in DATELINE_PARTS:
            out[part] = gold.get(part) == got.get(part)
    return out


@dataclass
class Tally:
    """Right/total counts per field."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, result: dict[str, bool]) -> None:
        for key, ok in result.items():
            self.total[key] += 1
            self.right[key] += int(ok)

    def accuracy(self, key: str) -> float | None:
        return self.right[key] / self.total[key] if self.total[key] else None


@dataclass
class Miss:
    id: str
    field: str
    expected: Any
    predicted: Any


@dataclass
class AnatomyReport:
    overall: Tally
    by_language: dict[str, Tally]
    misses: list[Miss]
    n: int


def evaluate(items: Iterable[dict[str, Any]]) -> AnatomyReport:
    """Run :func:`presslens.anatomy.dissect` on every opening and tally the fields."""
    overall = Tally()
    by_language: dict[str, Tally] = {}
    misses: list[Miss] = []
    n = 0
    for item in items:
        n += 1
        text = item["text"]
        predicted = predicted_fields(text, dissect(text, item.get("title")))
        result = compare(item, predicted)
        overall.add(result)
        by_language.setdefault(item.get("lang") or "?", Tally()).add(result)
        for key, ok in result.items():
            if ok:
                continue
            if key in DATELINE_PARTS:
                exp = (item.get("dateline") or {}).get(key)
                got = (predicted["dateline"] or {}).get(key)
            else:
                exp, got = item.get(key), predicted[key]
            misses.append(Miss(str(item.get("id", n)), key, exp, got))
    return AnatomyReport(overall, dict(sorted(by_language.items())), misses, n)


# ------------------------------------------------------------ sentence boundaries
_NAIVE_END = re.compile(r"[.!?][\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZА-ЯІЇЄҐ0-9])")


@dataclass(frozen=True)
class BoundaryScore:
    """Agreement of predicted sentence starts with reference sentence starts."""

    tp: int
    fp: int
    fn: int

    @property
    def counts(self) -> Counts:
        return Counts.of_errors(self.tp, self.fp, self.fn)

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1


def _naive_starts(text: str, start: int, end: int) -> set[int]:
    return {m.end() for m in _NAIVE_END.finditer(text, start, end) if m.end() < end}


def sentence_boundaries(texts: Iterable[str]) -> dict[str, BoundaryScore]:
    """Sentence starts against texts laid out one sentence per line (as PTC articles are).

    Inside each blank-line paragraph the reference starts are the starts of its
    second and later lines; the splitter sees the line breaks only as spaces.
    ``baseline`` splits at every ``.``, ``!`` or ``?`` before a capital.
    """
    from presslens.anatomy.lines import line_spans, paragraph_spans
    from presslens.anatomy.sentences import split_sentences

    counts = {"presslens": [0, 0, 0], "baseline": [0, 0, 0]}
    for text in texts:
        lines = line_spans(text)
        for s, e in paragraph_spans(text):
            gold = {ls for ls, le in lines if s < ls and le <= e}
            ours = {a for a, _ in split_sentences(text, s, e)[1:]}
            for name, pred in (("presslens", ours), ("baseline", _naive_starts(text, s, e))):
                c = counts[name]
                c[0] += len(gold & pred)
                c[1] += len(pred - gold)
                c[2] += len(gold - pred)
    return {name: BoundaryScore(*c) for name, c in counts.items()}
