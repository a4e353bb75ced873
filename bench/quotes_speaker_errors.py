"""Not a timing: the speaker errors of the quotes stage's rules on the fit articles of
PolNeAR train (issue 19), by category, so a session knows which one to work on next.

An error is an attribution whose content matches a gold one (as ``presslens eval quotes``
matches) but whose speaker span does not overlap the gold source, or is missing, or is
given where the gold has none. Categories follow where the gold source sits in the parse
against the predicted cue (another sentence, another cue, a clause above a non-finite
cue, a noun the cue hangs on...). ``--json`` writes every error with its context.

    PYTHONPATH=src python bench/quotes_speaker_errors.py --cache ../quotes-cache [--json out.json]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

_PRON = frozenset(
    "he she they it i we you him her them his their its our my who which that".split()  # noqa: SIM905
)
_BELOW = frozenset({"pcomp", "xcomp", "advcl", "conj", "dep", "prep"})


def _kind_of(words: str | None) -> str:
    if not words:
        return "none"
    w = words.strip().lower().strip(",.")
    if w in _PRON:
        return "pronoun"
    if words.strip()[:1].isupper() and not w.startswith(("the ", "a ", "an ")):
        return "name"
    return "nominal"


def _root(doc: Any, span: tuple[int, int]) -> Any:
    toks = [t for t in doc if span[0] <= t.idx < span[1]]
    return min(toks, key=lambda t: len(list(t.ancestors))) if toks else None


def category(doc: Any, text: str, speaker: Any, cue: Any, gold: Any) -> str:
    """One error's category (``speaker``, ``cue``: predicted spans or None)."""
    if speaker is not None and not gold.source:
        return "speaker given, gold has none: " + _kind_of(text[speaker[0] : speaker[1]])
    head = "no speaker: " if speaker is None else "wrong speaker: "
    ct = _root(doc, cue) if cue else None
    gs = _root(doc, gold.source[0])
    if ct is None or gs is None:
        return head + "no cue"
    if ct.sent != gs.sent:
        return head + "gold source in another sentence"
    if not any(min(cue[1], e) > max(cue[0], s) for s, e in gold.cue):
        if gs.head == ct or ct in gs.ancestors:
            return head + "another cue, gold source below ours (embedded report, 'according to X')"
        if gs in ct.ancestors or (gs.head == ct.head and gs.dep_.startswith("nsubj")):
            return head + "another cue, gold source above ours"
        return head + "another cue in the same sentence"
    words = text[cue[0] : cue[1]].lower()
    if words.startswith("according") or any(
        a.dep_ == "agent" for a in gs.ancestors if a in ct.subtree
    ):
        return head + "'according to' / by-agent"
    if speaker is not None and ct.dep_ in ("acl", "relcl", "amod"):
        return head + "cue on a noun (an ad, a letter) against who put it out"
    if ct.dep_ in _BELOW:
        return head + "non-finite or coordinated cue, subject higher up"
    if ct.pos_ == "NOUN":
        return head + "noun cue (claim, statement)"
    if speaker is None and ct.i < gs.i:
        return head + "speaker after the cue"
    return head + "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from presslens.eval.quotes import match, source_right
    from presslens_training.quotes.data import parsed, prepare, split
    from presslens_training.quotes.train import predicted, rules_of

    pairs = parsed("train", args.cache)
    docs = {a.name: d for a, d in pairs}
    counts: Counter[str] = Counter()
    rows = []
    for a in split([a for a, _ in pairs], "fit"):
        prep = prepare(a, docs[a.name])
        text = a.text
        found = rules_of(prep)
        preds = predicted(found)
        for i, j in match(preds, a.attributions).items():
            f, g = found[i], a.attributions[j]
            if source_right(preds[i], g):
                continue
            cat = category(prep.sdoc, text, f.speaker, f.cue, g)
            counts[cat] += 1
            lo = min([f.span[0], *(s for s, _ in g.source)])
            hi = max([f.span[1], *(e for _, e in g.source)])
            rows.append(
                {
                    "article": a.name,
                    "category": cat,
                    "kind": f.kind,
                    "speaker": text[f.speaker[0] : f.speaker[1]] if f.speaker else None,
                    "cue": text[f.cue[0] : f.cue[1]] if f.cue else None,
                    "gold_source": [text[s:e] for s, e in g.source],
                    "gold_cue": [text[s:e] for s, e in g.cue],
                    "context": text[max(0, lo - 150) : hi + 80],
                }
            )
    print(f"{sum(counts.values())} matched attributions with a wrong or missing speaker")
    for cat, n in sorted(counts.items()):
        print(f"{n:5d}  {cat}")
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
