"""Precision, recall and F1: the one scorer every ``presslens eval`` command uses.

Every score presslens reports is a ratio of sums: the predictions counted correct
over the predictions made (precision) and the gold items found over the gold items
(recall). What counts as "correct" differs by task (an exact match, a character
overlap fraction, a shared shingle), so :class:`Counts` takes the numerators as
floats; it adds up over articles, and :class:`PRF` is the frozen result that
reports print and serialise. An empty denominator scores 0.
"""

from __future__ import annotations

from dataclasses import dataclass


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0).

    >>> f1_score(0.5, 1.0)
    0.6666666666666666
    """
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True)
class PRF:
    """A precision, recall and F1, with the number of gold items (``support``)."""

    precision: float
    recall: float
    f1: float
    support: int = 0

    @classmethod
    def of(cls, precision: float, recall: float, support: int = 0) -> PRF:
        return cls(precision, recall, f1_score(precision, recall), support)


@dataclass
class Counts:
    """Sums behind a PRF: correct predictions of all predictions, gold found of all gold.

    >>> c = Counts.of_errors(tp=3, fp=1, fn=3)
    >>> (c.precision, c.recall)
    (0.75, 0.5)
    """

    tp_p: float = 0  # predictions counted correct
    n_p: int = 0
    tp_g: float = 0  # gold items found
    n_g: int = 0

    @classmethod
    def of_errors(cls, tp: int, fp: int, fn: int) -> Counts:
        """Counts from true positives, false positives and false negatives."""
        return cls(tp, tp + fp, tp, tp + fn)

    def add(self, tp_p: float, n_p: int, tp_g: float, n_g: int) -> None:
        self.tp_p += tp_p
        self.n_p += n_p
        self.tp_g += tp_g
        self.n_g += n_g

    @property
    def precision(self) -> float:
        return ratio(self.tp_p, self.n_p)

    @property
    def recall(self) -> float:
        return ratio(self.tp_g, self.n_g)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def score(self) -> PRF:
        return PRF.of(self.precision, self.recall, self.n_g)
