"""The HTTP API and web UI against a temporary DuckDB store.

Most tests use a light analyzer (the real ingest and the real contract, no
pipeline stages) so they stay fast and exercise the HTTP layer; one test runs the
default pipeline end to end.
"""

from __future__ import annotations

import hashlib
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from analyzers import light_analyzer, sleepy_analyzer
from presslens.api.app import create_app
from presslens.api.models import TextInput
from presslens.settings import get_settings
from presslens.store import open_store
from test_report import XSS_ATTR, XSS_LINK, XSS_SCRIPT, assert_inert, seed_analysis

TEXT = "MOSCOW, June 20. /TASS/. The agency said the talks would go on."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    opened = open_store(str(tmp_path / "api.duckdb"))
    yield opened
    opened.close()


MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client(store: Any, analysis_pool: Any) -> Iterator[MakeClient]:
    clients: list[TestClient] = []

    def make(analyzer: Any = light_analyzer, **overrides: Any) -> TestClient:
        settings = get_settings().model_copy(update=overrides)
        app = create_app(settings, store)
        app.state.analyzer = analyzer
        app.state.pool = analysis_pool  # shared: spawning workers per test is slow
        client = TestClient(app, raise_server_exceptions=True)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


def test_analyze_stores_and_serves_the_contract(client: TestClient) -> None:
    r = client.post(
        "/v1/analyze",
        json={"text": TEXT, "outlet": "TASS", "published": "2024-06-20", "title": "Talks go on"},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"] == hashlib.sha256(TEXT.encode()).hexdigest()
    assert body["schema"] == "presslens.analysis/1" and body["text"] == TEXT
    assert body["metadata"]["outlet"] == "TASS"
    got = client.get(f"/v1/documents/{body['id']}")
    assert got.status_code == 200 and got.json()["text"] == TEXT
    assert got.json()["metadata"]["title"] == "Talks go on"


def test_search_filters_and_paginates(client: TestClient) -> None:
    for i, outlet in enumerate(["TASS", "TASS", "RIA"]):
        r = client.post(
            "/v1/analyze",
            json={"text": f"{TEXT} Item {i}.", "outlet": outlet, "published": f"2024-06-2{i}"},
        )
        assert r.status_code == 200, r.text
    page = client.get("/v1/documents", params={"outlet": "TASS", "limit": 1}).json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["limit"] == 1
    second = client.get("/v1/documents", params={"outlet": "TASS", "limit": 1, "offset": 1})
    assert second.json()["items"][0]["id"] != page["items"][0]["id"]
    dated = client.get("/v1/documents", params={"date_from": "2024-06-22"}).json()
    assert dated["total"] == 1 and dated["items"][0]["outlet"] == "RIA"
    assert client.get("/v1/documents", params={"text": "Item 1"}).json()["total"] == 1
    assert client.get("/v1/documents", params={"basis": "named"}).json()["total"] == 0
    assert client.get("/v1/documents", params={"basis": "rumour"}).status_code == 400
    assert client.get("/v1/documents", params={"limit": 0}).status_code == 422


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "url": "https://example.com/"},
        {"text": ""},
        {"text": "a", "extra": 1},
        {"html": 5},
    ],
)
def test_analyze_needs_exactly_one_input(client: TestClient, body: dict[str, Any]) -> None:
    assert client.post("/v1/analyze", json=body).status_code == 422


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    assert client.get("/v1/documents/" + "0" * 64).status_code == 404
    assert client.get("/v1/documents/" + "0" * 64 + "/report").status_code == 404
    assert client.get("/v1/reprints/" + "0" * 64).status_code == 404
    assert client.get("/v1/documents/../../etc").status_code == 404
    assert client.get("/v1/documents/xyz").status_code == 422
    assert client.get("/documents/" + "0" * 64).status_code == 404


def test_report_endpoint_has_strict_headers(client: TestClient, store: Any, seed_text: str) -> None:
    doc_id = store.put_analysis(seed_analysis(seed_text))
    r = client.get(f"/v1/documents/{doc_id}/report")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    ui = client.get(f"/documents/{doc_id}")
    assert "script-src 'self'" in ui.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in ui.headers["content-security-policy"]
    assert "Russian Foreign Intelligence Service suggests" in ui.text
    api = client.get("/health")
    assert api.json()["status"] == "ok"
    assert api.headers["content-security-policy"].startswith("default-src 'none'")


def test_hostile_article_is_inert_in_report_ui_and_listing(make_client: MakeClient) -> None:
    client = make_client()
    text = f'{XSS_SCRIPT}\n\nA {XSS_ATTR} and a <a href="{XSS_LINK}">link</a>.'
    r = client.post(
        "/v1/analyze",
        json={"text": text, "title": XSS_ATTR, "outlet": XSS_SCRIPT, "published": "2024-01-01"},
    )
    assert r.status_code == 200, r.text
    doc_id = r.json()["id"]
    assert_inert(client.get(f"/v1/documents/{doc_id}/report").text, allowed_scripts=2)
    assert_inert(client.get(f"/documents/{doc_id}").text, allowed_scripts=2)
    listing = client.get("/documents")
    assert_inert(listing.text, allowed_scripts=1)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in listing.text
    html = client.post(
        "/v1/analyze",
        json={
            "html": f"<html><head><title>{XSS_SCRIPT}</title></head><body><article><h1>Hi</h1>"
            f"<p>{XSS_ATTR} " + "Text of the article goes on. " * 20 + "</p></article>"
            "</body></html>"
        },
    )
    assert html.status_code == 200, html.text
    assert_inert(client.get(f"/documents/{html.json()['id']}").text, allowed_scripts=2)


def test_body_over_the_limit_is_refused(make_client: MakeClient) -> None:
    client = make_client(max_request_bytes=1000)
    big = {"text": "x" * 2000}
    assert client.post("/v1/analyze", json=big).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        yield b'{"text": "'
        for _ in range(50):
            yield b"y" * 100
        yield b'"}'

    r = client.post("/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "limit of 1,000 bytes" in r.json()["detail"]
    assert r.headers["x-content-type-options"] == "nosniff"
    ok = client.post("/v1/analyze", json={"text": "small enough text"})
    assert ok.status_code == 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1:<free port> in a thread; stop on exit."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def test_chunked_body_over_the_limit_on_a_real_server(store: Any) -> None:
    settings = get_settings().model_copy(update={"max_request_bytes": 4096})
    app = create_app(settings, store)
    app.state.analyzer = light_analyzer
    with running_server(app) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                b"\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            try:
                for _ in range(64):  # 64 KiB in 1 KiB chunks, far over the limit
                    sock.sendall(b"400\r\n" + b"z" * 1024 + b"\r\n")
                sock.sendall(b"0\r\n\r\n")
            except OSError:
                pass  # the server may close once it has refused the body
            reply = sock.recv(4096).decode("latin-1")
        assert reply.startswith("HTTP/1.1 413"), reply[:200]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:9/", "loopback"),
        ("http://localhost:9/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.0.0.5/", "private"),
        ("http://2130706433/", "loopback"),
        ("file:///etc/passwd", "http"),
        ("gopher://example.com/", "http"),
    ],
)
def test_url_guard_refuses_internal_addresses(client: TestClient, url: str, reason: str) -> None:
    r = client.post("/v1/analyze", json={"url": url})
    assert r.status_code == 400, r.text
    detail = r.json()["detail"]
    assert detail.startswith("cannot fetch the URL:") and reason in detail.lower(), detail


def test_write_endpoints_need_the_token_when_set(make_client: MakeClient) -> None:
    client = make_client(api_token="s3cret-token")
    body = {"text": TEXT}
    r = client.post("/v1/analyze", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    assert (
        client.post("/v1/analyze", json=body, headers={"Authorization": "Bearer wrong"}).status_code
        == 401
    )
    ok = client.post("/v1/analyze", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200
    assert client.get("/v1/documents").status_code == 200  # reads stay open
    assert client.get(f"/v1/documents/{ok.json()['id']}").status_code == 200
    form = client.post("/analyze", data={"text": TEXT}, follow_redirects=False)
    assert form.status_code == 401 and "token" in form.text
    form = client.post(
        "/analyze", data={"text": TEXT, "token": "s3cret-token"}, follow_redirects=False
    )
    assert form.status_code == 303


def test_slow_analysis_times_out(make_client: MakeClient, tmp_path: Path) -> None:
    client = make_client(analyzer=sleepy_analyzer, analysis_timeout_s=3.0)
    assert client.post("/v1/analyze", json={"text": TEXT}).status_code == 200  # a warm worker
    pids = tmp_path / "pids"
    pids.mkdir()
    started = time.monotonic()
    r = client.post("/v1/analyze", json={"text": f"sleep 30 {pids}"})
    assert r.status_code == 504 and "analysis_timeout_s" in r.json()["detail"]
    assert time.monotonic() - started < 20  # stopped at its deadline, not after its 30 s
    (pid,) = [int(p.name) for p in pids.iterdir()]
    assert not Path(f"/proc/{pid}").exists()  # its process is gone
    assert client.post("/v1/analyze", json={"text": TEXT}).status_code == 200


def test_input_errors_are_one_line_422s(client: TestClient) -> None:
    r = client.post("/v1/analyze", json={"text": "   "})
    assert r.status_code == 422 and r.json()["detail"].startswith("empty:")
    r = client.post("/v1/analyze", json={"html": "<html><body></body></html>"})
    assert r.status_code == 422 and isinstance(r.json()["detail"], str)


def test_cors_is_closed_unless_configured(make_client: MakeClient) -> None:
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    closed = make_client()
    r = closed.options("/v1/analyze", headers=preflight)
    assert "access-control-allow-origin" not in r.headers
    r = closed.get("/v1/documents", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    opened = make_client(cors_origins=["https://factcheck.example"])
    r = opened.options("/v1/analyze", headers={**preflight, "Origin": "https://factcheck.example"})
    assert r.headers["access-control-allow-origin"] == "https://factcheck.example"
    r = opened.options("/v1/analyze", headers=preflight)
    assert "access-control-allow-origin" not in r.headers


def test_openapi_documents_the_contract_and_no_cdn_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/v1/analyze",
        "/v1/documents",
        "/v1/documents/{doc_id}",
        "/v1/documents/{doc_id}/report",
        "/v1/reprints/{doc_id}",
        "/health",
    } <= set(spec["paths"])
    assert "/" not in spec["paths"]
    props = spec["components"]["schemas"]["AnalysisModel"]["properties"]
    assert {"schema", "id", "text", "quotes", "techniques", "sourcing"} <= set(props)
    docs = client.get("/docs")  # rendered here from the spec: no CDN, no script
    assert docs.status_code == 200 and "<code>/v1/analyze</code>" in docs.text
    assert "AnalysisModel" in docs.text and '<script src="http' not in docs.text
    assert not re.search(r"(src|href)=\"(https?:)?//", docs.text)


def test_ui_analyses_pasted_text_and_uploaded_files(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and 'id="analyze-form"' in home.text
    r = client.post("/analyze", data={"text": TEXT, "outlet": "TASS"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert page.status_code == 200 and "The agency said the talks would go on." in page.text
    up = client.post(
        "/analyze",
        files={"file": ("d.txt", b"BERLIN. Uploaded text here.")},
        follow_redirects=False,
    )
    assert up.status_code == 303
    assert "Uploaded text here." in client.get(up.headers["location"]).text
    both = client.post("/analyze", data={"text": TEXT, "url": "https://example.com/"})
    assert both.status_code == 400 and "exactly one" in both.text
    listing = client.get("/documents", params={"outlet": "TASS"})
    assert "1 document" in listing.text
    assert client.get("/documents", params={"date_from": "soon"}).status_code == 400
    assert client.get("/dashboard").status_code == 200
    assert client.get("/static/ui.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/page-base.html.j2").status_code == 404


def test_reprint_view_shows_variants_and_word_differences(
    make_client: MakeClient, store: Any
) -> None:
    class WithReprints:
        """The real store, with one reprint group as the reprints engine reports it."""

        def __getattr__(self, name: str) -> Any:
            return getattr(store, name)

        def reprints_of(self, doc_id: str) -> list[dict[str, Any]]:
            return [
                {
                    "members": [
                        {
                            "doc_id": doc_id,
                            "outlet": "TASS",
                            "published": "2024-06-20",
                            "first_publisher": True,
                            "similarity": 1.0,
                            "diff": [],
                            "passage": "the regime in Kiev is leading Ukraine to catastrophe",
                        },
                        {
                            "doc_id": "b" * 64,
                            "outlet": XSS_ATTR,
                            "published": "2024-06-21",
                            "first_publisher": False,
                            "similarity": 0.7,
                            "diff": [{"op": "insert", "old": "", "new": "criminal"}],
                            "passage": f"the criminal regime leads the country to {XSS_SCRIPT}",
                        },
                    ]
                }
            ]

    settings = get_settings()
    app = create_app(settings, WithReprints())
    with TestClient(app) as client:
        doc_id = store.put_analysis(light_analyzer(TextInput(text=TEXT), settings))
        page = client.get(f"/reprints/{doc_id}")
        assert page.status_code == 200
        assert "<ins>criminal</ins>" in page.text and "first published" in page.text
        assert "<del>catastrophe</del>" in page.text and "70% same words" in page.text
        assert_inert(page.text, allowed_scripts=1)
        api = client.get(f"/v1/reprints/{doc_id}").json()
        assert api[0]["members"][1]["outlet"] == XSS_ATTR


def test_default_pipeline_end_to_end(client: TestClient, seed_text: str) -> None:
    from presslens.api.service import analyze_request

    client.app.state.analyzer = analyze_request
    r = client.post("/v1/analyze", json={"text": seed_text, "outlet": "TASS"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["anatomy"]["dateline"]["agency"] == "TASS"
    assert (
        "Russian Foreign Intelligence Service"
        in client.get(f"/v1/documents/{body['id']}/report").text
    )


def test_serve_command_runs_uvicorn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from presslens.cli.main import app as cli

    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    db = str(tmp_path / "serve.duckdb")
    result = CliRunner().invoke(cli, ["serve", "--port", "8123", "--db", db, "--token", "t0k"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.settings.db == db and seen["app"].state.settings.api_token == "t0k"
    seen["app"].state.store.close()


def test_health_over_a_real_socket(store: Any) -> None:
    with running_server(create_app(get_settings(), store)) as base:
        assert httpx.get(f"{base}/health", timeout=5).json()["status"] == "ok"
