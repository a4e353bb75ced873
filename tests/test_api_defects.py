# ruff: noqa: F811  (the fixtures of test_api are imported by name)
"""Defects of the served UI and API (issue 13): CSRF, pasted newlines, health,
metadata corrections, dates, error pages, bidi controls."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from presslens.api.app import create_app
from presslens.settings import get_settings
from test_api import TEXT, MakeClient, client, make_client, store  # noqa: F401 (fixtures)

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_cross_site_form_posts_are_refused(client: TestClient, store: Any) -> None:
    evil = {"Origin": "http://evil.example"}
    r = client.post("/analyze", data={"text": TEXT}, headers=evil, follow_redirects=False)
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]
    r = client.post(
        "/analyze",
        data={"text": TEXT},
        headers={"Sec-Fetch-Site": "cross-site", "Accept": BROWSER},
        follow_redirects=False,
    )
    assert r.status_code == 403 and r.headers["content-type"].startswith("text/html")
    assert client.post("/v1/analyze", json={"text": TEXT}, headers=evil).status_code == 403
    null = client.post("/analyze", data={"text": TEXT}, headers={"Origin": "null"})
    assert null.status_code == 403
    assert store.search(limit=5)[1] == 0  # nothing was stored
    same = client.post(
        "/analyze",
        data={"text": TEXT},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert same.status_code == 303
    assert client.post("/v1/analyze", json={"text": TEXT + " 2"}).status_code == 200  # curl
    assert client.get("/documents", headers=evil).status_code == 200  # reads stay open


def test_cross_site_posts_pass_for_configured_cors_origins(make_client: MakeClient) -> None:
    client = make_client(cors_origins=["https://factcheck.example"])
    ok = client.post(
        "/v1/analyze",
        json={"text": TEXT},
        headers={"Origin": "https://factcheck.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert ok.status_code == 200
    bad = client.post("/v1/analyze", json={"text": TEXT}, headers={"Origin": "https://x.example"})
    assert bad.status_code == 403


def test_pasted_crlf_text_gets_the_files_id(client: TestClient, seed_path: Path) -> None:
    raw = seed_path.read_bytes()
    file_id = hashlib.sha256(raw).hexdigest()
    pasted = raw.decode("utf-8").replace("\n", "\r\n")
    r = client.post("/analyze", data={"text": pasted}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{file_id}"
    up = client.post(
        "/analyze", files={"file": ("seed.txt", raw)}, follow_redirects=False
    )  # the file itself, verbatim
    assert up.headers["location"] == f"/documents/{file_id}"
    crlf_file = client.post(
        "/analyze", files={"file": ("crlf.txt", pasted.encode())}, follow_redirects=False
    )  # a file is never rewritten: CRLF in a file is its text
    assert crlf_file.headers["location"] != f"/documents/{file_id}"


def test_health_reports_the_store(client: TestClient) -> None:
    ok = client.get("/health")
    assert ok.status_code == 200 and ok.json()["store"] is True and ok.json()["status"] == "ok"

    def broken() -> Any:
        raise OSError("Could not set lock on file presslens.duckdb: Conflicting lock")

    settings = get_settings().model_copy(update={"db": "/nonexistent/x.duckdb"})
    app = create_app(settings)
    app.state.store._opener = broken
    down = TestClient(app)
    r = down.get("/health")
    assert r.status_code == 503
    body = r.json()
    assert body["status"] == "unavailable" and body["store"] is False and "lock" in body["detail"]
    page = down.get("/documents", headers={"Accept": BROWSER})
    assert page.status_code == 503 and "cannot be opened" in page.text
    assert page.headers["content-type"].startswith("text/html")
    api = down.get("/v1/documents")
    assert api.status_code == 503 and api.headers["retry-after"]


def test_reposting_corrects_metadata(client: TestClient) -> None:
    first = client.post("/v1/analyze", json={"text": TEXT, "outlet": "TASS"}).json()
    again = client.post(
        "/v1/analyze", json={"text": TEXT, "outlet": "RIA Novosti", "published": "2024-06-20"}
    )
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert again.json()["metadata"]["outlet"] == "RIA Novosti"
    stored = client.get(f"/v1/documents/{first['id']}").json()
    assert stored["metadata"]["outlet"] == "RIA Novosti"
    assert stored["metadata"]["published"] == "2024-06-20"
    listed = client.get("/v1/documents").json()["items"][0]
    assert listed["outlet"] == "RIA Novosti" and listed["published"] == "2024-06-20"
    plain = client.post("/v1/analyze", json={"text": TEXT}).json()  # no metadata: kept
    assert plain["metadata"]["outlet"] == "RIA Novosti"


def test_publication_dates_are_validated(client: TestClient) -> None:
    bad = client.post("/v1/analyze", json={"text": TEXT, "published": "yesterday"})
    assert bad.status_code == 422 and "ISO date" in str(bad.json()["detail"])
    form = client.post("/analyze", data={"text": TEXT, "published": "yesterday"})
    assert form.status_code == 422 and "ISO date" in form.text
    zoned = client.post(
        "/v1/analyze", json={"text": TEXT, "published": "2024-06-20T23:30:00-02:00"}
    )
    assert zoned.json()["metadata"]["published"] == "2024-06-21T01:30:00"


def test_errors_are_pages_for_browsers_and_json_for_api_clients(make_client: MakeClient) -> None:
    client = make_client(max_request_bytes=1000)
    page = client.get("/no/such/page", headers={"Accept": BROWSER})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert (
        "Not found" in page.text and "script-src 'self'" in page.headers["content-security-policy"]
    )
    assert client.get("/no/such/page").json() == {"detail": "Not Found"}
    big = client.post(
        "/analyze", files={"file": ("big.txt", b"x" * 5000)}, headers={"Accept": BROWSER}
    )
    assert (
        big.status_code == 413 and "over the limit" in big.text and "<h1>Too large</h1>" in big.text
    )
    api = client.post("/v1/analyze", json={"text": "x" * 5000})
    assert api.status_code == 413 and "over the limit" in api.json()["detail"]
    invalid = client.get("/v1/documents", params={"limit": 0}, headers={"Accept": BROWSER})
    assert invalid.status_code == 422 and invalid.headers["content-type"].startswith("text/html")


RLO = "\u202e"


def test_bidi_controls_are_neutralised_in_every_rendered_field(
    client: TestClient, store: Any
) -> None:
    text = f"Headline {RLO}gnp.exe\n\nBody with an isolate \u2066here\u2069 and more text."
    r = client.post(
        "/v1/analyze",
        json={"text": text, "title": f"{RLO}Title", "outlet": f"TASS{RLO}"},
    )
    assert r.status_code == 200, r.text
    doc_id = r.json()["id"]
    assert r.json()["text"] == text  # the stored text is never changed
    for url in (f"/documents/{doc_id}", "/documents", f"/v1/documents/{doc_id}/report"):
        html = client.get(url).text
        assert RLO not in html and "\u2066" not in html, url
        assert "\u27e6U+202E\u27e7" in html, url


def test_reports_name_the_file_not_its_folders(seed_text: str) -> None:
    from presslens.report import render_report
    from test_report import seed_analysis

    analysis = seed_analysis(seed_text)
    analysis["source"] = {"path": "/home/ana/leaks/2024/seed-dispatch.txt", "format": "text"}
    html = render_report(analysis)
    assert "seed-dispatch.txt" in html and "/home/ana" not in html and "leaks" not in html


def test_dashboard_charts_by_outlet_and_unknown_outlets_read_once() -> None:
    from presslens.query.charts import monthly_spans, outlet_label, render_chart

    rows = [
        {"outlet": "TASS", "month": "2016-10", "technique": "Doubt", "spans": 2},
        {"outlet": "TASS", "month": "2016-10", "technique": "Slogans", "spans": 1},
        {"outlet": "(unknown)", "month": "2024-03", "technique": "Doubt", "spans": 4},
    ]
    assert monthly_spans(rows) == {"TASS": {"2016-10": 3}, "unknown outlet": {"2024-03": 4}}
    assert outlet_label("(unknown)") == "unknown outlet" and outlet_label("RIA") == "RIA"
    assert render_chart("techniques-by-month", rows).startswith(b"\x89PNG")
    speakers = [{"outlet": "(unknown)", "speaker": "Donald Trump", "quotes": 3, "documents": 1}]
    assert render_chart("top-speakers", speakers).startswith(b"\x89PNG")
