"""What the learned attribution model costs ``analyze`` on a news-length English article.

Usage: .venv/bin/python bench/bench_quotes_model.py [--docs 8] [--rounds 5] [--threads 1]

Takes the PolNeAR dev articles nearest 4,500 characters and times the full English
pipeline (techniques left out: their cost does not change) with the model and without
it (the rules alone; the ``attribution_model`` setting on and off), rounds interleaved
in one process, plus the model's own share (the fine-tuned tagger where bundled, else
the CRF; reading and linking). Prints ratios to the rules-only run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1, help="threads for numeric libraries")
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))

    from presslens.attribution import learned, neural
    from presslens.attribution.marks import find_quotes
    from presslens.attribution.quotes import regions
    from presslens.corpora.polnear import load_split
    from presslens.document import Document
    from presslens.pipeline import Pipeline
    from presslens.settings import get_settings
    from presslens.stages.quotes import furniture

    tagger, crf = neural.shipped(), learned.shipped()
    if tagger is None and crf is None:
        raise SystemExit("no model in src/presslens/models/quotes-en")
    print("model:", "fine-tuned tagger (neural)" if tagger is not None else "CRF")
    texts = sorted((a.text for a in load_split("dev")), key=lambda t: abs(len(t) - 4500))
    texts = texts[: args.docs]
    mean_chars = sum(map(len, texts)) // len(texts)
    print(f"{len(texts)} PolNeAR dev articles, mean {mean_chars} characters")

    pipelines = {
        on: Pipeline.default(get_settings(attribution_model=on), exclude=["techniques"])
        for on in (False, True)
    }
    for pipeline in pipelines.values():
        pipeline(Document(texts[0]))  # load models outside the timing

    def run_all(with_model: bool) -> float:
        started = time.perf_counter()
        for text in texts:
            pipelines[with_model](Document(text))
        return (time.perf_counter() - started) / len(texts)

    timings: dict[str, list[float]] = {"rules only": [], "rules + model": []}
    for _ in range(args.rounds):
        timings["rules only"].append(run_all(False))
        timings["rules + model"].append(run_all(True))

    # The model's own share: the same calls the stage makes, on parses made beforehand.
    from presslens.anatomy.dissect import dissect
    from presslens.stages.syntax import parse

    parsed = []
    for text in texts:
        anatomy = dissect(text, None)
        paras = list(anatomy.paragraphs) if anatomy.paragraphs else None
        regs = regions(text, paras, *furniture(anatomy))
        quoted = [q.span for q in find_quotes(text, list(regs))]
        parsed.append((text, parse(text), regs, quoted))
    share = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        for text, sdoc, regs, quoted in parsed:
            if tagger is not None:
                neural.find_neural(text, sdoc, regs, tagger, quoted)
            else:
                learned.find_learned(text, sdoc, regs, crf, quoted=quoted)
        share.append((time.perf_counter() - started) / len(texts))
    timings["model alone"] = share

    base = statistics.median(timings["rules only"])
    print(f"{'configuration':16} {'ms/doc (median)':>16} {'spread':>8} {'x rules only':>13}")
    for label, values in timings.items():
        med = statistics.median(values)
        spread = max(values) - min(values)
        print(f"{label:16} {med * 1000:16.1f} {spread * 1000:8.1f} {med / base:13.3f}")


if __name__ == "__main__":
    main()
