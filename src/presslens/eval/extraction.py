"""Scoring article-body extraction the way the Scrapinghub benchmark does.

Texts become multisets of 4-token shingles over ``\\w+`` tokens. Per page, true
positives are the shingles both texts share (with counts), precision and recall
follow, and both are 1 for a perfect page; precision and recall are averaged over
pages (each page counts the same) and F1 is taken from the averages. Accuracy is
the share of pages whose token lists are identical. ``±`` is the standard
deviation over bootstrap resamples of the pages. Verified against the published
numbers by scoring ``reference-outputs/trafilatura.json`` (tests/test_extract_eval.py).
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from presslens.eval.scores import f1_score

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(toks: list[str], n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageScore:
    """One page: shingle counts, precision, recall and whether tokens match exactly."""

    tp: int
    fp: int
    fn: int
    exact: bool

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def score_page(true: str, predicted: str) -> PageScore:
    true_toks, pred_toks = tokens(true), tokens(predicted)
    t, p = shingles(true_toks), shingles(pred_toks)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    return PageScore(tp, fp, fn, true_toks == pred_toks)


@dataclass(frozen=True)
class Summary:
    """Macro-averaged precision/recall, F1 from the averages, accuracy, bootstrap std."""

    n: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    f1_std: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "n": self.n,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": round(self.accuracy, 4),
            "f1_std": round(self.f1_std, 4),
        }


def summarise(pages: list[PageScore], *, bootstrap: int = 1000, seed: int = 0) -> Summary:
    """Average page scores; ``bootstrap`` resamples give the F1 standard deviation."""
    if not pages:
        return Summary(0, 0.0, 0.0, 0.0, 0.0)
    p = statistics.fmean(s.precision for s in pages)
    r = statistics.fmean(s.recall for s in pages)
    acc = statistics.fmean(1.0 if s.exact else 0.0 for s in pages)
    std = 0.0
    if bootstrap and len(pages) > 1:
        rng = random.Random(seed)
        f1s = []
        for _ in range(bootstrap):
            sample = rng.choices(pages, k=len(pages))
            f1s.append(
                f1_score(
                    statistics.fmean(s.precision for s in sample),
                    statistics.fmean(s.recall for s in sample),
                )
            )
        std = statistics.pstdev(f1s)
    return Summary(len(pages), p, r, f1_score(p, r), acc, std)


def score(
    truth: Mapping[str, str],
    predictions: Mapping[str, str],
    ids: Iterable[str] | None = None,
    *,
    bootstrap: int = 1000,
) -> Summary:
    """Score ``predictions`` against ``truth`` over ``ids`` (default: all of ``truth``).

    A page missing from ``predictions`` counts as an empty prediction.
    """
    keys = list(ids) if ids is not None else list(truth)
    return summarise(
        [score_page(truth[k], predictions.get(k, "")) for k in keys], bootstrap=bootstrap
    )


Extractor = Callable[[bytes, str | None], str]


def presslens_body(html: bytes, url: str | None) -> str:
    """presslens's article body for a page: the body span of the ingested Document."""
    from presslens.errors import InputError
    from presslens.ingest import read_bytes

    try:
        doc = read_bytes(html, url=url, format="html")
    except InputError:
        return ""
    start, end = doc.metadata.extra["body_span"]
    return doc.text[start:end]


def _presslens_with(*mode_names: str) -> Extractor:
    """presslens's layout over other trafilatura mode sequences (to compare the choice)."""

    def run(html: bytes, url: str | None) -> str:
        from presslens.errors import InputError
        from presslens.ingest import html as ingest_html

        modes = tuple(m for m in ingest_html.MODES if m.name in mode_names)
        modes = tuple(sorted(modes, key=lambda m: mode_names.index(m.name)))
        try:
            doc = ingest_html.document_from_html(
                ingest_html.decode_html(html), url=url, modes=modes
            )
        except InputError:
            return ""
        start, end = doc.metadata.extra["body_span"]
        return doc.text[start:end]

    return run


def trafilatura_default(html: bytes, url: str | None) -> str:
    """trafilatura's own ``extract()`` with its defaults (the published baseline)."""
    from trafilatura import extract

    return extract(html, url=url) or ""


def _trafilatura_with(**options: object) -> Extractor:
    def run(html: bytes, url: str | None) -> str:
        from trafilatura import extract

        return extract(html, url=url, **options) or ""

    return run


# Extractors ``presslens eval extraction`` compares in one run: presslens, the
# published baseline, and the alternatives presslens's configuration was chosen from.
EXTRACTORS: dict[str, Extractor] = {
    "presslens": presslens_body,
    "trafilatura (default)": trafilatura_default,
    "trafilatura favor_precision": _trafilatura_with(favor_precision=True),
    "trafilatura favor_recall": _trafilatura_with(favor_recall=True),
    "trafilatura no comments": _trafilatura_with(include_comments=False),
    "trafilatura precision, no comments": _trafilatura_with(
        favor_precision=True, include_comments=False
    ),
    "presslens precision only": _presslens_with("precision"),
    "presslens balanced > recall": _presslens_with("balanced", "recall"),
}
BASELINE = "trafilatura (default)"


@dataclass(frozen=True)
class Report:
    """Scores of every extractor over the same pages, and the per-page predictions."""

    summaries: dict[str, Summary]
    predictions: dict[str, dict[str, str]]


def evaluate(
    items: list,
    extractors: Mapping[str, Extractor] | None = None,
    *,
    bootstrap: int = 1000,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Run each extractor on each benchmark item (``corpora.extraction.ExtractionItem``).

    Every page is decompressed once and handed to all extractors, so the numbers
    compared in a report come from the same run over the same bytes.
    """
    import gzip

    extractors = dict(extractors or EXTRACTORS)
    predictions: dict[str, dict[str, str]] = {name: {} for name in extractors}
    truth = {}
    for item in items:
        html = gzip.decompress(item.html_path.read_bytes())
        truth[item.id] = item.body
        for name, extractor in extractors.items():
            predictions[name][item.id] = extractor(html, item.url)
        if progress is not None:
            progress(1)
    summaries = {
        name: score(truth, preds, bootstrap=bootstrap) for name, preds in predictions.items()
    }
    return Report(summaries, predictions)
