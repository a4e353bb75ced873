"""One reader for every input, and the dateline date filled in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

import presslens
from presslens.engine.worker import WorkerConfig, WorkerState
from presslens.errors import FetchError, InputError
from presslens.ingest.item import Item
from presslens.ingest.reader import is_url, read
from presslens.settings import Settings

DATED = (
    "Talks resume\n\nNEW YORK, Nov. 19 (UPI) -- Officials said on Thursday that the talks "
    "would resume in 2014 after a pause of several weeks, without naming a venue.\n"
)
PAGE = (
    "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
    "<p>Officials said on Thursday that the talks would resume after a pause of several "
    "weeks, without naming a venue or the people who would attend them.</p></article>"
    "</body></html>"
)


def test_every_way_in_gives_the_same_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DATED, encoding="utf-8")
    by_path = read(path)
    by_str = read(str(path))
    by_bytes = read(data=DATED.encode("utf-8"), name=str(path))
    by_text = read(text=DATED)
    assert by_path.text == by_str.text == by_bytes.text == by_text.text == DATED
    assert by_path.source == by_bytes.source
    assert by_text.source.path is None


def test_html_content_is_extracted() -> None:
    doc = read(html=PAGE)
    assert doc.source.format == "html"
    assert "talks would resume" in doc.text


def test_read_takes_exactly_one_input() -> None:
    with pytest.raises(TypeError):
        read()
    with pytest.raises(TypeError):
        read("a.txt", text="b")


def test_urls_are_recognised_in_any_case() -> None:
    assert is_url("https://example.com/a") and is_url("HTTP://example.com/a")
    assert not is_url("example.com/a") and not is_url("-")


def test_a_url_field_is_never_read_as_a_path(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(DATED, encoding="utf-8")
    with pytest.raises((FetchError, InputError)):
        read(url=f"file://{path}")


def test_single_file_and_corpus_run_get_the_same_published(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(DATED, encoding="utf-8")
    single = presslens.analyze(path, stages=["anatomy"]).to_dict()
    state = WorkerState(WorkerConfig.make(["anatomy"], Settings()))
    record = state.process(Item(str(path), data=DATED.encode("utf-8"), format="text"))
    assert single["metadata"]["published"] == "2014-11-19"
    assert record.analysis is not None
    assert record.analysis["metadata"]["published"] == single["metadata"]["published"]
