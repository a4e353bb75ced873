"""What the encoder costs the Russian/Ukrainian manipulation model (issue 17).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_manipulation.py [--posts 60] [--rounds 3]
       [--threads 1]

Reads the two mirrored reference dispatches and the first ``--posts`` validation posts
(``../shared/data/manipulation/unlp2025``), and times ``ManipulationModel.read`` with the
sentence vectors and without them (the tagger alone), and with the fine-tuned encoder
where the model has one, rounds interleaved in one process, the best round kept. Prints
characters a second and the ratio to the run without the encoder.
"""

from __future__ import annotations

import argparse
import os
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="threads for numeric libraries")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))

    from presslens.corpora import data_root, unlp2025
    from presslens.manipulation.predictor import shared_model

    fixtures = data_root().parent / "fixtures"
    texts = [
        ((fixtures / f"seed-dispatch.{lang}.txt").read_text(encoding="utf-8"), lang)
        for lang in ("ru", "uk")
    ]
    texts += [(p.text, p.lang) for p in unlp2025.load("val")[: args.posts]]
    chars = sum(len(t) for t, _ in texts)
    model = shared_model()
    for text, lang in texts[:2]:  # warm: the encoder loads on first use
        model.read(text, lang)
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        systems = [("tagger alone", False, False), ("with sentence vectors", True, False)]
        if model.uses_piece_tagger():
            systems.append(("and fine-tuned encoder", True, True))
        for name, vectors, pieces in systems:
            started = time.perf_counter()
            for text, lang in texts:
                model.read(text, lang, vectors, pieces)
            seconds = time.perf_counter() - started
            best[name] = min(best.get(name, seconds), seconds)
    base = best["tagger alone"]
    print(f"{len(texts)} texts, {chars} characters, {args.threads} thread(s)")
    for name, seconds in best.items():
        print(f"{name:24s} {chars / seconds:9.0f} chars/s  {seconds / base:5.2f} x the time")


if __name__ == "__main__":
    main()
