"""The `repetitions` stage: passages a document repeats verbatim or nearly verbatim.

Wire copy often repeats a statement: the standfirst quotes it, the body quotes it
again with a closing period; a press release is pasted twice with a word changed.
The techniques stage reads this layer (PTC's ``Repetition`` label), so a repeat has
to be a *passage*, one record with every place it occurs, not a pile of fragments.

How, in one pass and without quadratic alignment:

1. Words with character offsets (punctuation is ignored, so "abroad" and
   "abroad." are the same word; spans never end on punctuation). Words inside
   boilerplate break runs: a footer repeated in every article is not a repetition.
2. Every run of :data:`MIN_WORDS` words is hashed; two positions with the same
   n-gram seed a match that is extended to the maximal verbatim run. A block
   pasted several times back to back is recognised as one series of copies.
3. Runs on the same diagonal separated by at most :data:`MAX_GAP` differing
   words are chained: that is a near-verbatim repeat with a word or two changed.
   Matches then grow past short edits at their edges (:func:`extend`).
4. Sentences that share word :data:`SHINGLE`-grams and are similar word by word
   (difflib ratio ≥ :data:`MIN_SIMILARITY`) are paired too, trimmed to their
   matching region: this catches repeats edited too densely to hold an exact
   run of ``MIN_WORDS`` words.
5. Occurrences that overlap are merged, and each connected set of occurrences
   becomes one :class:`~presslens.document.Repetition` with its spans sorted.

Short formulaic repeats ("the press office said") never reach ``MIN_WORDS``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from presslens.document import Repetition, Span

MIN_WORDS = 8
"""Shortest repeated passage, in words. Below it repeats are formulaic."""

MAX_GAP = 3
"""Most words that may differ between two verbatim runs of one near-verbatim repeat."""

SHINGLE = 2
"""Word n-gram size for finding candidate pairs of similar sentences."""

MIN_SIMILARITY = 0.75
"""Word-level similarity (difflib ratio) from which two sentences count as one passage."""

MIN_FUZZY_WORDS = 12
"""Shortest sentence compared word by word: shorter near-copies are templates
("The road will close on Monday, the press office said")."""

MAX_OCCURRENCES = 32
"""An n-gram occurring more often than this is a list or a template, not a repeat."""

# Han and kana characters are words on their own (Chinese and Japanese do not
# separate words by spaces); elsewhere a word is a run of letters and digits,
# with inner apostrophes and hyphens ("Ukraine’s", "Asia-Pacific").
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’\-][^\W_{_CJK}]+)*")
_SENTENCE_END = re.compile(r"[.!?;:…]+[\"'”’»)\]]*(?=\s)|\n\s*\n")


@dataclass(frozen=True)
class Words:
    """The document's words: character spans and comparison keys (None = barrier)."""

    spans: list[Span]
    keys: list[str | None]
    blocks: list[int]  # paragraph number of each word (blank lines separate paragraphs)


def words(text: str, skip: Sequence[Span] = ()) -> Words:
    """Split ``text`` into words; words inside ``skip`` spans become barriers.

    >>> words("The SVR’s office said.").keys
    ['the', "svr's", 'office', 'said']
    """
    spans: list[Span] = []
    keys: list[str | None] = []
    blocks: list[int] = []
    block, previous_end = 0, 0
    for m in _WORD.finditer(text):
        start, end = m.span()
        if text.count("\n", previous_end, start) >= 2:
            block += 1
        previous_end = end
        spans.append((start, end))
        blocks.append(block)
        inside = any(s <= start and end <= e for s, e in skip)
        keys.append(None if inside else m.group().casefold().replace("’", "'"))
    return Words(spans, keys, blocks)


# A matched pair of word ranges: (a_start, a_end, b_start, b_end), end exclusive.
Pair = tuple[int, int, int, int]


def _common_run(keys: Sequence[str | None], a: int, b: int) -> int:
    """How many words match from ``a`` and ``b`` onwards."""
    n = 0
    while b + n < len(keys) and keys[a + n] is not None and keys[a + n] == keys[b + n]:
        n += 1
    return n


def verbatim_runs(
    keys: Sequence[str | None], n: int = MIN_WORDS
) -> tuple[list[Pair], list[list[tuple[int, int]]]]:
    """Maximal runs of at least ``n`` words that occur twice, found by n-gram hashing.

    Returns pairs of occurrences, and series: a block repeated back to back
    several times ("X X X") is one series of its copies, not pairs at every scale.
    """
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(keys) - n + 1):
        gram = keys[i : i + n]
        if None not in gram:
            index[tuple(gram)].append(i)  # type: ignore[arg-type]
    pairs: list[Pair] = []
    series: list[list[tuple[int, int]]] = []
    periods: dict[int, int] = {}
    for positions in index.values():
        if len(positions) < 2 or len(positions) > MAX_OCCURRENCES:
            continue
        for a, b in combinations(positions, 2):
            if b - a < n:
                continue  # the passage overlaps its own repeat (a periodic text)
            if a > 0 and keys[a - 1] is not None and keys[a - 1] == keys[b - 1]:
                continue  # not the start of a maximal run; its start was seen already
            if a in periods and (b - a) % periods[a] == 0:
                continue  # a later copy of a series already found
            run = _common_run(keys, a, b)
            period = b - a
            if run < period:
                pairs.append((a, a + run, b, b + run))
                continue
            periods[a] = period
            copies = 1 + run // period
            copy_spans = [(a + k * period, a + (k + 1) * period) for k in range(copies)]
            if run % period >= n:  # a last, partial copy
                copy_spans.append((a + copies * period, b + run))
            series.append(copy_spans)
    return pairs, series


def chain(pairs: Iterable[Pair], max_gap: int = MAX_GAP) -> list[Pair]:
    """Join runs that continue each other after a few changed words on both sides."""
    chains: list[list[int]] = []
    for a0, a1, b0, b1 in sorted(pairs):
        for c in chains:
            gap_a, gap_b = a0 - c[1], b0 - c[3]
            # The first occurrence must stay before the second (no periodic overlap).
            if 0 <= gap_a <= max_gap and 0 <= gap_b <= max_gap and max(c[1], a1) <= c[2]:
                c[1], c[3] = max(c[1], a1), max(c[3], b1)
                break
        else:
            chains.append([a0, a1, b0, b1])
    return [(a0, a1, b0, b1) for a0, a1, b0, b1 in chains]


def _run_length(keys: Sequence[str | None], a: int, b: int, step: int, limit: int) -> int:
    """How many words match from positions ``a`` and ``b`` going in direction ``step``."""
    n = 0
    while 0 <= a < len(keys) and 0 <= b < len(keys) and n < limit:
        if keys[a] is None or keys[a] != keys[b]:
            break
        n += 1
        a += step
        b += step
    return n


def extend(
    keys: Sequence[str | None],
    pair: Pair,
    max_gap: int = MAX_GAP,
    blocks: Sequence[int] | None = None,
) -> Pair:
    """Grow a near-verbatim match past short edits at its edges.

    Chaining needs a verbatim run of ``MIN_WORDS`` on each side of an edit; the
    words before the first edit or after the last may be fewer. From each edge,
    skip up to ``max_gap`` words on either side and continue if at least two words
    match again (one word after a one-word substitution, which keeps alignment).
    With ``blocks`` (each word's paragraph), growth past an edit stays inside the
    paragraphs of the match's edges: a word shared by chance across a paragraph
    break ("в" before two different paragraphs) does not pull the match into it.
    """
    a0, a1, b0, b1 = pair
    for step in (1, -1):
        while True:
            best = None
            for da in range(max_gap + 1):
                for db in range(max_gap + 1):
                    if da == db == 0:
                        continue
                    if step == 1:
                        x, y, room = a1 + da, b1 + db, b0 - (a1 + da)
                    else:
                        x, y, room = a0 - 1 - da, b0 - 1 - db, (b0 - 1 - db) - (a1 - 1)
                    run = _run_length(keys, x, y, step, max(room, 0))
                    if run and blocks is not None:
                        edge_a, edge_b = (a1 - 1, b1 - 1) if step == 1 else (a0, b0)
                        far_a, far_b = x + step * (run - 1), y + step * (run - 1)
                        if blocks[far_a] != blocks[edge_a] or blocks[far_b] != blocks[edge_b]:
                            continue
                    enough = run >= 2 or (run == 1 and da == db == 1)
                    if enough and (best is None or run > best[0]):
                        best = (run, x, y)
            if best is None:
                break
            run, x, y = best
            if step == 1:
                a1, b1 = x + run, y + run
            else:
                a0, b0 = x - run + 1, y - run + 1
    return a0, a1, b0, b1


def sentence_ranges(w: Words, text: str, sentences: Sequence[Span] = ()) -> list[tuple[int, int]]:
    """Word-index ranges of sentences: the anatomy's if given, else split on end marks."""
    if not sentences:
        bounds, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((start, m.end()))
            start = m.end()
        bounds.append((start, len(text)))
        sentences = bounds
    ranges: list[tuple[int, int]] = []
    i = 0
    for s, e in sorted(sentences):
        while i < len(w.spans) and w.spans[i][0] < s:
            i += 1
        j = i
        while j < len(w.spans) and w.spans[j][1] <= e:
            j += 1
        if j > i:
            ranges.append((i, j))
        i = j
    return ranges


def similar_sentences(
    keys: Sequence[str | None],
    ranges: Sequence[tuple[int, int]],
    *,
    k: int = SHINGLE,
    threshold: float = MIN_SIMILARITY,
    min_words: int = MIN_FUZZY_WORDS,
) -> list[Pair]:
    """Pairs of sentences that are near-verbatim copies of each other.

    Candidates are sentences sharing at least two word ``k``-grams (an inverted
    index, never all pairs); a candidate is kept when the word-level similarity
    of :class:`difflib.SequenceMatcher` reaches ``threshold``. The pair is trimmed
    to the region between the first and last matching words, so a sentence that
    also carries other material contributes only the repeat.
    """
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for sid, (s, e) in enumerate(ranges):
        if e - s < min_words:
            continue
        for i in range(s, e - k + 1):
            gram = keys[i : i + k]
            if None not in gram:
                index[tuple(gram)].add(sid)  # type: ignore[arg-type]
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for sids in index.values():
        if 1 < len(sids) <= MAX_OCCURRENCES:
            for x, y in combinations(sorted(sids), 2):
                shared[(x, y)] += 1
    pairs: list[Pair] = []
    for (x, y), common in shared.items():
        if common < 2:
            continue
        (xs, xe), (ys, ye) = ranges[x], ranges[y]
        matcher = SequenceMatcher(None, keys[xs:xe], keys[ys:ye], autojunk=False)
        if matcher.ratio() < threshold:
            continue
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        matched = sum(b.size for b in blocks)
        a0, b0 = xs + blocks[0].a, ys + blocks[0].b
        a1, b1 = xs + blocks[-1].a + blocks[-1].size, ys + blocks[-1].b + blocks[-1].size
        if matched >= min_words and a1 <= b0:
            pairs.append((a0, a1, b0, b1))
    return pairs


def group(
    pairs: Iterable[Pair],
    min_words: int = MIN_WORDS,
    series: Iterable[Sequence[tuple[int, int]]] = (),
) -> list[list[tuple[int, int]]]:
    """Occurrences that were paired or overlap become one passage; overlaps are merged."""
    occurrences: list[tuple[int, int]] = []
    parent: list[int] = []

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    matches: list[Sequence[tuple[int, int]]] = [((a0, a1), (b0, b1)) for a0, a1, b0, b1 in pairs]
    for match in [*matches, *series]:
        base = len(occurrences)
        occurrences += list(match)
        parent += [base] * len(match)
    # Sweep in start order: an occurrence joins every earlier one it overlaps.
    order = sorted(range(len(occurrences)), key=lambda i: occurrences[i])
    active: list[int] = []
    for i in order:
        s, _ = occurrences[i]
        active = [j for j in active if occurrences[j][1] > s]
        for j in active:
            parent[find(i)] = find(j)
        active.append(i)
    clusters: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, occ in enumerate(occurrences):
        clusters[find(i)].append(occ)
    passages = []
    for occs in clusters.values():
        merged: list[list[int]] = []
        for s, e in sorted(occs):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        if len(merged) >= 2 and all(e - s >= min_words for s, e in merged):
            passages.append([(s, e) for s, e in merged])
    return passages


def find_repetitions(
    text: str,
    *,
    boilerplate: Sequence[Span] = (),
    sentences: Sequence[Span] = (),
    min_words: int = MIN_WORDS,
) -> list[Repetition]:
    """Passages of at least ``min_words`` words that ``text`` repeats, verbatim or nearly.

    >>> s = "Officials said the bridge over the river would reopen next week. "
    >>> [len(r.spans) for r in find_repetitions(s + "Then rain. " + s)]
    [2]
    """
    w = words(text, boilerplate)
    runs, series = verbatim_runs(w.keys, min_words)
    pairs = [extend(w.keys, p, blocks=w.blocks) for p in chain(runs)]
    ranges = sentence_ranges(w, text, sentences)
    pairs += similar_sentences(w.keys, ranges, min_words=max(min_words, MIN_FUZZY_WORDS))
    out = []
    for passage in group(pairs, min_words, series):
        spans = tuple((w.spans[s][0], w.spans[e - 1][1]) for s, e in passage)
        out.append(Repetition(spans=spans))
    return sorted(out, key=lambda r: r.spans)
