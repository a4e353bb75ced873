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


_SENTENCE_END = re.compile(r"(?:^|[.!?…]\s+|\n\s*)[«\"„“(]?$")


def capitalised_runs(text: str) -> list[Typed]:
    """The baseline rule: every run of capitalised words is a name (typed "ORG", unused).

    Words joined only by spaces form one run; any other character ends it. A
    run of one word that starts a sentence is not a name (every sentence starts
    with a capital).
    """
    runs: list[tuple[int, int, int]] = []  # start, end, words
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper():
            continue
        if runs and runs[-1][1] <= match.start() and text[runs[-1][1] : match.start()] == " ":
            start, _, n = runs[-1]
            runs[-1] = (start, match.end(), n + 1)
        else:
            runs.append((match.start(), match.end(), 1))
    out: list[Typed] = []
    for start, end, n in runs:
        if n == 1 and _SENTENCE_END.search(text[max(0, start - 20) : start]):
            continue
        out.append(("ORG", start, end))
    return out


def stage_spans(text: str, language: str = "uk", model: object = None) -> list[Typed]:
    """(type, start, end) of every mention the entities stage outputs for ``text``."""
    from presslens.entities.cyrillic import find_entities

    entities = find_entities(text, language, model=model)  # type: ignore[arg-type]
    return [(e.type, s, t) for e in entities for s, t in e.mentions]


def natasha_spans(text: str) -> list[Typed]:
    """natasha's Russian NER as it is (PER/ORG/LOC), the baseline a Ukrainian tagger must beat."""
    from presslens.entities.russian import NATASHA_TYPES, _import_natasha, _models, available

    if not available():
        return []
    segmenter, ner, _, _ = _models()
    doc = _import_natasha().Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(ner)
    return [(NATASHA_TYPES[s.type], s.start, s.stop) for s in doc.spans if s.type in NATASHA_TYPES]


def evaluate(docs: Iterable, predict: object) -> Report:
    """A report over NER-UK documents; ``predict(text)`` returns typed spans."""
    report = Report.empty()
    for doc in docs:
        gold = [(s.type, s.start, s.end) for s in doc.spans]
        report.add(predict(doc.text), gold)  # type: ignore[operator]
    return report
