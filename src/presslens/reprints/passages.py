"""Passages of a document and their MinHash fingerprints.

A reprint rarely copies a whole article verbatim: outlets trim the end, reword a
sentence, add a paragraph or re-paragraph the text. So presslens compares
passages, not documents: every paragraph, plus windows of consecutive sentences
within a paragraph (which survive a paragraph being split, trimmed or extended).
Each passage is reduced to the set of its word shingles (k consecutive words) and
fingerprinted with MinHash (datasketch), whose
signatures estimate Jaccard similarity and feed an LSH index.

Paragraphs and sentences come from the anatomy layer when the analysis has one
(boilerplate and headline excluded), else from blank lines and a sentence-end heuristic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

SCHEME = "affine32"  # uint32 hash values: half the bytes of datasketch's legacy scheme
SEED = 1


@dataclass(frozen=True)
class ReprintParams:
    """Fingerprinting and matching parameters (tuned by ``presslens eval reprints``)."""

    shingle: int = 3
    num_perm: int = 128
    threshold: float = 0.5
    window: int = 3
    min_words: int = 8

    def key(self) -> str:
        """What signatures depend on: stored signatures are only reused when this matches."""
        return (
            f"shingle={self.shingle};perm={self.num_perm};window={self.window};"
            f"min={self.min_words};scheme={SCHEME}"
        )


DEFAULT_PARAMS = ReprintParams()


@dataclass(frozen=True)
class Passage:
    no: int
    kind: str  # "paragraph" or "window"
    start: int
    end: int
    signature: bytes


_WORD = re.compile(r"\w+", re.UNICODE)
_PARA_SPLIT = re.compile(r"\n\s*\n")
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-ZА-ЯЁ0-9])")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int) -> list[bytes]:
    """Distinct k-word shingles of ``text`` (a short text is one shingle of all its words)."""
    tokens = words(text)
    if len(tokens) <= k:
        return [" ".join(tokens).encode("utf-8")] if tokens else []
    return list(
        dict.fromkeys(
            " ".join(tokens[i : i + k]).encode("utf-8") for i in range(len(tokens) - k + 1)
        )
    )


def _fallback_paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    pieces = _PARA_SPLIT.split(text) if _PARA_SPLIT.search(text) else text.split("\n")
    for piece in pieces:
        start = text.index(piece, pos)
        pos = start + len(piece)
        stripped = piece.strip()
        if stripped:
            lead = piece.index(stripped)
            spans.append((start + lead, start + lead + len(stripped)))
    return spans


def _fallback_sentences(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for p_start, p_end in paragraphs:
        cut = p_start
        for match in _SENT_END.finditer(text, p_start, p_end):
            spans.append((cut, match.start()))
            cut = match.end()
        spans.append((cut, p_end))
    return [s for s in spans if s[1] > s[0]]


def _inside(span: tuple[int, int], blocks: Sequence[tuple[int, int]]) -> bool:
    return any(b0 <= span[0] and span[1] <= b1 for b0, b1 in blocks)


def passage_spans(
    analysis: dict[str, Any],
    params: ReprintParams = DEFAULT_PARAMS,
) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the passages worth fingerprinting, in text order."""
    text: str = analysis["text"]
    anatomy = analysis.get("anatomy") or {}
    # Boilerplate is not reporting, and headlines are rewritten by every outlet
    # (a shortened headline shared by two copies is no evidence of who wrote first).
    boiler = [tuple(b) for b in anatomy.get("boilerplate") or ()]
    if anatomy.get("headline"):
        boiler.append(tuple(anatomy["headline"]))
    paragraphs = [tuple(p) for p in anatomy.get("paragraphs") or ()] or _fallback_paragraphs(text)
    sentences = [tuple(s) for s in anatomy.get("sentences") or ()] or _fallback_sentences(
        text, paragraphs
    )
    paragraphs = [p for p in paragraphs if not _inside(p, boiler)]
    sentences = [s for s in sentences if not _inside(s, boiler)]
    out: list[tuple[str, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for start, end in paragraphs:
        if len(words(text[start:end])) >= params.min_words:
            out.append(("paragraph", start, end))
            seen.add((start, end))
    # Windows stay inside a paragraph: one spanning an edge would pair an outlet's
    # added paragraph with the story, and two copies that both added one at the top
    # would look closer to each other than to the original.
    w = params.window
    for p_start, p_end in paragraphs:
        inner = [s for s in sentences if p_start <= s[0] and s[1] <= p_end]
        for i in range(max(0, len(inner) - w + 1)):
            start, end = inner[i][0], inner[i + w - 1][1]
            if (start, end) not in seen and len(words(text[start:end])) >= params.min_words:
                out.append(("window", start, end))
                seen.add((start, end))
    return out


def signatures(texts: Sequence[str], params: ReprintParams = DEFAULT_PARAMS) -> list[bytes]:
    """MinHash signatures (uint32 bytes) of ``texts``' shingle sets."""
    from datasketch import MinHash

    sets = [shingles(t, params.shingle) for t in texts]
    hashes = MinHash.bulk(sets, num_perm=params.num_perm, seed=SEED, scheme=SCHEME)
    return [np.asarray(m.hashvalues, dtype=np.uint32).tobytes() for m in hashes]


def fingerprint(
    analysis: dict[str, Any],
    params: ReprintParams = DEFAULT_PARAMS,
) -> list[Passage]:
    """The document's passages with their signatures, numbered in text order."""
    spans = passage_spans(analysis, params)
    text = analysis["text"]
    sigs = signatures([text[s:e] for _, s, e in spans], params)
    return [
        Passage(no, kind, s, e, sig)
        for no, ((kind, s, e), sig) in enumerate(zip(spans, sigs, strict=True))
    ]


def minhash(signature: bytes) -> Any:
    """A LeanMinHash from stored signature bytes (no text, no re-hashing)."""
    from datasketch import LeanMinHash

    values = np.frombuffer(signature, dtype=np.uint32)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
