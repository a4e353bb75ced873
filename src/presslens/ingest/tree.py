"""Directory trees of .txt, .html and .html.gz files, one article per file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from presslens.errors import InputError
from presslens.ingest.item import Item
from presslens.settings import Settings

SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".txt.gz", ".html.gz", ".htm.gz")


def walk_files(root: Path) -> Iterator[Path]:
    """Article files under ``root`` in a stable (sorted) order, hidden entries skipped.

    Sorted order makes ingest order, and so tie-breaks between reprints, reproducible.
    """
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                yield Path(folder) / name


def file_item(path: Path, settings: Settings) -> Item:
    """Read one file into an Item; an unreadable file becomes an error item."""
    from presslens.ingest.text import read_file_bounded

    source_id = str(path)
    try:
        data = read_file_bounded(source_id, settings.max_input_bytes)
    except InputError as exc:
        return Item.failed(source_id, exc.kind, exc.message)
    except OSError as exc:
        return Item.failed(source_id, "unreadable", exc.strerror or str(exc))
    return Item(source_id=source_id, data=data)


def iter_tree(root: Path, settings: Settings) -> Iterator[Item]:
    for path in walk_files(root):
        yield file_item(path, settings)
