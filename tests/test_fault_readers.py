"""Fault injection, readers (issue #12 cases 3, 5, 6, 7, 13): one bad item never stops a batch.

Every failure of one item becomes an error item naming it, and the run goes on;
only regular files are read; truncated archives yield what they hold plus an error.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslens.engine import run_ingest
from presslens.ingest.corpus_inputs import count_items, iter_items
from presslens.ingest.item import Item
from presslens.settings import Settings
from presslens.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = Settings()
TEXT = (
    "MOSCOW, June 20. /TASS/. The talks in the capital will resume on Monday, officials "
    "said on Friday in a statement that gave no details about who would attend."
)
PAGE = f"<html><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>".encode()


def _items(*paths: Path | str) -> list[Item]:
    return list(iter_items([str(p) for p in paths], SETTINGS))


def _line(i: int) -> str:
    return json.dumps({"text": f"Wire copy {i}. {TEXT}", "outlet": "wire"})


def _ingest(tmp_path: Path, *sources: Path | str) -> tuple[object, list[dict]]:
    store = open_store(str(tmp_path / "s.duckdb"))
    try:
        summary = run_ingest([str(s) for s in sources], store, SETTINGS, stages=[], workers=1)
        errors = store.sql("SELECT source_id, kind, message FROM errors")
    finally:
        store.close()
    return summary, errors


def test_deeply_nested_jsonl_line_is_an_error_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    """Case 5: 100,000 nested brackets used to raise RecursionError and abort the run."""
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join([_line(1), "[" * 100_000, _line(2)]) + "\n", encoding="utf-8")
    summary, errors = _ingest(tmp_path, path)
    assert (summary.done, summary.failed) == (2, 1)
    assert errors[0]["source_id"] == f"{path}#2" and "deeply" in errors[0]["message"]


def test_truncated_jsonl_gz_yields_what_it_holds_plus_an_error(tmp_path: Path) -> None:
    """Case 6: the progress counter raised EOFError before the run started."""
    data = gzip.compress(("\n".join(_line(i) for i in range(40)) + "\n").encode())
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    assert count_items([str(path)]) is not None  # no EOFError
    items = _items(path)
    good = [i for i in items if i.error is None]
    assert 0 < len(good) < 40 and items[-1].error is not None
    assert "cut or damaged" in items[-1].error[1]
    summary, errors = _ingest(tmp_path, path)
    assert summary.done == len(good) and summary.failed == 1 and len(errors) == 1


def _warc(path: Path, n: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        writer.write_record(
            writer.create_warc_record(
                f"https://a.example/{i}", "response", payload=io.BytesIO(PAGE), http_headers=headers
            )
        )
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("damaged", [0, 1, 2])
def test_garbled_warc_record_costs_only_itself(tmp_path: Path, name: str, damaged: int) -> None:
    """Case 3: a garbled record header lost every record after it, with no error row."""
    path = tmp_path / name
    data = _warc(path)
    marker = b"\x1f\x8b\x08" if name.endswith(".gz") else b"WARC/1"
    starts = [i for i in range(len(data)) if data.startswith(marker, i)]
    assert len(starts) == 3
    at = starts[damaged]
    path.write_bytes(data[:at] + b"X" * 16 + data[at + 16 :])
    items = _items(path)
    assert [i.error is None for i in items] == [k != damaged for k in range(3)]
    assert all(i.data == PAGE for i in items if i.error is None)
    assert "unreadable WARC record" in items[damaged].error[1]


@pytest.mark.parametrize("keep", [0.95, 0.8, 0.5])
def test_truncated_warc_gz_stores_no_garbled_record(tmp_path: Path, keep: float) -> None:
    """Case 3: the last record, cut short, used to be stored as a garbled article."""
    path = tmp_path / "crawl.warc.gz"
    data = _warc(path)
    path.write_bytes(data[: int(len(data) * keep)])
    items = _items(path)
    assert items[-1].error is not None and items[-1].error[0] == "warc"
    assert all(i.data == PAGE for i in items if i.error is None)


def test_non_utf8_file_name_is_an_error_naming_it_and_the_folder_goes_on(tmp_path: Path) -> None:
    """Case 7: such a name blocked the folder on every run, and the error did not name it."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as fh:
            fh.write(TEXT.replace("Monday", "Sunday").encode())
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    summary, errors = _ingest(tmp_path, folder)
    assert (summary.done, summary.failed) == (1, 1)
    assert errors[0]["source_id"].endswith("caf\\xe9.txt")
    assert "caf\\xe9.txt" in errors[0]["message"]
    again, _ = _ingest(tmp_path, folder)  # not blocked: the next run skips both
    assert (again.done, again.failed, again.skipped) == (0, 0, 2)


_FIFO_CHILD = """
import sys
from presslens.ingest.corpus_inputs import iter_items
from presslens.settings import Settings
items = list(iter_items(sys.argv[1:], Settings()))
print([(i.source_id.rsplit('/', 1)[-1], i.error[0] if i.error else None) for i in items])
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_corpus_folder_does_not_hang_ingest_or_analyze(tmp_path: Path) -> None:
    """Case 13: only regular files are read; a FIFO with no writer used to block for ever."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    os.mkfifo(tmp_path / "feed.jsonl")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-c", _FIFO_CHILD, str(folder), str(tmp_path / "feed.jsonl")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == (
        "[('a.txt', None), ('b.txt', 'unreadable'), ('feed.jsonl', 'unreadable')]"
    )
    analyze = subprocess.run(
        [
            sys.executable,
            "-m",
            "presslens.cli.main",
            "analyze",
            "--stages",
            "anatomy",
            "--format",
            "json",
            str(folder / "b.txt"),
            str(folder / "a.txt"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert analyze.returncode == 1 and "b.txt" in analyze.stderr
    assert json.loads(analyze.stdout)["text"] == TEXT  # the next file was analysed


def test_a_garbled_first_gzip_member_never_costs_the_others(tmp_path: Path) -> None:
    """Case 3 again, over many files: each WARC differs (record ids, dates), and a few in
    a thousand made warcio read the garbled first member on as plain text past the good
    members, so they were lost, with or without an error row (CI failed so, now and then)."""
    path = tmp_path / "crawl.warc.gz"
    for _ in range(300):
        data = _warc(path)
        path.write_bytes(b"X" * 16 + data[16:])
        items = _items(path)
        assert [i.error is None for i in items] == [False, True, True]


def test_a_plain_warc_named_gz_is_read(tmp_path: Path) -> None:
    data = _warc(tmp_path / "plain.warc")
    path = tmp_path / "mislabeled.warc.gz"
    path.write_bytes(data)
    assert [i.error is None for i in _items(path)] == [True, True, True]


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"])
def test_an_empty_warc_yields_nothing(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(data)
    assert _items(path) == []
