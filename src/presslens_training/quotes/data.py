"""PolNeAR train as tagger examples: parsed articles, gold BIO labels, the article split.

Why a split of train: knobs are chosen by k-fold cross-validation by article over
train minus a seeded held-out part (15% of each publisher's articles), which is
read once per change and never to choose. PolNeAR dev stays for the final report.

Parsing 840 articles takes minutes; ``parsed`` keeps the parses in a spaCy DocBin
outside the repository (``cache``), so repeated cross-validation runs are cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.attribution.learned import Unit, candidates, units
from presslens.attribution.learned_features import OPEN_CLASSES, cue_class, sentence_features
from presslens.attribution.marks import find_quotes
from presslens.attribution.quotes import regions
from presslens.corpora.polnear import Article, load_split
from presslens.corpora.polnear_split import folds, split  # noqa: F401  (re-exported)
from presslens.document import Span

ROLE_TAG = {"content": "CONT", "cue": "CUE", "source": "SRC"}


@dataclass
class Prepared:
    """One article ready for training and scoring."""

    article: Article
    sdoc: Any
    regions: list[Span]
    excluded: list[Span]
    bounded: list[Span]
    quoted: list[Span]
    units: list[Unit]
    candidates: list[int]  # units with a lexicon cue, a quotation mark, ':' or a dash
    open_lemmas: list[frozenset[str]]  # per unit, the lemmas of its open-class words

    def selected(self, extra: frozenset[str]) -> list[int]:
        """The candidate units once ``extra`` cue lemmas widen the gate (as at run time)."""
        base = set(self.candidates)
        return [k for k, lem in enumerate(self.open_lemmas) if k in base or lem & extra]


def parsed(split_name: str, cache: Path | None = None) -> list[tuple[Article, Any]]:
    """The articles of a PolNeAR split with the syntax stage's parse (cached in ``cache``)."""
    from presslens.stages.syntax import parse

    articles = list(load_split(split_name))
    if cache is None:
        return [(a, parse(a.text)) for a in articles]
    from spacy.tokens import DocBin

    from presslens.spacy_models import spacy_pipeline

    path = cache / f"{split_name}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(spacy_pipeline().vocab))
        if len(docs) == len(articles) and all(
            d.text == a.text for d, a in zip(docs, articles, strict=True)
        ):
            return list(zip(articles, docs, strict=True))
    docs = [parse(a.text) for a in articles]
    cache.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin(store_user_data=False)
    for d in docs:
        bin_.add(d)
    bin_.to_disk(path)
    return list(zip(articles, docs, strict=True))


def prepare(article: Article, sdoc: Any) -> Prepared:
    """Regions (furniture cut out, as the stage does), quotations and candidate units."""
    from presslens.anatomy.dissect import dissect
    from presslens.stages.quotes import furniture

    anatomy = dissect(article.text, None)
    paras = list(anatomy.paragraphs) if anatomy.paragraphs else None
    excluded, bounded = furniture(anatomy)
    regs = regions(article.text, paras, excluded, bounded)
    quoted = [q.span for q in find_quotes(article.text, regs)]
    all_units = units(sdoc, regs)
    lemmas = [
        frozenset(t.lemma_.lower() for t in u.tokens if t.pos_ in OPEN_CLASSES) for u in all_units
    ]
    return Prepared(
        article, sdoc, regs, excluded, bounded, quoted, all_units, candidates(all_units), lemmas
    )


def gold_labels(article: Article, unit: Unit) -> list[str]:
    """BIO labels of a unit's tokens from the article's gold attributions."""
    owner: dict[int, tuple[int, str, int]] = {}
    for n, att in enumerate(article.attributions):
        for role, spans in (("content", att.content), ("cue", att.cue), ("source", att.source)):
            for piece, (s, e) in enumerate(spans):
                for tok in unit.tokens:
                    if s <= tok.idx < e and tok.i not in owner:
                        owner[tok.i] = (n, role, piece)
    labels = []
    previous = None
    for tok in unit.tokens:
        key = owner.get(tok.i)
        if key is None:
            labels.append("O")
        else:
            labels.append(("I-" if key == previous else "B-") + ROLE_TAG[key[1]])
        previous = key
    return labels


Example = tuple[list[list[str]], list[str]]


def examples(prep: Prepared, keep: str = "all") -> list[Example]:
    """(features, labels) of every unit of one article (the gate picks among them)."""
    return [
        (sentence_features(u.tokens, prep.quoted, keep), gold_labels(prep.article, u))
        for u in prep.units
    ]


def cue_lemmas(preps: Sequence[Prepared], min_count: int, min_rate: float) -> frozenset[str]:
    """Open-class lemmas outside the cue lexicon that the gold marks as (part of) a cue at
    least ``min_count`` times and in at least ``min_rate`` of their uses."""
    as_cue: dict[str, int] = {}
    seen: dict[str, int] = {}
    for prep in preps:
        cue_chars = {
            i for att in prep.article.attributions for s, e in att.cue for i in range(s, e)
        }
        for unit in prep.units:
            for tok in unit.tokens:
                if tok.pos_ not in OPEN_CLASSES or cue_class(tok) is not None:
                    continue
                lem = tok.lemma_.lower()
                seen[lem] = seen.get(lem, 0) + 1
                if tok.idx in cue_chars:
                    as_cue[lem] = as_cue.get(lem, 0) + 1
    return frozenset(
        lem for lem, n in as_cue.items() if n >= min_count and n >= min_rate * seen[lem]
    )
