"""Corpus inputs: trees, JSON Lines, RSS, Atom and WARC, with their bad items."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from presslens.dates import date_from_dateline, normalize_published
from presslens.errors import InputError
from presslens.ingest.corpus_inputs import count_items, item_document, iter_items
from presslens.ingest.item import Item
from presslens.settings import Settings

SETTINGS = Settings()
ARTICLE = (
    "<p>The talks in the capital will resume on Monday, officials said on Friday in a "
    "statement that gave no details.</p><p>The minister declined to comment further on "
    "the timing of the talks or on who would attend them.</p>"
)


def _items(*paths: Path) -> list[Item]:
    return list(iter_items([str(p) for p in paths], SETTINGS))


def test_tree_reads_text_html_and_gz_and_records_bad_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("MOSCOW, June 20. /TASS/. Talks resume.\n", encoding="utf-8")
    (tmp_path / "sub" / "b.html.gz").write_bytes(
        gzip.compress(
            f"<html><head><title>Talks</title></head><body><article>{ARTICLE}</article></body>"
            "</html>".encode()
        )
    )
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "d.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text("not an article")
    items = _items(tmp_path)
    assert [Path(i.source_id).name for i in items] == ["a.txt", "c.txt", "d.txt", "b.html.gz"]
    assert count_items([str(tmp_path)]) == 4
    docs = {Path(i.source_id).name: item_document(i, SETTINGS) for i in items[:1]}
    assert docs["a.txt"].text == "MOSCOW, June 20. /TASS/. Talks resume.\n"
    html_doc = item_document(items[3], SETTINGS)
    assert "resume on Monday" in html_doc.text and html_doc.metadata.title == "Talks"
    for bad in items[1:3]:
        with pytest.raises(InputError):
            item_document(bad, SETTINGS)


def test_jsonl_items_carry_metadata_and_bad_lines_become_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps(
            {
                "text": "An article.",
                "url": "https://www.daily.example/x",
                "published": "2019-03-04T10:00:00+02:00",
                "title": "T",
            }
        ).encode(),
        b"{broken",
        b"",
        json.dumps(
            {"html": f"<html><body><article>{ARTICLE}</article></body></html>", "outlet": "Herald"}
        ).encode(),
        json.dumps({"title": "no body"}).encode(),
        b'{"text": "bad \xff encoding"}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = _items(path)
    assert [i.source_id.rsplit("#", 1)[1] for i in items] == ["1", "2", "4", "5", "6"]
    first = item_document(items[0], SETTINGS)
    assert first.text == "An article."
    assert first.metadata.outlet == "daily.example"  # from the URL when not given
    assert first.metadata.published == "2019-03-04T08:00:00"  # normalised to UTC
    assert item_document(items[2], SETTINGS).metadata.outlet == "Herald"
    assert [i.error[0] for i in items if i.error] == ["json", "json", "encoding"]
    assert count_items([str(path)]) == 5


def _rss() -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Feed</title>
<link>https://daily.example/</link>
<item><title>Talks resume</title><link>https://daily.example/1</link>
<pubDate>Tue, 05 Mar 2019 10:00:00 GMT</pubDate>
<description><![CDATA[{ARTICLE}]]></description></item>
<item><title>Empty</title><link>https://daily.example/2</link></item>
</channel></rss>"""


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "daily.rss"
    path.write_text(_rss(), encoding="utf-8")
    items = _items(path)
    assert len(items) == 2
    doc = item_document(items[0], SETTINGS)
    assert "resume on Monday" in doc.text
    assert (doc.metadata.outlet, doc.metadata.published, doc.metadata.url) == (
        "Daily Feed",
        "2019-03-05T10:00:00",
        "https://daily.example/1",
    )
    assert items[1].error is not None and items[1].error[0] == "empty"


def test_atom_items_use_content(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Talks resume</title><link href="https://wire.example/a"/>
<updated>2019-03-06T08:30:00Z</updated><summary>short</summary>
<content type="html"><![CDATA[{ARTICLE}]]></content></entry></feed>""",
        encoding="utf-8",
    )
    (item,) = _items(path)
    doc = item_document(item, SETTINGS)
    assert "declined to comment" in doc.text
    assert doc.metadata.outlet == "Wire" and doc.metadata.published == "2019-03-06T08:30:00"


def test_unreadable_feed_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"\x00\x01 not a feed")
    (item,) = _items(path)
    assert item.error is not None


def _warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_warc_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    page = (
        f"<html><head><title>Talks</title></head><body><article>{ARTICLE}</article></body></html>"
    )
    _warc(
        path,
        [
            ("https://daily.example/a", page.encode(), "text/html; charset=utf-8"),
            ("https://daily.example/logo.png", b"\x89PNG....", "image/png"),
            ("https://daily.example/b", b"<html><body></body></html>", "text/html"),
        ],
    )
    items = _items(path)
    assert len(items) == 2  # the image is not an article
    assert all(i.source_id.startswith(f"{path}#") for i in items)
    assert items[0].source_id != items[1].source_id
    doc = item_document(items[0], SETTINGS)
    assert "resume on Monday" in doc.text and doc.metadata.outlet == "daily.example"
    with pytest.raises(InputError):
        item_document(items[1], SETTINGS)  # an empty page is an error record, not a crash


def test_truncated_warc_ends_with_an_error_item(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    page = f"<html><body><article>{ARTICLE}</article></body></html>".encode()
    _warc(good, [("https://a.example/1", page, "text/html")] * 2)
    data = good.read_bytes()
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(data + b"\x1f\x8b\x08\x00garbage-garbage")
    items = _items(bad)
    assert [i.error is None for i in items] == [True, True, False]


def test_missing_path_is_an_error_item(tmp_path: Path) -> None:
    (item,) = _items(tmp_path / "nope.jsonl")
    assert item.error == ("missing", "no such file or directory")


def test_dates() -> None:
    assert date_from_dateline("June 20", 2017) == "2017-06-20"
    assert date_from_dateline("20 Sept. 2015", None) == "2015-09-20"
    assert date_from_dateline("June 20", None) is None
    assert date_from_dateline("June 31", 2017) is None
    assert normalize_published("Tue, 05 Mar 2019 10:00:00 GMT") == "2019-03-05T10:00:00"
    assert normalize_published("2019-03-05") == "2019-03-05"
    assert normalize_published("yesterday") is None
