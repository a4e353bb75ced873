"""Fault injection, decoding (issue #12 case 2): one stray byte does not garble an article."""

from __future__ import annotations

import pytest

from presslens.analysis import Analysis
from presslens.errors import InputError
from presslens.ingest import read_bytes
from presslens.ingest.decoding import mostly_utf8, utf16_without_bom

ENGLISH = (
    "MOSCOW, June 20. /TASS/. “The talks will go on,” the minister said — and added: "
    "“We are ready for a compromise…” The delegation – twelve people – arrived on Monday.\n"
) * 6
RUSSIAN = (
    "МОСКВА, 20 июня. /ТАСС/. «Переговоры продолжатся», — заявил министр. "
    "Делегация из двенадцати человек прибыла в понедельник, сообщили в ведомстве.\n"
) * 4


def test_utf8_with_a_stray_latin1_byte_stays_utf8_with_a_warning() -> None:
    cut = len(ENGLISH.encode()) // 2
    data = ENGLISH.encode()[:cut] + b"\xe9" + ENGLISH.encode()[cut:]
    doc = read_bytes(data, name="a.txt")
    assert doc.text.count("\ufffd") == 1
    assert doc.text.replace("\ufffd", "") == ENGLISH  # every quote and dash intact
    report = Analysis(doc, ()).to_dict()["metadata"]["decoding"]
    assert report["encoding"] == "utf-8" and report["replaced_bytes"] == 1
    assert "U+FFFD" in report["warning"]


def test_clean_utf8_reports_nothing() -> None:
    doc = read_bytes(ENGLISH.encode(), name="a.txt")
    assert "decoding" not in Analysis(doc, ()).to_dict()["metadata"]


def test_heavily_damaged_utf8_is_not_called_utf8() -> None:
    """Over the tolerance the text is not "UTF-8 with a few bad bytes"."""
    data = ENGLISH.encode().replace(b"e", b"\xe9")
    assert mostly_utf8(data) is None


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_cyrillic_is_not_mistaken_for_damaged_utf8(encoding: str) -> None:
    text = RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-")  # KOI8-R lacks them
    assert mostly_utf8(text.encode(encoding)) is None
    assert read_bytes(text.encode(encoding), name="r.txt").text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [RUSSIAN, ENGLISH], ids=["russian", "english"])
def test_utf16_without_bom_is_recognised(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    assert utf16_without_bom(data[:8192]) == encoding
    doc = read_bytes(data, name="r.txt")
    assert doc.text == text
    assert Analysis(doc, ()).to_dict()["metadata"]["decoding"] == {
        "encoding": encoding,
        "method": "utf-16-no-bom",
    }


def test_binary_with_nul_bytes_is_still_binary() -> None:
    data = bytes(range(256)) * 8
    assert utf16_without_bom(data[:8192]) is None
    with pytest.raises(InputError) as caught:
        read_bytes(data, name="b.txt")
    assert caught.value.kind == "binary"
