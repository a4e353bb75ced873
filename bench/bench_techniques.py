"""Techniques stage throughput on CPU, one thread: this model against a baseline, same run.

Articles of about 4,500 characters (PTC val articles, repeated to length and cut at a
sentence end near 4,500 characters, or the bundled example when the corpus is absent).
Each model runs the techniques stage (:class:`presslens.stages.techniques.TechniquesStage`:
the encoder pass(es), lexical models, decoding, technique naming, designations) on
documents whose anatomy, repetitions and quotes layers were built beforehand, so only
the stage is timed. The baseline is a model folder as it is, by default the shipped
model of an earlier commit written out of git (``--baseline-commit``; its three
encoders are read by the same code, which still runs a span-classifier model the old
way). The two run in alternating rounds so a machine that slows down mid-run slows
both; the ratio is baseline time over model time. One onnxruntime thread, and
``OMP_NUM_THREADS=1`` (set before numpy loads).

    OMP_NUM_THREADS=1 python bench/bench_techniques.py --articles 12
    python bench/bench_techniques.py --baseline DIR   # any model folder as the baseline
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path

from presslens import stages
from presslens.document import Document
from presslens.settings import get_settings
from presslens.stages.techniques import TechniquesStage
from presslens.techniques.model import SHIPPED, load_predictor

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = "src/presslens/models/techniques"


def articles(n: int, size: int = 4500) -> list[str]:
    try:
        from presslens.corpora import ptc

        texts = [a.text for a in ptc.load_split("val")]
    except Exception:  # corpus absent: the bundled example, repeated
        texts = [(ROOT / "src/presslens/examples/dispatch.txt").read_text(encoding="utf-8")]
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


def model_from_git(commit: str, into: Path) -> Path:
    """The shipped model folder of ``commit``, written into ``into``."""
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{commit}:{MODEL_PATH}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for name in listing:
        blob = subprocess.run(
            ["git", "show", f"{commit}:{MODEL_PATH}/{name}"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
        (into / name).write_bytes(blob)
    return into


def documents(texts: list[str]) -> list[Document]:
    """Documents with the layers the techniques stage reads, built before any timing."""
    settings = get_settings()
    docs = []
    for text in texts:
        doc = Document(text)
        for name in ("anatomy", "repetitions"):
            doc.add_layer(name, stages.build(name, settings).run(doc))
        doc.add_layer("quotes", [])
        doc.add_layer("language", "en")
        doc.add_layer("manipulation", None)
        docs.append(doc)
    return docs


class Timed:
    """One model's techniques stage, its time and spans summed over rounds."""

    def __init__(self, name: str, model: Path):
        self.name, self.model = name, model
        self.stage = TechniquesStage(get_settings(techniques_model=str(model)))
        self.seconds = 0.0
        self.spans = 0
        self.articles = 0
        self.pieces_per_article = 0.0

    def run(self, docs: list[Document]) -> None:
        started = time.perf_counter()
        for doc in docs:
            self.spans += len(self.stage.run(doc))
        self.seconds += time.perf_counter() - started
        self.articles += len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", type=Path, default=SHIPPED)
    parser.add_argument("--baseline", type=Path, default=None, help="baseline model folder")
    parser.add_argument(
        "--baseline-commit", default="50e5eff", help="commit whose shipped model is the baseline"
    )
    args = parser.parse_args()
    texts = articles(args.articles)
    docs = documents(texts)
    chars = sum(len(t) for t in texts) / len(texts)
    with tempfile.TemporaryDirectory() as tmp:
        baseline = args.baseline or model_from_git(args.baseline_commit, Path(tmp))
        label = str(args.baseline or f"shipped model of {args.baseline_commit}")
        runs = [Timed(f"baseline ({label})", baseline), Timed(f"model ({args.model})", args.model)]
        for timed in runs:
            predictor = load_predictor(timed.model, threads=1)
            config = json.loads((timed.model / "config.json").read_text(encoding="utf-8"))
            files = config["onnx"][config["default"]]
            timed.name += f": {len(files['tagger']) if isinstance(files['tagger'], list) else 1}"
            timed.name += " tagger(s)" + (", span classifier" if "classifier" in files else "")
            pieces = sum(len(w.ids) for t in texts for w in predictor.windows(t, [(0, len(t))]))
            timed.pieces_per_article = pieces / len(texts)
            timed.run(docs[:2])  # warm-up: load the sessions, not timed below
            timed.seconds, timed.spans, timed.articles = 0.0, 0, 0
        print(
            f"{len(texts)} articles, {chars:.0f} characters on average, {args.rounds} rounds, "
            f"1 thread (OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']})"
        )
        for _ in range(args.rounds):
            for timed in runs:
                timed.run(docs)
        for timed in runs:
            rate = timed.articles / timed.seconds
            print(
                f"{timed.name}\n    {rate:6.2f} articles/s, {timed.seconds / timed.articles:.3f} "
                f"s/article, {timed.spans / timed.articles:.1f} spans/article"
            )
        base, new = runs
        print(f"speed-up: x{base.seconds / new.seconds:.2f} (baseline time / model time)")


if __name__ == "__main__":
    main()
