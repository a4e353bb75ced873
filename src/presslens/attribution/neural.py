"""The fine-tuned English attribution tagger at run time: onnxruntime and numpy, no torch.

Why: the rules and the CRF reach reported speech through word lists and features of a
few tokens; a MiniLM encoder fine-tuned on PolNeAR's cue, source and content spans
(``presslens train quotes --neural``, :mod:`presslens_training.quotes.neural`) reads
the whole sentence. Its labels go through the CRF's linking
(:func:`presslens.attribution.learned.link`) and meet the rules the same way
(:func:`presslens.attribution.learned.combine`).

Names reach it masked by orthography (as the CRF and the techniques tagger mask them),
a run of names as one ``[MASK]`` (:func:`unit_words`), so who is named changes no label.
Its word table is the techniques tagger's (frozen in training), read from the one file
both graphs share (``models/techniques/word_embeddings.bin``): the artefact holds its
transformer layers only.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from presslens.attribution.found import Found
from presslens.attribution.learned import LABELS, MODEL_DIR, Unit, link, units
from presslens.attribution.learned_features import is_name
from presslens.document import Span

TECHNIQUES_DIR = MODEL_DIR.parent / "techniques"
TABLE = TECHNIQUES_DIR / "word_embeddings.bin"
MASK = "[MASK]"
NAME_GOES_ON = ""  # a name's later words: the run's one [MASK] stands for them
BATCH = 16


def unit_words(tokens: Sequence[Any]) -> list[str]:
    """A unit's words as the encoder reads them: every run of names one ``[MASK]`` (its
    later words are empty: no piece), so 'Trump' and 'Hillary Clinton', 'GOP' and
    'Democratic Party' reach the encoder alike."""
    words = []
    for k, tok in enumerate(tokens):
        if not is_name(tok):
            words.append(tok.text)
        else:
            words.append(NAME_GOES_ON if k and is_name(tokens[k - 1]) else MASK)
    return words


def word_labels(
    probs: np.ndarray, first: Sequence[int], words: Sequence[str]
) -> tuple[list[str], list[float]]:
    """Per word, the BIO label of its first piece and the probability that it is part of
    an attribution (1 - P(O)), from ``probs`` (pieces x labels). A name's later words take
    its first word's role; any other word with no piece (cut off by the window) is ``O``."""
    best = probs.argmax(-1)
    labels: list[str] = []
    inside: list[float] = []
    for word, pos in zip(words, first, strict=True):
        if pos >= 0:
            labels.append(LABELS[best[pos]])
            inside.append(float(1 - probs[pos, 0]))
        elif word == NAME_GOES_ON and labels:
            prev = labels[-1]
            labels.append(prev if prev == "O" else "I-" + prev[2:])
            inside.append(inside[-1])
        else:
            labels.append("O")
            inside.append(0.0)
    return consistent(labels), inside


class NeuralTagger:
    """Tags units of words ``B-``/``I-`` cue, source or content."""

    def __init__(self, folder: Path = MODEL_DIR, threads: int | None = 1):
        from presslens.techniques.model import onnx_session
        from presslens.techniques.windows import load_tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))["neural"]
        if tuple(config["labels"]) != LABELS:
            raise ValueError(f"{folder}: the tagger's labels are not {LABELS}")
        self.max_pieces = int(config["max_pieces"])
        self.tokenizer = load_tokenizer(TECHNIQUES_DIR / "tokenizer.json")
        table = config["table"]
        rows = np.memmap(TABLE, dtype=np.uint8, mode="r")
        self.table = rows.reshape(int(table["rows"]), -1)
        self.scale = np.float32(table["scale"])
        self.zero = np.float32(table["zero"])
        self.session = onnx_session(folder / config["file"], threads)
        self._lock = threading.Lock()

    def tag(self, sentences: Sequence[list[str]]) -> list[list[str]]:
        """One BIO label per word of each sentence (``O`` for a word with no piece)."""
        return self.tag_with_probabilities(sentences)[0]

    def tag_with_probabilities(
        self, sentences: Sequence[list[str]]
    ) -> tuple[list[list[str]], list[list[float]]]:
        """Labels as :meth:`tag`, and per word the probability that it is part of an
        attribution (1 - P(O); 0 for a word with no piece)."""
        encoded = [encode(self.tokenizer, list(words), self.max_pieces) for words in sentences]
        out: list[list[str]] = [[] for _ in sentences]
        inside: list[list[float]] = [[] for _ in sentences]
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
        for s in range(0, len(order), BATCH):
            picked = order[s : s + BATCH]
            width = max(len(encoded[i][0]) for i in picked)
            ids = np.zeros((len(picked), width), dtype=np.int64)
            mask = np.zeros((len(picked), width), dtype=np.int64)
            for b, i in enumerate(picked):
                ids[b, : len(encoded[i][0])] = encoded[i][0]
                mask[b, : len(encoded[i][0])] = 1
            words = (self.table[ids].astype(np.float32) - self.zero) * self.scale
            with self._lock:
                (probs,) = self.session.run(["probs"], {"words": words, "attention_mask": mask})
            for b, i in enumerate(picked):
                out[i], inside[i] = word_labels(probs[b], encoded[i][1], sentences[i])
        return out, inside


def encode(tokenizer: Any, words: list[str], max_pieces: int) -> tuple[list[int], list[int]]:
    """Wordpiece ids (``[CLS]`` ... ``[SEP]``, at most ``max_pieces``) and each word's first
    piece (-1 where the window cut it off or it has none); ``tokenizer`` without truncation."""
    enc = tokenizer.encode(words, is_pretokenized=True)
    ids, word_ids = enc.ids, enc.word_ids
    if len(ids) > max_pieces:
        ids = [*ids[: max_pieces - 1], ids[-1]]
        word_ids = [*word_ids[: max_pieces - 1], None]
    first = [-1] * len(words)
    for pos, w in enumerate(word_ids):
        if w is not None and first[w] < 0:
            first[w] = pos
    return list(ids), first


def consistent(labels: list[str]) -> list[str]:
    """BIO made consistent: an ``I-X`` not after ``B-X`` or ``I-X`` opens a span."""
    fixed = []
    prev = "O"
    for label in labels:
        if label.startswith("I-") and prev[2:] != label[2:]:
            label = "B-" + label[2:]
        fixed.append(label)
        prev = label
    return fixed


@lru_cache(maxsize=1)
def shipped() -> NeuralTagger | None:
    """The bundled tagger, or None when its files (or the shared table) are absent."""
    config = shipped_config()
    if not config or not TABLE.exists() or not (MODEL_DIR / config["file"]).exists():
        return None
    return NeuralTagger()


def find_neural(
    text: str,
    sdoc: Any,
    regions: Sequence[Span],
    tagger: NeuralTagger,
    quoted: Sequence[Span],
) -> list[Found]:
    """The tagger's attributions in ``text`` (parsed as ``sdoc``) within ``regions``, each
    with its ``score``: the mean probability of 'part of an attribution' over its content's
    words. Every sentence of the regions is read (a tenth of PolNeAR's attributions lie in
    sentences with no cue word, quotation mark, colon or dash)."""
    all_units = units(sdoc, regions)
    labels, inside = tagger.tag_with_probabilities([unit_words(u.tokens) for u in all_units])
    return scored(tagged_found(text, all_units, labels, quoted), all_units, inside)


def tagged_found(
    text: str, all_units: Sequence[Unit], labels: Sequence[list[str]], quoted: Sequence[Span]
) -> list[Found]:
    """Attributions linked from per-unit labels (units with no label left out)."""
    tagged = [
        (k, u, lab)
        for k, (u, lab) in enumerate(zip(all_units, labels, strict=True))
        if any(x != "O" for x in lab)
    ]
    return link(text, tagged, quoted)


def scored(
    found: Sequence[Found], all_units: Sequence[Unit], inside: Sequence[list[float]]
) -> list[Found]:
    """``found`` with ``score``: the mean of ``inside`` over the words of each content."""
    words = [
        (tok.idx, p)
        for u, probs in zip(all_units, inside, strict=True)
        for tok, p in zip(u.tokens, probs, strict=True)
    ]
    out = []
    for f in found:
        pieces = f.parts or (f.span,)
        values = [p for at, p in words if any(s <= at < e for s, e in pieces)]
        out.append(f.with_(score=sum(values) / len(values) if values else 0.0))
    return out


def scored_at_least(found: Sequence[Found], least: float) -> list[Found]:
    """The tagger's attributions whose score reaches ``least``: those that join the rules'."""
    return [f for f in found if (f.score or 0.0) >= least]


@lru_cache(maxsize=1)
def shipped_config() -> dict:
    """The ``neural`` block of the bundled config (empty when absent)."""
    path = MODEL_DIR / "config.json"
    if not path.exists():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")).get("neural", {}))


def shipped_least() -> float:
    """The least score at which the tagger's attribution joins the rules'."""
    return float(shipped_config().get("least", 0.0))


def shipped_combine() -> str:
    """How the tagger's attributions meet the rules' (:func:`..learned.combine`)."""
    return str(shipped_config().get("combine", "add"))
