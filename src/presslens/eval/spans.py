"""Span scorers of SemEval-2020 Task 11, written from their definitions.

Span identification (SI) follows Da San Martino et al. (EMNLP 2019) as used by the
official scorer: per article, overlapping spans are merged (gold and predicted
alike); then, with ``S`` the predicted and ``T`` the gold spans of all articles,

    P = 1/|S| * sum_{s in S, t in T} |s ∩ t| / |s|
    R = 1/|T| * sum_{s in S, t in T} |s ∩ t| / |t|

(overlaps only counted within an article). The joint score (span *and* technique)
is the same with a technique match required, merging only same-technique spans.
Technique classification (TC) on gold spans is micro-F1 over (article, span) groups:
a span that carries k gold labels expects k predictions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from presslens.eval.scores import PRF, Counts

__all__ = ["PRF", "Counts"]  # re-exported: the span scorers return PRF

Labelled = tuple[str, str, int, int]  # article, technique, start, end
Plain = tuple[str, int, int]  # article, start, end


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping spans (touching spans stay apart, as in the scorer).

    >>> merge([(5, 9), (0, 3), (2, 6), (9, 12)])
    [(0, 9), (9, 12)]
    """
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _by_key(items: Iterable[tuple[tuple[str, ...], int, int]]) -> dict[tuple[str, ...], list]:
    grouped: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for key, start, end in items:
        grouped[key].append((start, end))
    return {k: merge(v) for k, v in grouped.items()}


Sums = tuple[float, int, float, int]
"""``(precision numerator, predicted spans, recall numerator, gold spans)``.

Every score here is a ratio of sums over articles, so an article's sums are all a
resample needs (:mod:`presslens.eval.bootstrap`).
"""


def _overlap_sums(pred: dict, gold: dict) -> dict[tuple[str, ...], Sums]:
    """Per key: the overlap numerators of P and R and the span counts."""
    out: dict[tuple[str, ...], Sums] = {}
    for key in sorted(set(pred) | set(gold)):
        p_sum = r_sum = 0.0
        for s in pred.get(key, ()):
            for t in gold.get(key, ()):
                inter = _overlap(s, t)
                if inter:
                    p_sum += inter / (s[1] - s[0])
                    r_sum += inter / (t[1] - t[0])
        out[key] = (p_sum, len(pred.get(key, ())), r_sum, len(gold.get(key, ())))
    return out


def prf_of(sums: Iterable[Sums]) -> PRF:
    """P, R and F1 of summed :data:`Sums` (support: the gold spans)."""
    total = Counts(0.0, 0, 0.0, 0)
    for p, n_p, r, n_g in sums:
        total.add(p, n_p, r, n_g)
    return total.score()


def by_article(sums: dict[tuple[str, ...], Sums]) -> dict[str, Sums]:
    """Sums of keys ``(article, ...)`` added up per article."""
    out: dict[str, Sums] = {}
    for key, (p, n_p, r, n_g) in sums.items():
        a = out.get(key[0], (0.0, 0, 0.0, 0))
        out[key[0]] = (a[0] + p, a[1] + n_p, a[2] + r, a[3] + n_g)
    return out


def si_sums(pred: Iterable[Plain], gold: Iterable[Plain]) -> dict[str, Sums]:
    """Per article, the sums behind :func:`si_score`."""
    return by_article(
        _overlap_sums(
            _by_key(((a,), s, e) for a, s, e in pred), _by_key(((a,), s, e) for a, s, e in gold)
        )
    )


def joint_sums(pred: Iterable[Labelled], gold: Iterable[Labelled]) -> dict[str, Sums]:
    """Per article, the sums behind :func:`joint_score`."""
    return by_article(
        _overlap_sums(
            _by_key(((a, t), s, e) for a, t, s, e in pred),
            _by_key(((a, t), s, e) for a, t, s, e in gold),
        )
    )


def si_score(pred: Iterable[Plain], gold: Iterable[Plain]) -> PRF:
    """Span-identification precision, recall and F1 (character overlap, merged spans)."""
    return prf_of(si_sums(pred, gold).values())


def joint_score(pred: Iterable[Labelled], gold: Iterable[Labelled]) -> PRF:
    """Span + technique: SI's overlap score counting only same-technique overlaps."""
    return prf_of(joint_sums(pred, gold).values())


def joint_by_technique(pred: list[Labelled], gold: list[Labelled]) -> dict[str, PRF]:
    techniques = sorted({g[1] for g in gold} | {p[1] for p in pred})
    return {
        t: joint_score([p for p in pred if p[1] == t], [g for g in gold if g[1] == t])
        for t in techniques
    }


@dataclass(frozen=True)
class TCResult:
    micro: PRF
    per_technique: dict[str, PRF]
    articles: dict[str, Sums] = field(default_factory=dict)
    """Per article ``(hits, predicted labels, hits, gold labels)``: micro P and R as sums."""


def tc_score(pred: Iterable[Labelled], gold: Iterable[Labelled]) -> TCResult:
    """Technique classification on given spans: micro P/R/F1 and per-technique P/R/F1."""
    gold_groups: dict[Plain, Counter] = defaultdict(Counter)
    pred_groups: dict[Plain, Counter] = defaultdict(Counter)
    for a, t, s, e in gold:
        gold_groups[(a, s, e)][t] += 1
    for a, t, s, e in pred:
        pred_groups[(a, s, e)][t] += 1
    tp: Counter = Counter()
    n_pred: Counter = Counter()
    n_gold: Counter = Counter()
    articles: dict[str, Sums] = {}
    for key in sorted(set(gold_groups) | set(pred_groups)):
        g, p = gold_groups.get(key, Counter()), pred_groups.get(key, Counter())
        hits = g & p
        tp.update(hits)
        n_pred.update(p)
        n_gold.update(g)
        k, n_p, n_g = sum(hits.values()), sum(p.values()), sum(g.values())
        a = articles.get(key[0], (0.0, 0, 0.0, 0))
        articles[key[0]] = (a[0] + k, a[1] + n_p, a[2] + k, a[3] + n_g)
    micro = prf_of(articles.values())
    per = {
        t: Counts(tp[t], n_pred[t], tp[t], n_gold[t]).score()
        for t in sorted(set(n_gold) | set(n_pred))
    }
    return TCResult(micro, per, articles)
