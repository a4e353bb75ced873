"""The URL fetcher's guard against server-side request forgery; no traffic leaves the host.

Refusals are checked with literal addresses and a fake resolver; fetching goes to an
``httpx.MockTransport`` or to a server the test starts on 127.0.0.1 (allowed only
with ``fetch_allow_private``).
"""

from __future__ import annotations

import http.server
import threading

import httpx
import pytest

from presslens.errors import FetchError
from presslens.ingest.url import fetch_url, forbidden_reason, read_url
from presslens.settings import Settings

PUBLIC_IP = "93.184.215.14"
ARTICLE = (
    "<html><head><title>Pier closes</title></head><body><article><h1>Pier closes</h1>"
    + "<p>The northern ferry pier will close for repairs from June 24, the authority said.</p>" * 3
    + "</article></body></html>"
).encode()

DNS = {
    "news.example.org": [PUBLIC_IP],
    "intranet.example.org": ["10.1.2.3"],
    "mixed.example.org": [PUBLIC_IP, "127.0.0.1"],
    "metadata.example.org": ["169.254.169.254"],
}


def fake_resolver(host: str, port: int) -> list[str]:
    if host not in DNS:
        raise FetchError(f"cannot resolve host {host!r}")
    return DNS[host]


class Recorder:
    """A MockTransport handler that records requests and answers from a route table."""

    def __init__(self, routes: dict[str, httpx.Response]):
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = f"{request.headers['host']}{request.url.raw_path.decode()}"
        return self.routes.get(key, httpx.Response(404))


def _fetch(url: str, routes: dict[str, httpx.Response] | None = None, **settings):
    recorder = Recorder(routes or {})
    result = fetch_url(
        url, Settings(**settings), transport=httpx.MockTransport(recorder), resolver=fake_resolver
    )
    return result, recorder


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8080/admin",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[ff02::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a00:1]/",
        "http://[2002:7f00:1::]/",
        "http://0x7f000001/",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://intranet.example.org/",
        "http://mixed.example.org/",
        "https://metadata.example.org/",
    ],
)
def test_private_and_special_addresses_refused(url):
    recorder = Recorder({})
    with pytest.raises(FetchError) as exc:
        fetch_url(url, Settings(), transport=httpx.MockTransport(recorder), resolver=fake_resolver)
    assert recorder.requests == []
    assert "\n" not in str(exc.value)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://news.example.org/a",
        "gopher://news.example.org/",
        "javascript:alert(1)",
        "http://",
    ],
)
def test_other_schemes_refused(url):
    with pytest.raises(FetchError) as exc:
        _fetch(url)
    assert "http" in str(exc.value) or "URL" in str(exc.value)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.1", "private"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::ffff:10.0.0.1", "private"),
        (PUBLIC_IP, None),
        ("2606:4700::1111", None),
    ],
)
def test_forbidden_reason(address, reason):
    found = forbidden_reason(address)
    assert (found is None) if reason is None else (reason in found)


def test_connects_to_checked_address_keeping_host():
    (body, final, ctype), recorder = _fetch(
        "https://news.example.org/story",
        {
            "news.example.org/story": httpx.Response(
                200, content=ARTICLE, headers={"content-type": "text/html"}
            )
        },
    )
    assert body == ARTICLE and final == "https://news.example.org/story"
    assert ctype == "text/html"
    [sent] = recorder.requests
    assert sent.url.host == PUBLIC_IP  # no second DNS lookup can redirect the connection
    assert sent.headers["host"] == "news.example.org"
    assert sent.extensions["sni_hostname"] == "news.example.org"


def test_redirect_to_forbidden_address_refused():
    routes = {
        "news.example.org/a": httpx.Response(
            302, headers={"location": "http://169.254.169.254/latest/meta-data/"}
        )
    }
    with pytest.raises(FetchError) as exc:
        _fetch("http://news.example.org/a", routes)
    assert "link-local" in str(exc.value)


def test_redirect_to_private_hostname_refused():
    routes = {
        "news.example.org/a": httpx.Response(
            301, headers={"location": "http://intranet.example.org/secret"}
        )
    }
    recorder = Recorder(routes)
    with pytest.raises(FetchError):
        fetch_url(
            "http://news.example.org/a",
            Settings(),
            transport=httpx.MockTransport(recorder),
            resolver=fake_resolver,
        )
    assert [r.headers["host"] for r in recorder.requests] == ["news.example.org"]


def test_redirect_to_file_scheme_refused():
    routes = {"news.example.org/a": httpx.Response(302, headers={"location": "file:///etc/passwd"})}
    with pytest.raises(FetchError) as exc:
        _fetch("http://news.example.org/a", routes)
    assert "only http and https" in str(exc.value)


def test_redirects_followed_up_to_the_limit():
    routes = {
        f"news.example.org/{i}": httpx.Response(302, headers={"location": f"/{i + 1}"})
        for i in range(3)
    }
    routes["news.example.org/3"] = httpx.Response(200, content=b"done")
    (body, final, _), _ = _fetch("http://news.example.org/0", routes, fetch_max_redirects=3)
    assert body == b"done" and final == "http://news.example.org/3"
    with pytest.raises(FetchError) as exc:
        _fetch("http://news.example.org/0", routes, fetch_max_redirects=2)
    assert "more than 2 redirects" in str(exc.value)


def test_body_over_limit_refused():
    routes = {"news.example.org/big": httpx.Response(200, content=b"x" * 5000)}
    with pytest.raises(FetchError) as exc:
        _fetch("http://news.example.org/big", routes, max_input_bytes=1000)
    assert "max_input_bytes" in str(exc.value)


def test_streamed_body_over_limit_refused():
    def chunks():
        for _ in range(100):
            yield b"x" * 100

    routes = {"news.example.org/s": httpx.Response(200, content=chunks())}
    with pytest.raises(FetchError) as exc:
        _fetch("http://news.example.org/s", routes, max_input_bytes=1000)
    assert "max_input_bytes" in str(exc.value)


def test_http_error_and_timeout_are_fetch_errors():
    with pytest.raises(FetchError) as exc:
        _fetch("http://news.example.org/missing")
    assert "HTTP 404" in str(exc.value)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("too slow", request=request)

    with pytest.raises(FetchError) as exc:
        fetch_url(
            "http://news.example.org/",
            Settings(fetch_timeout_s=0.5),
            transport=httpx.MockTransport(slow),
            resolver=fake_resolver,
        )
    assert "timed out" in str(exc.value)


# -- a real server on 127.0.0.1, reachable only with fetch_allow_private -----------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/old":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(ARTICLE)))
        self.end_headers()
        self.wfile.write(ARTICLE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_local_server_refused_by_default(local_server):
    with pytest.raises(FetchError) as exc:
        read_url(local_server + "/article", Settings())
    assert "loopback" in str(exc.value)


def test_local_server_with_allow_private(local_server):
    doc = read_url(local_server + "/old", Settings(fetch_allow_private=True))
    assert doc.source.url == local_server + "/article"
    assert doc.source.format == "html"
    assert doc.text.startswith("Pier closes\n\nThe northern ferry pier")
