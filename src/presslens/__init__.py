"""presslens: take news dispatches apart.

>>> import presslens
>>> analysis = presslens.analyze("MOSCOW, June 20. /TASS/. The agency said so.")  # doctest: +SKIP
>>> analysis.to_dict()["anatomy"]["dateline"]["place"]  # doctest: +SKIP
'MOSCOW'
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike

from presslens.analysis import SCHEMA, Analysis
from presslens.document import Anatomy, Document, Entity, Quote, Sourcing, TechniqueSpan
from presslens.errors import InputError, PresslensError
from presslens.ingest.reader import read
from presslens.pipeline import Pipeline
from presslens.settings import Settings, get_settings

__all__ = [
    "SCHEMA",
    "Analysis",
    "Anatomy",
    "Document",
    "Entity",
    "InputError",
    "Pipeline",
    "PresslensError",
    "Quote",
    "Settings",
    "Sourcing",
    "TechniqueSpan",
    "analyze",
    "get_settings",
    "read",
]
__version__ = "0.1.0"

_default_pipelines: dict[tuple[str, ...] | None, Pipeline] = {}


def _names_file(source: str) -> bool:
    """Whether ``source`` is the path of an existing file (a text is never one).

    A one-line text longer than a file name makes the OS refuse the lookup
    (ENAMETOOLONG): that is a text, not an error.
    """
    from pathlib import Path

    if "\n" in source or len(source) >= 4096:
        return False
    try:
        return Path(source).is_file()
    except (OSError, ValueError):
        return False


def analyze(
    source: str | PathLike[str] | Document,
    *,
    stages: Iterable[str] | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse a text, a file path or a Document and return its Analysis.

    A ``str`` that names an existing file is read as that file (through
    :func:`presslens.read`, like every other input); any other ``str`` is the text
    itself, taken as it is. To analyse a URL, standard input or an HTML page, pass
    ``presslens.read(...)``'s Document.
    """
    # Pipelines built with the process's own settings are kept; others are not.
    shared = settings is None or settings is get_settings()
    settings = settings or get_settings()
    if isinstance(source, Document):
        doc = source
    elif isinstance(source, PathLike) or (isinstance(source, str) and _names_file(source)):
        doc = read(source, settings=settings)
    else:
        doc = Document(source)
    key = None if stages is None else tuple(stages)
    pipeline = _default_pipelines.get(key) if shared else None
    if pipeline is None:
        pipeline = Pipeline.default(settings) if key is None else Pipeline.from_names(key, settings)
        if shared:
            _default_pipelines[key] = pipeline
    pipeline(doc)
    return Analysis(doc, tuple(pipeline.stage_names))
