"""Reading files, bytes and stdin: encodings, verbatim text, and every bad-input class."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import sys

import pytest

from presslens.errors import InputError
from presslens.ingest import guess_format, read_bytes, read_path, read_stdin
from presslens.settings import Settings

RUSSIAN = "Служба внешней разведки России предложила сотрудникам украинских дипмиссий."
FRENCH = "Le café crème à la façon de Zoë, très élégant."
PAGE = (
    "<!DOCTYPE html><html lang='en'><head><title>Rain due | Daily</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Rain due</h1>"
    + "<p>It will rain in the capital on Monday, forecasters said on Sunday.</p>" * 4
    + "</article></body></html>"
)


def _kind(exc: pytest.ExceptionInfo[InputError]) -> str:
    return exc.value.kind


@pytest.fixture
def small() -> Settings:
    return Settings(max_input_bytes=1000)


# -- text kept verbatim, encodings -------------------------------------------------


def test_crlf_and_everything_kept_verbatim(tmp_path):
    raw = "MOSCOW, June 20. /TASS/.\r\n\r\n  Indented\tline \r\nlast"
    path = tmp_path / "d.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_path(str(path))
    assert doc.text == raw
    assert doc.source.path == str(path)
    assert doc.source.format == "text"


def test_path_kept_as_given(tmp_path, monkeypatch):
    (tmp_path / "d.txt").write_text("Some text.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert read_path("./d.txt").source.path == "./d.txt"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "Ünïcödé text\r\n".encode(), "Ünïcödé text\r\n"),
        (codecs.BOM_UTF16_LE + "Ünïcödé and Русский".encode("utf-16-le"), "Ünïcödé and Русский"),
        (codecs.BOM_UTF16_BE + "Big endian".encode("utf-16-be"), "Big endian"),
        (codecs.BOM_UTF32_LE + "Thirty-two".encode("utf-32-le"), "Thirty-two"),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("koi8-r"), RUSSIAN),
        ("Привет, мир".encode("cp1251"), "Привет, мир"),
        ("Привет, мир".encode("koi8-r"), "Привет, мир"),
        (FRENCH.encode("latin-1"), FRENCH),
        ("“Quoted” – dash".encode("cp1252"), "“Quoted” – dash"),
        ("UTF-16 without a BOM".encode("utf-16-le"), "UTF-16 without a BOM"),
    ],
    ids=[
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32le-bom",
        "cp1251",
        "koi8r",
        "cp1251-short",
        "koi8r-short",
        "latin1",
        "cp1252",
        "utf16le-nobom",
    ],
)
def test_encodings_decode_and_bom_dropped(tmp_path, data, expected):
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    assert read_path(str(path)).text == expected


def test_undecodable_is_an_encoding_error():
    # Bytes that are neither UTF-8 nor Cyrillic nor Western prose.
    data = bytes(range(0x80, 0x100)) * 4 + b"abc"
    with pytest.raises(InputError) as exc:
        read_bytes(data, name="x.txt")
    assert _kind(exc) == "encoding"


def test_invalid_utf16_after_bom_is_encoding_error():
    with pytest.raises(InputError) as exc:
        read_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", name="x.txt")  # lone surrogate
    assert _kind(exc) == "encoding"


# -- bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
        (b"text with a NUL\x00 byte inside", "NUL"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"some text", "control"),
    ],
)
def test_binary_refused(tmp_path, data, what):
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_path(str(path))
    assert _kind(exc) == "binary"
    assert what in str(exc.value)
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize("data", [b"", b"   \r\n\t \n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n"])
def test_empty_refused(tmp_path, data):
    path = tmp_path / "e.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_path(str(path))
    assert _kind(exc) == "empty"


def test_shorter_than_min_text_chars_is_empty():
    with pytest.raises(InputError) as exc:
        read_bytes(b"Hi", name="x", settings=Settings(min_text_chars=10))
    assert _kind(exc) == "empty"


def test_too_large_refused_by_size_before_reading(tmp_path, small, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1001)
    opened = []
    real_open = type(path).open
    monkeypatch.setattr(
        type(path), "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k)
    )
    with pytest.raises(InputError) as exc:
        read_path(str(path), small)
    assert _kind(exc) == "too-large"
    assert "1,001 bytes" in str(exc.value)
    assert opened == []


def test_limit_itself_is_accepted(tmp_path, small):
    path = tmp_path / "ok.txt"
    path.write_bytes(b"a" * 1000)
    assert len(read_path(str(path), small).text) == 1000


def test_gzip_bomb_refused(tmp_path, small):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 200_000))
    assert path.stat().st_size < 1000
    with pytest.raises(InputError) as exc:
        read_path(str(path), small)
    assert _kind(exc) == "too-large"
    assert "gzip" in str(exc.value)


def test_corrupt_gzip_is_unreadable(tmp_path):
    path = tmp_path / "bad.gz"
    path.write_bytes(gzip.compress(b"hello world " * 50)[:30])
    with pytest.raises(InputError) as exc:
        read_path(str(path))
    assert _kind(exc) == "unreadable"


def test_missing_file_not_found(tmp_path):
    with pytest.raises(InputError) as exc:
        read_path(str(tmp_path / "nope.txt"))
    assert _kind(exc) == "not-found"
    assert str(exc.value).startswith(str(tmp_path / "nope.txt"))


def test_directory_unreadable(tmp_path):
    with pytest.raises(InputError) as exc:
        read_path(str(tmp_path))
    assert _kind(exc) == "unreadable"
    assert "directory" in str(exc.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_unreadable(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as exc:
            read_path(str(path))
        assert _kind(exc) == "unreadable"
    finally:
        path.chmod(0o600)


def test_unknown_format_refused():
    with pytest.raises(InputError) as exc:
        read_bytes(b"text", format="pdf")
    assert _kind(exc) == "format"


# -- gzip, HTML sniffing, stdin ---------------------------------------------------------


def test_html_gz_by_content(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    doc = read_path(str(path))
    assert doc.source.format == "html"
    assert doc.text.startswith("Rain due\n\nIt will rain")


def test_gzip_detected_by_magic_not_name(tmp_path):
    path = tmp_path / "plain.dat"
    path.write_bytes(gzip.compress(b"Gzipped text\r\n"))
    doc = read_path(str(path))
    assert doc.text == "Gzipped text\r\n"
    assert doc.source.format == "text"


def test_html_sniffed_without_extension():
    assert read_bytes(PAGE.encode(), name="download").source.format == "html"
    assert read_bytes(b"  <!-- c -->\n" + PAGE.encode(), name=None).source.format == "html"


def test_txt_name_keeps_markup_verbatim():
    doc = read_bytes(PAGE.encode(), name="page.txt")
    assert doc.source.format == "text"
    assert doc.text == PAGE


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"MOSCOW, June 20. Plain text with a < sign.", "a.html", "text"),
        (b"Intro\n<p>markup</p><div>x</div>", "a.html", "html"),
        (b"Intro\n<p>markup</p>", "a", "text"),
        (b"<html><body>x</body></html>", "a.md", "text"),
        (b"\xef\xbb\xbf<!doctype html><title>x</title>", None, "html"),
    ],
)
def test_guess_format(data, name, expected):
    assert guess_format(data, name) == expected


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Stdin text\r\n")))
    doc = read_stdin()
    assert doc.text == "Stdin text\r\n"
    assert doc.source.path == "-"


def test_dash_path_reads_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RUSSIAN.encode("cp1251"))))
    assert read_path("-").text == RUSSIAN


def test_stdin_too_large(monkeypatch, small):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * 5000)))
    with pytest.raises(InputError) as exc:
        read_stdin(small)
    assert _kind(exc) == "too-large"


def test_read_bytes_keeps_name_and_url():
    doc = read_bytes(b"Body.", name="rec-1", url="https://example.org/a")
    assert (doc.source.path, doc.source.url) == ("rec-1", "https://example.org/a")
