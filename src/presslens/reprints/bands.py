"""LSH band keys of passage signatures: what the store's reprint index holds.

MinHash-LSH cuts a signature of ``num_perm`` values into ``b`` bands of ``r``
values; two passages are candidates when they agree on every value of at least
one band. A band is stored as one 64-bit key (a BLAKE2b digest of the band number
and its values) in ``passage_bands``, indexed, so the candidates of a new passage
are the rows sharing one of its ``b`` keys: an index lookup, whatever the number
of stored passages. ``b`` and ``r`` are datasketch's own choice for the threshold
(:class:`datasketch.MinHashLSH`), so the candidates are the ones its in-memory
index gives (a 64-bit key collision only adds a candidate, which the similarity
check then drops).

Every band is a shard of its own: band ``i``'s keys only ever meet band ``i``'s
keys, so the table can be split by ``band`` across machines (see
docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

HASH = "splitmix64"  # how a band becomes a key: stored keys are only reused when this matches

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


KNOWN_SHAPES = {(0.5, 128): (25, 5)}
"""datasketch's choice for the default parameters (a test checks it against datasketch):
a fresh store's first write, a served document's say, need not wait for it."""


def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(b, r)``: bands and rows per band datasketch picks for ``threshold``.

    datasketch integrates false-positive and false-negative rates over every
    ``(b, r)`` (most of a second), so the store keeps the answer (``Store.band_shape``).
    """
    known = KNOWN_SHAPES.get((threshold, num_perm))
    if known is not None:
        return known
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a bijection of 64-bit words that spreads every bit."""
    h = (h ^ (h >> np.uint64(30))) * _MIX1
    h = (h ^ (h >> np.uint64(27))) * _MIX2
    return h ^ (h >> np.uint64(31))


def band_key_matrix(values: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Band keys of many signatures at once: ``(n, num_perm)`` uint32 -> ``(n, b)`` int64.

    Each key chains the band's number and its ``r`` values through :func:`_mix`
    (vectorised: a Python hash per band would cost more than the MinHash itself).
    """
    b, r = shape
    n = values.shape[0]
    bands = values[:, : b * r].reshape(n, b, r).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = np.broadcast_to(_mix(np.arange(1, b + 1, dtype=np.uint64) * _GOLDEN), (n, b))
        for j in range(r):
            keys = _mix(keys ^ bands[:, :, j])
    return keys.view(np.int64)


def band_keys(signature: bytes, shape: tuple[int, int]) -> list[int]:
    """The ``b`` band keys of one stored signature (signed 64-bit, for a BIGINT column)."""
    values = np.frombuffer(signature, dtype=np.uint32)[None, :]
    return [int(k) for k in band_key_matrix(values, shape)[0]]


def band_rows(
    passages: Iterable[tuple[str, int, bytes]], shape: tuple[int, int]
) -> list[tuple[int, int, str, int]]:
    """``(band, key, doc_id, passage_no)`` rows for ``(doc_id, passage_no, signature)``."""
    found = list(passages)
    if not found:
        return []
    values = np.stack([np.frombuffer(sig, dtype=np.uint32) for _, _, sig in found])
    keys = band_key_matrix(values, shape).tolist()
    return [
        (band, key, doc_id, no)
        for (doc_id, no, _), row in zip(found, keys, strict=True)
        for band, key in enumerate(row)
    ]
