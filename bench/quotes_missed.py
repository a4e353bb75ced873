"""Not a timing: the gold attributions the quotes stage's rules miss entirely on the fit
articles of PolNeAR train (issue 19), by what cues them, so a session knows which group
to work on next.

Missed entirely: no predicted content overlaps the gold content at all. A miss is put in
one category by its gold cue's head word (the token of the cue highest in the parse):
no cue, punctuation, a cue in another sentence than the content, "according to", a verb
in the speech / thought / intent lexicon (:mod:`presslens.attribution.cues`) or outside
it, a noun in the cue nouns or outside them, or another part of speech. The top missing
cue lemmas are printed per category. ``--json`` writes every miss with its context.

    PYTHONPATH=src python bench/quotes_missed.py --cache ../quotes-cache [--json out.json]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

_PUNCT = frozenset(":—―-–")


def _head(doc: Any, spans: Any) -> Any:
    toks = [t for t in doc for s, e in spans if s <= t.idx < e and not t.is_space]
    return min(toks, key=lambda t: len(list(t.ancestors))) if toks else None


def category(doc: Any, text: str, gold: Any) -> tuple[str, str]:
    """One missed gold attribution's category and its cue lemma."""
    from presslens.attribution.cues import CUE_NOUNS, INTENT_VERBS, SPEECH_VERBS, THOUGHT_VERBS
    from presslens.attribution.cues import lemma as cue_lemma

    words = " ".join(text[s:e] for s, e in gold.cue).strip().lower()
    if not words:
        return "no cue", "-"
    if all(c in _PUNCT or c.isspace() for c in words):
        return "punctuation cue", words
    head = _head(doc, gold.cue)
    content = _head(doc, gold.content)
    if head is None:
        return "no cue", "-"
    lem = cue_lemma(head)
    other = content is not None and head.sent != content.sent
    where = "cue in another sentence" if other else ""
    if words.startswith("according"):
        return "'according to'" + (f" ({where})" if where else ""), "according to"
    if head.pos_ in ("VERB", "AUX"):
        if lem in SPEECH_VERBS:
            kind = "verb: speech lexicon"
        elif lem in THOUGHT_VERBS or lem in INTENT_VERBS:
            kind = "verb: thought/intent lexicon"
        else:
            kind = "verb: not in the lexicon"
    elif head.pos_ in ("NOUN", "PROPN"):
        kind = "noun: cue nouns" if lem in CUE_NOUNS else "noun: not a cue noun"
    else:
        kind = f"other ({head.pos_})"
    return (f"{where}: {kind}" if where else kind), lem


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()

    from presslens.eval.quotes import chars
    from presslens_training.quotes.data import parsed, prepare, split
    from presslens_training.quotes.train import predicted, rules_of

    pairs = parsed("train", args.cache)
    docs = {a.name: d for a, d in pairs}
    counts: Counter[str] = Counter()
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    total = 0
    for a in split([a for a, _ in pairs], "fit"):
        prep = prepare(a, docs[a.name])
        text = a.text
        covered = set().union(*(chars(p.content) for p in predicted(rules_of(prep))))
        total += len(a.attributions)
        for g in a.attributions:
            if chars(g.content) & covered:
                continue
            cat, lem = category(prep.sdoc, text, g)
            counts[cat] += 1
            lemmas[cat][lem] += 1
            lo, hi = g.content_extent
            for s, e in (*g.cue, *g.source):
                lo, hi = min(lo, s), max(hi, e)
            rows.append(
                {
                    "article": a.name,
                    "category": cat,
                    "lemma": lem,
                    "cue": [text[s:e] for s, e in g.cue],
                    "source": [text[s:e] for s, e in g.source],
                    "content": [text[s:e] for s, e in g.content],
                    "context": text[max(0, lo - 80) : hi + 40],
                }
            )
    missed = sum(counts.values())
    print(f"{missed} of {total} gold attributions missed entirely (no predicted content overlaps)")
    for cat, n in counts.most_common():
        top = ", ".join(f"{w} {c}" for w, c in lemmas[cat].most_common(args.top))
        print(f"{n:5d}  {cat}: {top}")
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
