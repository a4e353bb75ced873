"""Directory trees of .txt, .html and .html.gz files, one article per file.

Only regular files are read (a FIFO would block the run forever, a device would
stream without end), and a file whose name is not valid UTF-8 becomes an error
item naming it (bytes escaped), so one odd entry never blocks its folder.
"""

from __future__ import annotations

import os
import stat
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


def printable_name(path: Path | str) -> str:
    """``path`` as valid UTF-8 text: undecodable bytes are shown as ``\\xNN``.

    >>> printable_name(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def file_item(path: Path, settings: Settings) -> Item:
    """Read one regular file into an Item; anything else becomes an error item."""
    from presslens.ingest.text import read_file_bounded

    source_id = str(path)
    shown = printable_name(path)
    if shown != source_id:
        return Item.failed(shown, "name", f"the file name is not valid UTF-8: {shown}")
    try:
        mode = os.stat(source_id).st_mode
    except OSError as exc:
        return Item.failed(source_id, "unreadable", exc.strerror or str(exc))
    if not stat.S_ISREG(mode):
        return Item.failed(
            source_id, "unreadable", "not a regular file (a FIFO, socket or device): not read"
        )
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
