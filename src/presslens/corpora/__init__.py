"""Loaders for the public annotated corpora presslens trains and evaluates on.

The corpora are research-use only: presslens reads them from a data folder
(``PRESSLENS_DATA``, or ``../shared/data`` beside the checkout) and never ships them.
"""

from __future__ import annotations

import os
from pathlib import Path

from presslens.errors import PresslensError


class DataMissingError(PresslensError):
    kind = "data"


def data_root(required: bool = True) -> Path | None:
    """The folder holding ``ptc/``, ``quotes/``, ``extraction/`` and ``claims/``."""
    candidates: list[Path] = []
    if os.environ.get("PRESSLENS_DATA"):
        candidates.append(Path(os.environ["PRESSLENS_DATA"]))
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *Path.cwd().parents, *here.parents):
        candidates.append(base / "shared" / "data")
        candidates.append(base.parent / "shared" / "data")
    for path in candidates:
        if (path / "ptc").is_dir() or (path / "quotes").is_dir():
            return path
    if required:
        raise DataMissingError(
            "corpus folder not found: set PRESSLENS_DATA to the folder holding ptc/ and quotes/"
        )
    return None
