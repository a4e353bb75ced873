"""spaCy at bounded cost: linear tokenisation and parsing in chunks.

Two things made one hostile or huge input cost far more than its size:

- spaCy's tokenizer strips prefixes and suffixes off a whitespace-free run one
  at a time, searching the whole run each time: quadratic in the run's length
  (20 KB of brackets took 30 s, 40 KB 104 s). Runs longer than ``MAX_RUN``
  characters become tokens of ``RUN_PIECE`` characters without going through the
  tokenizer, so the cost is linear and such garbage adds few tokens for the
  parser; ordinary words, numbers and URLs are far shorter and tokenise as before.
- The parser and tagger hold arrays for the whole Doc at once, and refuse texts
  over ``nlp.max_length``. Texts over ``CHUNK_CHARS`` are parsed chunk by chunk
  (cut at paragraph starts where possible) and joined into one Doc, so a 6 MB
  text is analysed and memory for one document stays bounded.

Character offsets are kept exactly: the joined Doc's text is the input text.

Several texts are parsed together (:func:`parse_many`): each component takes the
short ones as one batch, as ``nlp.pipe`` does, which spends less per token than
one call per text; a long text keeps its chunks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from presslens.long_runs import LONG_RUN, MAX_RUN

RUN_PIECE = 100  # token size for runs longer than MAX_RUN
CHUNK_CHARS = 100_000  # most characters parsed at once
BATCH_CHARS = CHUNK_CHARS  # most characters of short texts parsed together (same memory)

__all__ = [
    "CHUNK_CHARS",
    "MAX_RUN",
    "RUN_PIECE",
    "make_doc",
    "parse_bounded",
    "parse_many",
    "run_components",
]


def _slices(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in slices of at most CHUNK_CHARS, cut after whitespace."""
    while end - start > CHUNK_CHARS:
        cut = max(
            text.rfind(" ", start, start + CHUNK_CHARS),
            text.rfind("\n", start, start + CHUNK_CHARS),
        )
        cut = cut + 1 if cut > start else start + CHUNK_CHARS
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def make_doc(nlp: Any, text: str) -> Any:
    """``nlp.make_doc(text)`` in time linear in ``text`` and without its length limit.

    A whitespace-free run over ``MAX_RUN`` characters becomes tokens of ``RUN_PIECE``
    characters (no text worth parsing looks like that: brackets, base64, repeated
    punctuation); everything else goes through spaCy's tokenizer as usual.
    """
    runs = list(LONG_RUN.finditer(text))
    if not runs and len(text) <= min(nlp.max_length, CHUNK_CHARS):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    pieces: list[Any] = []
    at = 0
    for run in runs:
        pieces.extend(nlp.tokenizer(text[a:b]) for a, b in _slices(text, at, run.start()))
        words = [text[i : i + RUN_PIECE] for i in range(run.start(), run.end(), RUN_PIECE)]
        spaces = [False] * len(words)
        at = run.end()
        if text.startswith(" ", at):  # the space after the run belongs to its last token
            spaces[-1] = True
            at += 1
        pieces.append(Doc(nlp.vocab, words=words, spaces=spaces))
    pieces.extend(nlp.tokenizer(text[a:b]) for a, b in _slices(text, at, len(text)))
    return Doc.from_docs([p for p in pieces if len(p)], ensure_whitespace=False)


def _chunk_starts(sdoc: Any) -> list[int]:
    """Token indices where parsing chunks start: paragraph starts, else any token."""
    starts, chunk_char = [0], 0
    last_break = 0
    for token in sdoc:
        if token.i and token.is_sent_start:
            last_break = token.i
        if token.idx - chunk_char > CHUNK_CHARS:
            cut = last_break if last_break > starts[-1] else token.i
            starts.append(cut)
            chunk_char = sdoc[cut].idx
    return starts


def _apply(nlp: Any, sdoc: Any) -> Any:
    """Every pipeline component over one Doc (one chunk)."""
    for _, component in nlp.pipeline:
        sdoc = component(sdoc)
    return sdoc


def run_components(nlp: Any, sdoc: Any) -> Any:
    """Run ``nlp``'s components over ``sdoc``, chunk by chunk when it is long."""
    if len(sdoc.text) <= CHUNK_CHARS:
        return _apply(nlp, sdoc)
    from spacy.tokens import Doc

    starts = _chunk_starts(sdoc)
    parts = []
    for start, end in zip(starts, [*starts[1:], len(sdoc)], strict=True):
        part = _apply(nlp, sdoc[start:end].as_doc())
        part.tensor = part.tensor[:0]  # not read downstream; keeps the joined Doc small
        parts.append(part)
    return Doc.from_docs(parts, ensure_whitespace=False)


def parse_bounded(nlp: Any, text: str, prepare: Callable[[Any], None]) -> Any:
    """Tokenise (linear), ``prepare`` the Doc (sentence starts), run the pipeline in chunks."""
    return parse_many(nlp, [text], prepare)[0]


def _batches(indices: list[int], sizes: Sequence[int]) -> Iterator[list[int]]:
    """``indices`` grouped so that each group's ``sizes`` add up to at most BATCH_CHARS."""
    group: list[int] = []
    total = 0
    for i in indices:
        if group and total + sizes[i] > BATCH_CHARS:
            yield group
            group, total = [], 0
        group.append(i)
        total += sizes[i]
    if group:
        yield group


def parse_many(nlp: Any, texts: Sequence[str], prepare: Callable[[Any], None]) -> list[Any]:
    """:func:`parse_bounded` of each text; short texts go through each component together."""
    out: list[Any] = []
    for text in texts:
        sdoc = make_doc(nlp, text)
        prepare(sdoc)
        out.append(sdoc)
    sizes = [len(text) for text in texts]
    short = [i for i, n in enumerate(sizes) if n <= CHUNK_CHARS]
    for i, n in enumerate(sizes):
        if n > CHUNK_CHARS:
            out[i] = run_components(nlp, out[i])
    for group in _batches(short, sizes):
        batch = [out[i] for i in group]
        for _, component in nlp.pipeline:
            batch = (
                list(component.pipe(batch))
                if hasattr(component, "pipe")
                else [component(d) for d in batch]
            )
        for i, sdoc in zip(group, batch, strict=True):
            out[i] = sdoc
    return out
