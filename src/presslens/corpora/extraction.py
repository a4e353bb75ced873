"""The Scrapinghub article extraction benchmark (``extraction/`` in the data folder).

Each item is a gzipped HTML page and the article body a person marked in it
(``ground-truth.json``); ``reference-outputs/`` holds other tools' published
predictions in the same form. See the corpus's SOURCE.md. The data is
research-use only and read from the data folder at run time, never shipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from presslens.corpora import DataMissingError, data_root

BENCHMARK = "scrapinghub-article-extraction-benchmark"


@dataclass(frozen=True)
class ExtractionItem:
    """One page of the benchmark: its id, URL, the gzipped HTML's path and the true body."""

    id: str
    url: str | None
    html_path: Path
    body: str


def benchmark_dir(path: str | Path | None = None) -> Path:
    """The benchmark folder: ``path`` itself, its ``BENCHMARK`` child, or the data folder's."""
    if path is None:
        root = data_root()
        assert root is not None
        path = root / "extraction"
    path = Path(path)
    for candidate in (path, path / BENCHMARK, path / "extraction" / BENCHMARK):
        if (candidate / "ground-truth.json").is_file():
            return candidate
    raise DataMissingError(f"no ground-truth.json under {path} (the extraction benchmark)")


def load_items(path: str | Path | None = None, limit: int | None = None) -> list[ExtractionItem]:
    """The benchmark's pages that have both ground truth and HTML, in id order."""
    folder = benchmark_dir(path)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for item_id in sorted(truth):
        html_path = folder / "html" / f"{item_id}.html.gz"
        if not html_path.is_file():
            continue
        entry = truth[item_id]
        items.append(ExtractionItem(item_id, entry.get("url"), html_path, entry["articleBody"]))
        if limit is not None and len(items) >= limit:
            break
    return items


def load_predictions(path: str | Path) -> dict[str, str]:
    """A predictions file (``{id: {"articleBody": ...}}``, optionally wrapped in ``output``)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if "output" in data and isinstance(data["output"], dict):
        data = data["output"]
    return {key: (value.get("articleBody") or "") for key, value in data.items()}


def reference_outputs(path: str | Path | None = None) -> Iterator[tuple[str, Path]]:
    """Published predictions of other tools: ``(tool name, file)``."""
    folder = benchmark_dir(path) / "reference-outputs"
    if folder.is_dir():
        for file in sorted(folder.glob("*.json")):
            yield file.stem, file
