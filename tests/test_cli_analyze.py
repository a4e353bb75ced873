"""``presslens analyze``: the JSON contract, several inputs, bad inputs, the views."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli.main import app

runner = CliRunner()
FAST = "anatomy,language,entities,repetitions"


def _slice(d: dict, span: list[int]) -> str:
    return d["text"][span[0] : span[1]]


@pytest.fixture(scope="module")
def seed_json(seed_path: Path) -> dict:
    result = runner.invoke(app, ["analyze", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_contract_and_foundation_acceptance(seed_json: dict, seed_path: Path):
    d = seed_json
    assert d["schema"] == "presslens.analysis/1"
    assert d["text"] == seed_path.read_text(encoding="utf-8")
    assert d["source"] == {"path": str(seed_path), "url": None, "format": "text"}
    anatomy = d["anatomy"]
    assert _slice(d, anatomy["headline"]) == (
        "Russian Foreign Intelligence Service suggests Ukrainian diplomats flee to Moscow"
    )
    assert _slice(d, anatomy["standfirst"]).startswith(
        "As SVR Director Sergey Naryshkin pointed out"
    )
    dateline = anatomy["dateline"]
    assert (dateline["place"], dateline["date"], dateline["agency"]) == (
        "MOSCOW",
        "June 20",
        "TASS",
    )
    assert "All news" in [_slice(d, s) for s in anatomy["boilerplate"]]
    assert d["language"] == "en"

    people = [e for e in d["entities"] if e["name"] == "Sergey Naryshkin"]
    assert len(people) == 1 and people[0]["type"] == "PERSON"
    assert any("Director" in t for t in people[0]["titles"])
    svr = [e for e in d["entities"] if any(_slice(d, m) == "SVR" for m in e["mentions"])]
    assert len(svr) == 1 and svr[0]["type"] == "ORG"
    covered = " | ".join(_slice(d, m) for m in svr[0]["mentions"])
    for form in ("SVR", "Foreign Intelligence Service", "Russian SVR"):
        assert form in covered or form in _covered_text(d, svr[0]), form

    repeats = [r for r in d["repetitions"] if "degradation" in _slice(d, r["spans"][0])]
    assert len(repeats) == 1 and len(repeats[0]["spans"]) == 2


def _covered_text(d: dict, entity: dict) -> str:
    """The text around each mention, for forms like "the Russian SVR" whose prefix is context."""
    return " | ".join(d["text"][max(0, s - 12) : e] for s, e in entity["mentions"])


def test_every_span_indexes_text(seed_json: dict):
    n = len(seed_json["text"])

    def check(span):
        if span is not None:
            assert 0 <= span[0] <= span[1] <= n

    for layer in ("quotes", "sourcing", "techniques"):
        for item in seed_json[layer]:
            check(item["span"])
            check(item.get("cue"))
    for entity in seed_json["entities"]:
        for span in entity["mentions"]:
            check(span)


def test_several_inputs_give_json_lines_and_a_bad_one_does_not_stop_them(tmp_path: Path):
    good = tmp_path / "a.txt"
    good.write_text("LONDON, May 2 (Reuters) - The council said the bridge would reopen.\n")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    other = tmp_path / "c.txt"
    other.write_text("A second dispatch.\r\n\r\nIts text stays verbatim.\r\n")
    result = runner.invoke(
        app, ["analyze", str(good), str(binary), str(other), "--format", "json", "--stages", FAST]
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"]["path"] for line in lines] == [str(good), str(other)]
    assert lines[1]["text"] == other.read_bytes().decode()
    assert "b.txt" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_stdin_is_read_with_a_dash():
    result = runner.invoke(
        app,
        ["analyze", "-", "--format", "json", "--stages", FAST],
        input="PARIS (AFP) - Talks resumed on Monday.",
    )
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert d["source"]["path"] == "-" and d["anatomy"]["dateline"]["agency"] == "AFP"


@pytest.mark.parametrize(
    ("content", "kind"),
    [(b"", "empty"), (b"   \n\n ", "empty"), (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary")],
)
def test_bad_input_is_one_line_and_exit_code_1(tmp_path: Path, content: bytes, kind: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert kind in result.stderr and "Traceback" not in result.stderr


def test_missing_file_and_size_limit(tmp_path: Path):
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.stderr
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    result = runner.invoke(app, ["analyze", str(big), "--max-bytes", "100"])
    assert result.exit_code == 1 and "Traceback" not in result.stderr


def test_terminal_view_keeps_hostile_text_literal(tmp_path: Path):
    path = tmp_path / "hostile.txt"
    path.write_text(
        "Officials deny [bold red]everything[/] in [link=javascript:alert(1)]report[/link]\n\n"
        'LONDON — "We saw the [foreign] convoy leave at dawn," the minister said.\n'
    )
    result = runner.invoke(app, ["analyze", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "[bold red]everything[/]" in result.stdout
    assert "[link=javascript:alert(1)]" in result.stdout
    assert "[foreign]" in result.stdout


def test_terminal_view_shows_every_section(seed_path: Path):
    result = runner.invoke(app, ["analyze", str(seed_path)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for heading in (
        "Headline",
        "Dateline",
        "Entities",
        "Quotes",
        "Sourcing profile",
        "Repeated passages",
        "Sergey Naryshkin",
        "unverifiable",
    ):
        assert heading in result.stdout, heading


def test_html_report_is_one_self_contained_file(seed_path: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["analyze", str(seed_path), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Sergey Naryshkin" in page
    assert 'src="http' not in page and 'href="http' not in page


def test_unknown_stage_is_a_clear_error(seed_path: Path):
    result = runner.invoke(app, ["analyze", str(seed_path), "--stages", "nonsense"])
    assert result.exit_code == 1 and "available" in result.stderr
