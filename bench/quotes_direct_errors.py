"""Not a timing: the errors of the quotes stage's rules on direct quotes over the fit
articles of PolNeAR train (issue 19), by cause, so a session knows which to work on.

Three lists: fully quoted gold attributions (content entirely inside quotation marks)
the rules miss or match with a wrong speaker; predicted ``direct`` quotes whose gold
content runs beyond the marks (the overrun: a partial quote inside reported speech);
and predicted ``direct`` quotes matched to no gold. A miss is put in one cause by what
predictions touch its content (none, a narrower one, a wider one) and by the quotation
pairing and layout around it; an overrun by where the gold runs beyond the marks. The
causes are coarse by design: enough to rank them. ``--json`` writes every row with its
context; ``--show CAUSE`` prints the rows of causes starting with CAUSE.

    PYTHONPATH=src python bench/quotes_direct_errors.py --cache ../quotes-cache [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def _miss_cause(text: str, g: Any, preds: list[Any], found: list[Any], quotes: list[Any]) -> str:
    """Why one fully quoted gold attribution matched no prediction."""
    from presslens.eval.quotes import chars

    gc = chars(g.content)
    touching = [(i, len(chars(p.content) & gc)) for i, p in enumerate(preds)]
    touching = [(i, n) for i, n in touching if n]
    if touching:
        i, _ = max(touching, key=lambda x: x[1])
        pc = chars(preds[i].content)
        kind = found[i].kind
        if len(pc) > len(gc):
            return f"merged: prediction ({kind}) wider than gold"
        return f"split: prediction ({kind}) narrower than gold"
    lo, hi = g.content_extent
    holder = [q for q in quotes if q.outer[0] <= lo + 2 and hi - 2 <= q.outer[1]]
    if not holder:
        return "marks: no paired quotation holds the content"
    q = holder[0]
    words = len(text[q.span[0] : q.span[1]].split())
    if words <= 4:
        return "short quotation (<= 4 words) dropped"
    if len(q.parts) > 1:
        return "multi-paragraph quotation, no cue"
    start = q.outer[0]
    line = text.rfind("\n", 0, start) + 1
    if not text[line:start].strip():
        prev_end = text.rfind("\n", 0, line - 1)
        prev = text[text.rfind("\n", 0, max(prev_end, 0)) + 1 : line].strip()
        if prev.endswith(("\u201d", '"', "\u2019")):
            return "paragraph-opening quotation after a quoted paragraph (continuation)"
        return "paragraph-opening quotation, no cue found"
    return "quotation inside a paragraph, no cue found"


def _overrun_cause(text: str, g: Any, f: Any) -> str:
    """Where the gold of an overrunning direct prediction runs beyond the marks."""
    lo, hi = g.content_extent
    plo, phi = f.span
    side = "cue left" if f.cue and f.cue[1] <= plo else "cue right" if f.cue else "no cue"
    before = lo < plo - 2
    after = hi > phi + 2
    where = "gold before and after" if before and after else "gold before" if before else ""
    where = where or ("gold after" if after else "gold pieces outside the marks inside")
    return f"{where} ({side})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show", default=None)
    ap.add_argument("--limit", type=int, default=15)
    args = ap.parse_args()

    from presslens.attribution.marks import find_quotes
    from presslens.eval.quotes import chars, fully_quoted, match, quotations, source_right
    from presslens_training.quotes.data import parsed, prepare, split
    from presslens_training.quotes.train import predicted, rules_of

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from quotes_speaker_errors import category as speaker_category

    pairs = parsed("train", args.cache)
    docs = {a.name: d for a, d in pairs}
    counts: dict[str, Counter[str]] = {g: Counter() for g in ("miss", "overrun", "spurious")}
    rows = []
    n_direct = n_pred = 0
    for a in split([a for a, _ in pairs], "fit"):
        prep = prepare(a, docs[a.name])
        text = a.text
        found = rules_of(prep)
        preds = predicted(found)
        golds = a.attributions
        m = match(preds, golds)
        inv = {j: i for i, j in m.items()}
        quoted = quotations(text)
        qs = find_quotes(text, prep.regions)
        direct = [fully_quoted(text, g.content, quoted) for g in golds]

        def row(
            group: str,
            cause: str,
            lo: int,
            hi: int,
            name: str = a.name,
            text: str = text,
            **extra: Any,
        ) -> None:
            counts[group][cause] += 1
            context = text[max(0, lo - 160) : hi + 120]
            rows.append(
                {"group": group, "cause": cause, "article": name, "context": context, **extra}
            )

        for j, g in enumerate(golds):
            if not direct[j]:
                continue
            n_direct += 1
            lo, hi = g.content_extent
            gold = {
                "gold_content": [text[s:e] for s, e in g.content],
                "gold_source": [text[s:e] for s, e in g.source],
                "gold_cue": [text[s:e] for s, e in g.cue],
            }
            if j in inv:
                i = inv[j]
                if source_right(preds[i], g):
                    continue
                f = found[i]
                cause = "speaker: " + speaker_category(prep.sdoc, text, f.speaker, f.cue, g)
                spk = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
                cue = text[f.cue[0] : f.cue[1]] if f.cue else None
                row("miss", cause, lo, hi, speaker=spk, cue=cue, kind=f.kind, **gold)
                continue
            cause = _miss_cause(text, g, preds, found, qs)
            near = [
                (found[i].kind, [text[s:e] for s, e in p.content])
                for i, p in enumerate(preds)
                if chars(p.content) & chars(g.content)
            ]
            row("miss", "missed: " + cause, lo, hi, predicted=near, **gold)
        for i, p in enumerate(preds):
            if not p.direct:
                continue
            n_pred += 1
            f = found[i]
            lo, hi = f.span
            pred = {
                "content": [text[s:e] for s, e in p.content],
                "speaker": text[f.speaker[0] : f.speaker[1]] if f.speaker else None,
                "cue": text[f.cue[0] : f.cue[1]] if f.cue else None,
            }
            if i not in m:
                near = [g for g in golds if chars(p.content) & chars(g.content)]
                cause = "overlaps gold below half" if near else "no gold"
                cause += " (no cue)" if f.cue is None else ""
                best = max(
                    near, key=lambda g: len(chars(p.content) & chars(g.content)), default=None
                )
                gold = [text[s:e] for s, e in best.content] if best else None
                row("spurious", cause, lo, hi, gold_content=gold, **pred)
                continue
            j = m[i]
            if direct[j]:
                continue
            g = golds[j]
            cause = _overrun_cause(text, g, f)
            gl, gh = g.content_extent
            row(
                "overrun",
                cause,
                min(lo, gl),
                max(hi, gh),
                gold_content=[text[s:e] for s, e in g.content],
                gold_cue=[text[s:e] for s, e in g.cue],
                **pred,
            )
    print(f"{n_direct} fully quoted gold, {n_pred} predicted direct")
    for group, c in counts.items():
        print(f"== {group}: {sum(c.values())}")
        for cause, n in c.most_common():
            print(f"{n:5d}  {cause}")
    if args.show:
        shown = [r for r in rows if r["cause"].startswith(args.show)][: args.limit]
        for r in shown:
            print("-" * 80)
            print(json.dumps(r, indent=1, ensure_ascii=False))
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
