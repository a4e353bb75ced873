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

import hashlib
from collections.abc import Iterable, Iterator

import numpy as np

HASH = "blake2b64"  # how a band becomes a key: stored keys are only reused when this matches


def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(b, r)``: bands and rows per band datasketch picks for ``threshold``.

    datasketch integrates false-positive and false-negative rates over every
    ``(b, r)`` (most of a second), so the store keeps the answer (``Store.band_shape``).
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def band_keys(signature: bytes, shape: tuple[int, int]) -> list[int]:
    """The ``b`` band keys of a stored signature (signed 64-bit, for a BIGINT column)."""
    b, r = shape
    raw = np.frombuffer(signature, dtype=np.uint32)[: b * r].tobytes()
    width = 4 * r
    return [
        int.from_bytes(
            hashlib.blake2b(
                band.to_bytes(2, "little") + raw[band * width : (band + 1) * width], digest_size=8
            ).digest(),
            "little",
            signed=True,
        )
        for band in range(b)
    ]


def band_rows(
    passages: Iterable[tuple[str, int, bytes]], shape: tuple[int, int]
) -> Iterator[tuple[int, int, str, int]]:
    """``(band, key, doc_id, passage_no)`` rows for ``(doc_id, passage_no, signature)``."""
    for doc_id, no, signature in passages:
        for band, key in enumerate(band_keys(signature, shape)):
            yield band, key, doc_id, no
