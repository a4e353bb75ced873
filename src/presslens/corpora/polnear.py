"""PolNeAR (Newell et al., LREC 2018): attribution relations in political news, brat standoff.

Why a hand parser: the ``.ann`` files have quirks no generic brat reader handles at
once (see ``shared/data/quotes/polnear/SOURCE.md``): an ``E`` line may name a ``T``
defined later (so two passes), span texts may contain raw newlines (continuation
lines), spans may be discontinuous (``3742 4033;4188 4420``), and a few articles
carry several annotators' files, of which we keep one (the first id alphabetically).
The corpus is research-use only: it is read from :func:`presslens.corpora.data_root`
at run time and never copied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from presslens.corpora import DataMissingError, data_root
from presslens.document import Span

SPLITS = ("train", "dev", "test")
_T_LINE = re.compile(r"^T\d+\t")
_E_LINE = re.compile(r"^E\d+\t")


@dataclass(frozen=True)
class Attribution:
    """One attribution event: content fragments, a cue and an optional source."""

    content: tuple[Span, ...]
    cue: tuple[Span, ...]
    source: tuple[Span, ...] = ()

    @property
    def content_extent(self) -> Span:
        return (min(s for s, _ in self.content), max(e for _, e in self.content))


@dataclass(frozen=True)
class Article:
    """One PolNeAR article: its text and the attributions of one annotator."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]
    annotator: str


def polnear_root(root: Path | None = None) -> Path:
    base = root if root is not None else data_root()
    assert base is not None
    path = base / "quotes" / "polnear" / "data"
    if not path.is_dir():
        raise DataMissingError(f"PolNeAR not found at {path}")
    return path


def parse_spans(field: str) -> tuple[Span, ...]:
    """``"12 20;25 30"`` -> ``((12, 20), (25, 30))``."""
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_ann(ann: str) -> tuple[Attribution, ...]:
    """Parse one ``.ann`` file's text into attribution events (two passes)."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.split("\n"):
        if _T_LINE.match(line):
            tid, rest = line.split("\t", 2)[:2]
            kind, _, offsets = rest.partition(" ")
            spans[tid] = (kind, parse_spans(offsets))
        elif _E_LINE.match(line):
            args = line.split("\t", 1)[1].split()
            events.append([tuple(a.split(":", 1)) for a in args if ":" in a])  # type: ignore[misc]
        # '#' notes and continuation lines of multi-line span texts are skipped.
    out: list[Attribution] = []
    for args in events:
        content: list[Span] = []
        cue: list[Span] = []
        source: list[Span] = []
        for role, tid in args:
            if tid not in spans:
                continue
            role = role.rstrip("0123456789")
            if role == "Content":
                content.extend(spans[tid][1])
            elif role == "Cue":
                cue.extend(spans[tid][1])
            elif role == "Source":
                source.extend(spans[tid][1])
            elif role in ("Attribution", "Attribution-no-source") and not cue:
                cue.extend(spans[tid][1])
        if content and cue:
            out.append(
                Attribution(tuple(sorted(content)), tuple(sorted(set(cue))), tuple(sorted(source)))
            )
    return tuple(out)


def article_names(split: str, root: Path | None = None) -> list[str]:
    text_dir = polnear_root(root) / split / "text"
    return sorted(p.stem for p in text_dir.glob("*.txt"))


def load_article(split: str, name: str, root: Path | None = None) -> Article:
    base = polnear_root(root) / split
    text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
    anns = sorted((base / "attributions").glob(f"{name}_*.ann"))
    if not anns:
        return Article(name, text, (), "")
    ann = anns[0]
    annotator = ann.stem.rsplit("_", 1)[1]
    return Article(name, text, parse_ann(ann.read_text(encoding="utf-8")), annotator)


def load_split(
    split: str = "dev", limit: int | None = None, root: Path | None = None
) -> Iterator[Article]:
    """Yield the articles of ``split`` in name order (one annotator each)."""
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; expected one of {SPLITS}")
    names = article_names(split, root)
    for name in names[:limit] if limit else names:
        yield load_article(split, name, root)
