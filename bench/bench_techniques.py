"""Techniques inference throughput on CPU: ONNX int8 (two forms) vs ONNX fp32 vs torch.

Articles of about 3,000 characters (PTC val articles cut at a sentence end near 3,000
characters, or the bundled example repeated when the corpus is absent). For each
backend and thread count: articles/s and wordpieces/s of the full model path
(windows, tagger, lexical models, decoding, span classification; ``-nolex`` is
without the lexical models), as ratios against the model's default variant on 1 thread
measured in the same run. ``default-1tagger`` is the default with the first tagger
alone (what a second, ensembled tagger costs). ``int8w`` has int8 weights and float
activations (what ships), ``int8`` also rounds activations to 8 bits. Peak memory (RSS
high-water mark) is read after each backend, so it grows monotonically; the delta is
what that backend added.

    .venv/bin/python bench/bench_techniques.py --articles 20
    .venv/bin/python bench/bench_techniques.py --model DIR   # a trained dir holding fp32 too
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from presslens.techniques.model import (
    SHIPPED,
    Predictor,
    load_predictor,
    onnx_backend,
    tagger_files,
)
from presslens.techniques.windows import split_sentences


def articles(n: int, size: int = 3000) -> list[str]:
    try:
        from presslens.corpora import ptc

        texts = [a.text for a in ptc.load_split("val")]
    except Exception:  # corpus absent: the bundled example, repeated
        example = Path(__file__).resolve().parents[1] / "src/presslens/examples/dispatch.txt"
        texts = [example.read_text(encoding="utf-8")]
    out = []
    for text in texts:
        while len(text) < size:
            text = text + "\n" + text
        cut = text.rfind(".", 0, size) + 1 or size
        out.append(text[:cut])
        if len(out) == n:
            break
    while len(out) < n:
        out.append(out[len(out) % len(texts)])
    return out


def run(predictor: Predictor, texts: list[str]) -> tuple[float, int]:
    pieces = 0
    started = time.perf_counter()
    for text in texts:
        sentences = split_sentences(text)
        pieces += sum(len(w.ids) for w in predictor.windows(text, sentences))
        predictor.analyse(text, sentences)
    return time.perf_counter() - started, pieces


def torch_predictor(model: Path, threads: int) -> Predictor | None:
    """The torch encoders rebuilt from the fp32 ONNX initialisers are not kept; use checkpoints."""
    try:
        import torch

        from presslens_training.techniques.export import load_checkpoint
        from presslens_training.techniques.train import torch_backend
    except ModuleNotFoundError:
        return None
    ckpt = model / "checkpoints"
    if not (ckpt / "tagger" / "checkpoint.pt").is_file():
        return None
    torch.set_num_threads(threads)
    tagger, _ = load_checkpoint(ckpt / "tagger" / "checkpoint.pt")
    base = load_predictor(model, threads=threads)
    base.backend = torch_backend(tagger, "cpu")
    if (ckpt / "classifier" / "checkpoint.pt").is_file():  # else: a reused ONNX classifier
        classifier, _ = load_checkpoint(ckpt / "classifier" / "checkpoint.pt")
        base.span_backend = torch_backend(classifier, "cpu")
    return base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--model", type=Path, default=SHIPPED)
    args = parser.parse_args()
    texts = articles(args.articles)
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {chars:.0f} characters on average, model {args.model}")
    config = json.loads((args.model / "config.json").read_text())
    print(f"default variant: {config['default']}")
    taggers = tagger_files(config["onnx"][config["default"]])
    baseline = None
    for threads in (1, 2):
        for variant in ("default", "default-1tagger", "default-nolex", "int8", "fp32", "torch"):
            if variant == "torch":
                predictor = torch_predictor(args.model, threads)
            else:
                try:
                    name = variant.removesuffix("-nolex").removesuffix("-1tagger")
                    predictor = load_predictor(
                        args.model, variant=None if name == "default" else name, threads=threads
                    )
                except Exception as exc:  # fp32 files are not shipped
                    print(f"{variant:13} {threads} thread(s): skipped ({exc})")
                    continue
                if variant.endswith("-nolex"):  # encoders alone: what the lexical models cost
                    predictor.lexical = None
                if variant.endswith("-1tagger"):
                    if len(taggers) == 1:
                        continue
                    predictor.backend = onnx_backend(
                        args.model / taggers[0], threads, config.get("session_config")
                    )
            if predictor is None:
                print(f"torch {threads} thread(s): skipped (torch or checkpoints not available)")
                continue
            run(predictor, texts[:2])  # warm-up
            seconds, pieces = run(predictor, texts)
            rate = len(texts) / seconds
            baseline = baseline or rate
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{variant:13} {threads} thread(s): {rate:6.2f} articles/s "
                f"{pieces / seconds:8.0f} wordpieces/s  x{rate / baseline:.2f} vs default/1  "
                f"peak RSS {peak:.0f} MiB"
            )


if __name__ == "__main__":
    main()
