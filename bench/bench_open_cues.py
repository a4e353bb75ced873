"""What the open-cue classifier costs the English quotes stage (issue 19).

Times ``find_attributions`` (the quotes stage's own call) over the PTC test articles of
``bench_throughput.py``, parsed once beforehand, with the bundled open-cue classifier
and without it (the rules alone), alternating in one process, one thread; prints the
best of ``--rounds`` for each, the milliseconds per article it adds and the ratio.

    PYTHONPATH=src python bench/bench_open_cues.py [--articles 30] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_throughput


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--chars", type=int, default=4100)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"

    import presslens.attribution.open_cues as open_cues
    from bench_throughput import _articles
    from presslens.anatomy.dissect import dissect
    from presslens.stages.quotes import find_attributions
    from presslens.stages.syntax import parse

    bundled = open_cues.shipped
    if bundled() is None:
        sys.exit("no open-cue classifier bundled (models/quotes-en/open_cues.npz)")
    texts = _articles(args.articles, args.chars)
    parsed = [(t, parse(t), dissect(t, None)) for t in texts]
    setups = {"with the classifier": bundled, "rules alone": lambda: None}
    best = dict.fromkeys(setups, float("inf"))
    for round_ in range(args.rounds + 1):  # the first round warms caches, not counted
        for label, shipped in setups.items():
            open_cues.shipped = shipped
            started = time.perf_counter()
            for text, sdoc, anatomy in parsed:
                find_attributions(text, sdoc, anatomy, "rules")
            seconds = time.perf_counter() - started
            if round_ > 0:
                best[label] = min(best[label], seconds)
    open_cues.shipped = bundled
    with_, without = best["with the classifier"], best["rules alone"]
    print(f"{len(texts)} PTC test articles, one thread, best of {args.rounds}")
    print(f"find_attributions, rules alone:      {without:.3f} s")
    print(f"find_attributions, with the classifier: {with_:.3f} s")
    print(
        f"the classifier adds {1000 * (with_ - without) / len(texts):.1f} ms per article "
        f"({with_ / without:.2f}x the rules' time)"
    )


if __name__ == "__main__":
    main()
