"""``presslens extract``: JSON and text output, and one-line errors."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from presslens.cli.main import app
from test_ingest_html import ARTICLE_PARAGRAPHS, PAGE

runner = CliRunner()


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "pier.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_extract_json(page):
    result = runner.invoke(app, ["extract", str(page), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Eastport ferry pier to close for repairs"
    assert data["body"] == "\n\n".join(ARTICLE_PARAGRAPHS)
    assert data["published"] == "2024-06-20"
    assert data["authors"] == ["Jane Doe"]
    assert data["outlet"] == "Eastport Evening Post"
    assert data["url"] == "https://news.example.org/eastport/ferry-pier-repairs"
    assert data["source"] == {"path": str(page), "url": None, "format": "html"}
    start, end = data["body_span"]
    assert data["text"][start:end] == data["body"]
    assert "language" in data["stages"]
    assert data["language"] == "en"


def test_extract_json_anatomy_resolved_to_text(page):
    pytest.importorskip("presslens.stages.anatomy")
    data = json.loads(runner.invoke(app, ["extract", str(page)]).stdout)
    assert data["anatomy"] is not None
    start, end = data["anatomy"]["headline"]
    assert data["text"][start:end] == data["anatomy_text"]["headline"]
    assert data["anatomy_text"]["headline"] == "Eastport ferry pier to close for repairs"


def test_extract_text_format_gz(tmp_path):
    path = tmp_path / "pier.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    result = runner.invoke(app, ["extract", str(path), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "Title: Eastport ferry pier to close for repairs" in result.stdout
    assert "Authors: Jane Doe" in result.stdout
    assert result.stdout.rstrip().endswith(ARTICLE_PARAGRAPHS[-1])


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"", "empty"),
        (b"%PDF-1.4 binary", "binary"),
        (b"<html><head><title>x</title></head><body><img src=a.png></body></html>", "html"),
    ],
)
def test_extract_errors_are_one_line(tmp_path, content, kind):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{kind}:" in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_extract_missing_file(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "none.html")])
    assert result.exit_code == 1
    assert "not-found: no such file" in result.stderr


def test_extract_debug_raises(tmp_path):
    path = tmp_path / "e.html"
    path.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(path), "--debug"])
    assert result.exit_code != 0
    assert result.exception is not None and "empty" in str(result.exception)


def test_extract_refuses_private_url():
    result = runner.invoke(app, ["extract", "http://127.0.0.1:9/page"])
    assert result.exit_code == 1
    assert "loopback" in result.stderr


DISPATCH_PAGE = """<html><head><title>Eastport pier to close | Eastport Wire</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Eastport pier to close</h1>
<p>EASTPORT, June 20. /TASS/. The Harbour Authority of Eastport said on Tuesday that the
northern ferry pier would close for repairs from June 24, its press office told reporters.</p>
<p>"Passenger safety comes first," the statement said. Ferries will leave from the southern
terminal during the six weeks of works.</p></article></body></html>"""


def test_extract_dateline_fields(tmp_path):
    pytest.importorskip("presslens.stages.anatomy")
    path = tmp_path / "dispatch.html"
    path.write_text(DISPATCH_PAGE, encoding="utf-8")
    data = json.loads(runner.invoke(app, ["extract", str(path)]).stdout)
    dateline = data["anatomy_text"]["dateline"]
    assert dateline["text"] == "EASTPORT, June 20. /TASS/."
    fields = (dateline["place"], dateline["date"], dateline["agency"])
    assert fields == ("EASTPORT", "June 20", "TASS")
    start, end = data["anatomy"]["dateline"]["span"]
    assert data["text"][start:end] == dateline["text"]
