"""Reprints across outlets: passages fingerprinted with MinHash, grouped with LSH.

- :mod:`presslens.reprints.passages`: passages of a document and their signatures.
- :mod:`presslens.reprints.index`: the LSH index over stored signatures, extended
  incrementally, and the reprint groups it finds.
- :mod:`presslens.reprints.groups`: a group's members, first publisher and diffs.
- :mod:`presslens.reprints.diff`: word-level diffs between variants.
"""

from presslens.reprints.passages import DEFAULT_PARAMS, ReprintParams

__all__ = ["DEFAULT_PARAMS", "ReprintParams"]
