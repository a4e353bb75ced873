"""Where the techniques stage spends its time, one thread, on ~4,500-character articles.

The same articles and stage as ``bench_techniques.py``; each part of the model path is
wrapped in a timer (masking, tokenisation, window packing, every encoder call, the
lexical models, decoding, span-classifier windows, the stage's rules), and the encoder
calls also count padded positions (batches of unequal windows). Times are summed over
``--rounds`` rounds after a warm-up; the remainder is everything not wrapped.

    OMP_NUM_THREADS=1 python bench/profile_techniques.py --articles 12 --rounds 2 [--model DIR]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import collections
import importlib.util
import time
from pathlib import Path

import numpy as np

from presslens import stages
from presslens.settings import get_settings
from presslens.stages import techniques as stage_module
from presslens.techniques import model as model_module
from presslens.techniques import windows as windows_module
from presslens.techniques.model import SHIPPED, Ensemble, load_predictor

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("bench_techniques", HERE / "bench_techniques.py")
bench = importlib.util.module_from_spec(spec)
assert spec.loader is not None
spec.loader.exec_module(bench)

SECONDS: collections.Counter = collections.Counter()
CALLS: collections.Counter = collections.Counter()
POSITIONS: collections.Counter = collections.Counter()


def timed(name: str, fn):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SECONDS[name] += time.perf_counter() - started
            CALLS[name] += 1

    return wrapper


def timed_backend(name: str, fn):
    inner = timed(name, fn)

    def run(ids: np.ndarray, mask: np.ndarray):
        POSITIONS[name + " real"] += int(mask.sum())
        POSITIONS[name + " padded"] += int(mask.size)
        return inner(ids, mask)

    return run


class TimedTokenizer:
    def __init__(self, tokenizer):
        self._tokenizer = tokenizer
        self.encode = timed("tokenisation", tokenizer.encode)

    def __getattr__(self, name):
        return getattr(self._tokenizer, name)


def instrument(model: Path):
    predictor = load_predictor(model, threads=1)
    backend = predictor.backend
    if isinstance(backend, Ensemble):
        members = [
            timed_backend(f"encoder: tagger {i + 1}", b) for i, b in enumerate(backend.backends)
        ]
        backend = Ensemble(members, backend.weights)
    else:
        backend = timed_backend("encoder: tagger 1", backend)
    predictor.backend = backend
    if predictor.span_backend is not None:
        predictor.span_backend = timed_backend("encoder: span classifier", predictor.span_backend)
    predictor.tokenizer = TimedTokenizer(predictor.tokenizer)
    lexical = predictor.lexical
    if lexical is not None:
        lexical.token_probabilities = timed("lexical token model", lexical.token_probabilities)
        lexical.span_probabilities = timed("lexical span model", lexical.span_probabilities)
    windows_module.mask_names = timed("masking", windows_module.mask_names)
    windows_module.pack = timed("window packing", windows_module.pack)
    model_module.pack = windows_module.pack
    model_module._encode = timed("sentence encoding (tagger)", model_module._encode)
    model_module.decode = timed("decoding", model_module.decode)
    model_module.labelled_runs = timed("labelled runs", model_module.labelled_runs)
    model_module.span_window = timed("span-classifier windows", model_module.span_window)
    model_module.span_features = timed("span features", model_module.span_features)
    model_module.head_span_probabilities = timed(
        "technique head over spans", model_module.head_span_probabilities
    )
    stage_module.find_designations = timed("designation rule", stage_module.find_designations)
    stage_module.layout_copies = timed("layout copies", stage_module.layout_copies)
    stage_module.blank_long_runs = timed("blank long runs", stage_module.blank_long_runs)
    return predictor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", type=Path, default=SHIPPED)
    args = parser.parse_args()
    texts = bench.articles(args.articles)
    docs = bench.documents(texts)
    predictor = instrument(args.model)
    settings = get_settings(techniques_model=str(args.model))
    model_module._cache[(str(args.model), None)] = predictor
    stage = stages.build("techniques", settings)
    for doc in docs[:2]:
        stage.run(doc)
    SECONDS.clear()
    CALLS.clear()
    POSITIONS.clear()
    started = time.perf_counter()
    for _ in range(args.rounds):
        for doc in docs:
            stage.run(doc)
    total = time.perf_counter() - started
    n = args.rounds * len(docs)
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"{args.model}: {len(texts)} articles of {chars:.0f} characters, {args.rounds} rounds")
    print(f"{'part':32s} {'ms/article':>10s} {'share':>7s} {'calls/article':>13s}")
    for name, seconds in SECONDS.most_common():
        share, calls = seconds / total, CALLS[name] / n
        print(f"{name:32s} {1000 * seconds / n:10.1f} {share:7.1%} {calls:13.1f}")
    nested = {"masking", "tokenisation"}  # inside sentence encoding / span-classifier windows
    covered = sum(s for k, s in SECONDS.items() if k not in nested)
    print("(masking and tokenisation are parts of sentence encoding and span-classifier windows)")
    print(f"{'not wrapped (stage glue)':32s} {1000 * (total - covered) / n:10.1f}")
    print(f"{'total':32s} {1000 * total / n:10.1f} {'':7s} ({n / total:.2f} articles/s)")
    for key in sorted(k for k in POSITIONS if k.endswith(" real")):
        name = key[: -len(" real")]
        real, padded = POSITIONS[key], POSITIONS[name + " padded"]
        print(f"{name}: {real / n:.0f} real positions/article, padding {1 - real / padded:.1%}")


if __name__ == "__main__":
    main()
