"""Fetching a web page for a user, without letting the user reach our network.

A URL given to the CLI or the API is untrusted: ``http://169.254.169.254/`` would
read cloud credentials, ``http://127.0.0.1:5432/`` would probe local services
(server-side request forgery). So, unless ``settings.fetch_allow_private``:

* only ``http`` and ``https`` are fetched;
* the host is resolved by us and every address must be public: loopback, private,
  link-local, shared, multicast, reserved and unspecified addresses are refused,
  also when written as decimal/hex/octal numbers or embedded in IPv6
  (IPv4-mapped, 6to4, NAT64, Teredo);
* the connection goes to the address we checked, not to a second DNS answer
  (no DNS rebinding): the request URL is rewritten to that IP, while the ``Host``
  header and TLS SNI (httpcore's ``sni_hostname`` extension) keep the name, so
  virtual hosting and certificate checks still see the real host;
* redirects are followed by hand, at most ``fetch_max_redirects``, and every hop
  is checked again; the body is read up to ``max_input_bytes`` and the whole
  fetch is bounded by ``fetch_timeout_s``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable

import httpx

from presslens.document import Document
from presslens.errors import FetchError
from presslens.settings import Settings, get_settings

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

USER_AGENT = "presslens (+https://github.com/presslens/presslens)"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_REDIRECTS = (301, 302, 303, 307, 308)


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (the C library also parses ``0x7f000001``)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, Teredo), if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def forbidden_reason(address: str) -> str | None:
    """Why a fetch may not connect to ``address``, or None when it is a public address."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        inner = forbidden_reason(str(embedded))
        if inner:
            return f"{ip} embeds {inner}"
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    )
    for name, hit in checks:
        if hit:
            return f"{ip} is a {name} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


def check_url(url: httpx.URL) -> None:
    """Refuse schemes other than http(s) and URLs without a host."""
    if url.scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs can be fetched, not {url.scheme or 'this'}:", source=str(url)
        )
    if not url.host:
        raise FetchError("the URL has no host", source=str(url))


def resolve_checked(
    host: str,
    port: int,
    *,
    allow_private: bool,
    resolver: Resolver = system_resolver,
    source: str | None = None,
) -> str:
    """The address to connect to for ``host``; every address it resolves to must be allowed."""
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        addresses = resolver(host, port)
    if not addresses:
        raise FetchError(f"host {host!r} has no address", source=source)
    if not allow_private:
        for address in addresses:
            reason = forbidden_reason(address)
            if reason:
                raise FetchError(
                    f"refusing to fetch {host}: {reason} (set fetch_allow_private to allow)",
                    source=source,
                )
    return addresses[0]


class GuardedTransport(httpx.BaseTransport):
    """Resolves and checks each request's host, then connects to that very address."""

    def __init__(
        self,
        settings: Settings,
        inner: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
    ):
        self.settings = settings
        self.inner = inner or httpx.HTTPTransport(retries=0)
        self.resolver = resolver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        check_url(url)
        host = url.host
        port = url.port or (443 if url.scheme == "https" else 80)
        address = resolve_checked(
            host,
            port,
            allow_private=self.settings.fetch_allow_private,
            resolver=self.resolver,
            source=str(url),
        )
        extensions = dict(request.extensions)
        if address != host:
            extensions.setdefault("sni_hostname", host)
        pinned = httpx.Request(
            request.method,
            url.copy_with(host=address),
            headers=request.headers,  # keeps Host: the original name
            stream=request.stream,
            extensions=extensions,
        )
        return self.inner.handle_request(pinned)

    def close(self) -> None:
        self.inner.close()


def fetch_url(
    url: str,
    settings: Settings | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver = system_resolver,
) -> tuple[bytes, str, str | None]:
    """Fetch ``url``: ``(body, final URL after redirects, Content-Type)``.

    ``transport`` and ``resolver`` exist for tests (an ``httpx.MockTransport`` and a
    fake DNS), so the guard can be exercised without network traffic.
    """
    settings = settings or get_settings()
    try:
        current = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"invalid URL ({exc})", source=url) from None
    deadline = time.monotonic() + settings.fetch_timeout_s
    guarded = GuardedTransport(settings, transport, resolver)
    with httpx.Client(
        transport=guarded,
        timeout=settings.fetch_timeout_s,
        trust_env=False,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
    ) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            check_url(current)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = _next_hop(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"HTTP {response.status_code} {response.reason_phrase}",
                            source=str(current),
                        )
                    body = _read_body(response, settings.max_input_bytes, deadline, current)
                    return body, str(current), response.headers.get("content-type")
            except httpx.TimeoutException:
                raise FetchError(
                    f"timed out after {settings.fetch_timeout_s:g} s", source=str(current)
                ) from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}", source=str(current)) from None
    raise FetchError(f"more than {settings.fetch_max_redirects} redirects", source=url)


def _next_hop(current: httpx.URL, location: str) -> httpx.URL:
    try:
        target = current.join(location)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(
            f"bad redirect location {location!r} ({exc})", source=str(current)
        ) from None
    check_url(target)
    return target


def _read_body(response: httpx.Response, limit: int, deadline: float, url: httpx.URL) -> bytes:
    """Read at most ``limit`` (decoded) bytes before ``deadline``; refuse more."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(
            f"response is {int(declared):,} bytes, over max_input_bytes ({limit:,})",
            source=str(url),
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"response is over max_input_bytes ({limit:,})", source=str(url))
        if time.monotonic() > deadline:
            raise FetchError("timed out reading the response", source=str(url))
        chunks.append(chunk)
    return b"".join(chunks)


def format_from_content_type(content_type: str | None) -> str | None:
    """``html`` or ``text`` from a Content-Type, or None to sniff the bytes."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime == "text/plain":
        return "text"
    return None


def read_url(url: str, settings: Settings | None = None, **fetch_options) -> Document:
    """Fetch ``url`` and make a Document of it (``source.url`` is the final URL)."""
    from presslens.ingest import read_bytes

    settings = settings or get_settings()
    body, final_url, content_type = fetch_url(url, settings, **fetch_options)
    return read_bytes(
        body, url=final_url, settings=settings, format=format_from_content_type(content_type)
    )
