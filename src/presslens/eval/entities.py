"""Scoring entity mentions against gold spans: typed overlap, exact, per type.

A predicted mention is right under *overlap* when it shares a character with a
gold span of the same type, and under *exact* when its boundaries and type are
the gold ones. Precision counts predicted mentions that are right, recall gold
spans that some prediction gets right (so a name split in two costs precision,
not recall). *Untyped* overlap drops the type: the only score a rule that
knows no types (:func:`capitalised_runs`) can have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from presslens.eval.spans import PRF

ENTITY_TYPES = ("PERSON", "ORG", "PLACE")
Typed = tuple[str, int, int]  # type, start, end
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")


@dataclass
class Counts:
    """Right predictions, predictions, gold spans found, gold spans."""

    right: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.right += other.right
        self.predicted += other.predicted
        self.found += other.found
        self.gold += other.gold

    def prf(self) -> PRF:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return PRF.of(p, r, self.gold)


def _match(a: Typed, b: Typed, exact: bool, typed: bool) -> bool:
    if typed and a[0] != b[0]:
        return False
    if exact:
        return a[1:] == b[1:]
    return a[1] < b[2] and b[1] < a[2]


def count(
    pred: Iterable[Typed], gold: Iterable[Typed], *, exact: bool = False, typed: bool = True
) -> Counts:
    """Counts for one document."""
    pred, gold = sorted(set(pred)), sorted(set(gold))
    right = sum(any(_match(p, g, exact, typed) for g in gold) for p in pred)
    found = sum(any(_match(p, g, exact, typed) for p in pred) for g in gold)
    return Counts(right, len(pred), found, len(gold))


@dataclass
class Report:
    """Sums over documents: overall and per type, overlap and exact, plus untyped overlap."""

    overlap: Counts
    exact: Counts
    untyped: Counts
    by_type: dict[str, tuple[Counts, Counts]]

    @classmethod
    def empty(cls) -> Report:
        return cls(Counts(), Counts(), Counts(), {t: (Counts(), Counts()) for t in ENTITY_TYPES})

    def add(self, pred: list[Typed], gold: list[Typed]) -> None:
        pred = [p for p in pred if p[0] in ENTITY_TYPES]
        gold = [g for g in gold if g[0] in ENTITY_TYPES]
        self.overlap.add(count(pred, gold))
        self.exact.add(count(pred, gold, exact=True))
        self.untyped.add(count(pred, gold, typed=False))
        for t in ENTITY_TYPES:
            p = [x for x in pred if x[0] == t]
            g = [x for x in gold if x[0] == t]
            self.by_type[t][0].add(count(p, g))
            self.by_type[t][1].add(count(p, g, exact=True))


def capitalised_runs(text: str) -> list[Typed]:
    """The baseline rule: every run of capitalised words is a name (typed "ORG", unused).

    Words joined only by spaces form one run; any other character ends it.
    """
    out: list[Typed] = []
    start = end = None
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper():
            if start is not None:
                out.append(("ORG", start, end))
            start = end = None
            continue
        if start is not None and text[end : match.start()].strip(" ") == "":
            end = match.end()
            continue
        if start is not None:
            out.append(("ORG", start, end))
        start, end = match.start(), match.end()
    if start is not None:
        out.append(("ORG", start, end))
    return out
