"""Which attributions and model features move when the US parties' names are swapped (issue 19).

Runs the party-swap articles of ``tests/test_party_swap_polnear.py`` (the 24 shortest PolNeAR
train articles naming Trump and Clinton) as written and swapped, with the quotes stage's
rules, the combined system and the model alone; prints the agreement of each, the labels
that differ, and for the model every token whose feature strings differ between the article
and its swapped copy (tokens aligned through the swap), grouped by feature prefix.

    PYTHONPATH=src python bench/swap_quotes_diag.py [--articles 24] [--show 40] [--model DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # us_swap


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=24)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--model", type=Path, help="a model folder other than the shipped one")
    args = ap.parse_args()

    import presslens
    from presslens.attribution import learned
    from presslens.attribution.learned_features import sentence_features
    from presslens.attribution.marks import find_quotes
    from presslens.attribution.quotes import regions
    from presslens.corpora.polnear import load_split
    from presslens.settings import get_settings
    from presslens.stages.quotes import furniture
    from us_swap import Swap, agreement, differences

    if args.model is not None:
        learned.MODEL_DIR = args.model
        for cached in (learned.shipped, learned.shipped_config):
            cached.cache_clear()
    arts = [a for a in load_split("train") if "Trump" in a.text and "Clinton" in a.text]
    chosen = sorted(arts, key=lambda a: (len(a.text), a.name))[: args.articles]
    keep = learned.shipped_features()
    totals = {s: [0, 0] for s in ("rules", "combined")}
    feat_diff: Counter = Counter()
    examples: list[str] = []
    label_diffs: list[str] = []
    for a in chosen:
        swap = Swap(a.text)
        docs = {}
        for system in ("rules", "combined"):
            st = get_settings(attribution_model=(system == "combined"))
            stages = ["quotes", "sourcing"]
            o = presslens.analyze(a.text, stages=stages, settings=st)
            s = presslens.analyze(swap.text, stages=stages, settings=st)
            same, n = agreement(o.to_dict(), s.to_dict(), swap)
            totals[system][0] += same
            totals[system][1] += n
            if same < n:
                only_o, only_s = differences(o.to_dict(), s.to_dict(), swap)
                label_diffs.append(f"{system} {a.name}: -{only_o} +{only_s}")
            docs[system] = (o, s)
        # Model features, token by token through the swap.
        o, s = docs["combined"]
        feats = []
        for d in (o, s):
            sdoc = d.document.layer("syntax")
            excl, bounded = furniture(d.document.layer("anatomy"))
            anat = d.document.layer("anatomy")
            paras = list(anat.paragraphs) if anat is not None and anat.paragraphs else None
            regs = regions(d.text, paras, excl, bounded)
            quoted = [q.span for q in find_quotes(d.text, regs)]
            per_tok = {}
            for u in learned.units(sdoc, regs):
                for tok, f in zip(u.tokens, sentence_features(u.tokens, quoted, keep), strict=True):
                    per_tok[(tok.idx, tok.idx + len(tok.text))] = (tok.text, set(f))
            feats.append(per_tok)
        for (st_, en), (text, f) in feats[0].items():
            mapped = swap.span((st_, en))
            other = feats[1].get(mapped)
            if other is None:
                continue
            gone, new = f - other[1], other[1] - f
            for x in gone | new:
                feat_diff[x.split("=")[0]] += 1
            if (gone or new) and len(examples) < args.show:
                examples.append(f"{a.name} {text!r}->{other[0]!r}: -{sorted(gone)} +{sorted(new)}")
    for system, (same, n) in totals.items():
        print(f"{system}: {same}/{n} = {same / n:.4f}")
    print("\nlabel differences:")
    print("\n".join(label_diffs))
    print("\nfeature prefixes that differ (token count):", feat_diff.most_common())
    print("\n".join(examples))


if __name__ == "__main__":
    main()
