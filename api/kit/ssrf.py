"""SSRF defence for webhook delivery and the webmail's image proxy: every resolved address
is checked and the TCP connection goes to exactly the address that was checked (no second
DNS lookup for an attacker to rebind), redirects are never followed and proxies from the
environment are ignored.

`GuardedBackend` is an httpcore network backend: httpx keeps doing TLS (SNI and certificate
checks against the URL's host name) while the socket is opened to the vetted IP.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

#: Ranges refused even where `is_global` would say yes (or has said yes in some Python).
DENY = [
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/128",
        "::1/128",
        "::ffff:0:0/96",
        "64:ff9b::/96",
        "64:ff9b:1::/48",
        "100::/64",
        "2001::/32",
        "2001:db8::/32",
        "2002::/16",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    )
]


class BlockedAddress(Exception):
    """The destination is not a public address (or the URL is not acceptable)."""


def unwrap(ip: IPAddress) -> IPAddress:
    """The IPv4 address hidden in an IPv4-mapped, 6to4, NAT64 or IPv4-compatible address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip in ipaddress.ip_network("64:ff9b::/96"):
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if int(ip) >> 32 == 0 and int(ip) > 1:  # ::a.b.c.d (deprecated IPv4-compatible)
            return ipaddress.IPv4Address(int(ip))
    return ip


def is_public(ip: IPAddress) -> bool:
    for candidate in (ip, unwrap(ip)):
        if not candidate.is_global or any(
            candidate in net for net in DENY if net.version == candidate.version
        ):
            return False
    return True


def parse_ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    seen: list[str] = []
    for *_, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.append(str(sockaddr[0]))
    return seen


async def vetted_addresses(
    host: str, port: int, *, allow_private: bool, resolver: Resolver = system_resolver
) -> list[str]:
    """Resolve once and check every answer; any non-public answer refuses the whole host."""
    literal = parse_ip(host)
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = await resolver(host, port)
        except OSError as exc:
            raise BlockedAddress(f"{host} does not resolve") from exc
    if not addresses:
        raise BlockedAddress(f"{host} does not resolve")
    if not allow_private:
        for address in addresses:
            ip = parse_ip(address)
            if ip is None or not is_public(ip):
                raise BlockedAddress(f"{host} resolves to a non-public address ({address})")
    return addresses


def looks_like_ipv4(host: str) -> bool:
    """A host a resolver or browser would read as an IPv4 address (WHATWG URL: the last label
    is a number), whatever the notation: `0177.0.0.1`, `0x7f.1`, `2130706433`, `127.1`."""
    last = host.rstrip(".").rsplit(".", 1)[-1].lower()
    return bool(last) and (last.isdigit() or (last.startswith("0x") and
                                              all(c in "0123456789abcdef" for c in last[2:])))


def check_url(url: str, *, allow_private: bool, plain_http: bool = False) -> None:
    """Static checks at endpoint creation: scheme, host, and a literal address if any.
    `plain_http` accepts http:// to public hosts too (remote images in mail often are)."""
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
        parts.port  # noqa: B018  (raises on a port out of range)
        httpx.URL(url).host  # noqa: B018  (decodes IDNA labels: raises on a broken one)
    except (ValueError, httpx.InvalidURL) as exc:
        raise BlockedAddress("The URL is not valid.") from exc
    if parts.scheme not in ("https", "http") or not hostname:
        raise BlockedAddress("The URL must be an absolute https URL.")
    if looks_like_ipv4(hostname) and parse_ip(hostname) is None:
        # Octal, hex and short forms mean different hosts to different parsers (glibc reads
        # 0177.0.0.1 as 127.0.0.1): only the dotted-decimal form is accepted.
        raise BlockedAddress("Write an IPv4 address in dotted-decimal form (a.b.c.d).")
    if parts.scheme != "https" and not (allow_private or plain_http):
        raise BlockedAddress("The URL must use https.")
    if parts.username or parts.password:
        raise BlockedAddress("The URL must not carry credentials.")
    literal = parse_ip(hostname)
    if literal is not None and not allow_private and not is_public(literal):
        raise BlockedAddress("The URL points to a non-public address.")
    name = hostname.lower().rstrip(".")
    if not allow_private and (
        name == "localhost" or name.endswith((".localhost", ".local", ".internal"))
    ):
        raise BlockedAddress("The URL points to a local host name.")


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve, vet, then connect to the vetted address itself."""

    def __init__(
        self,
        *,
        allow_private: bool,
        resolver: Resolver = system_resolver,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await vetted_addresses(
                host, port, allow_private=self.allow_private, resolver=self.resolver
            )
        except BlockedAddress as exc:
            raise httpcore.ConnectError(f"blocked: {exc}") from exc
        last: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not webhook destinations")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool on a `GuardedBackend`."""

    def __init__(
        self, backend: GuardedBackend, *, limits: httpx.Limits, verify: Any = True
    ) -> None:
        super().__init__(limits=limits, verify=verify, trust_env=False)
        ssl_context = self._pool._ssl_context  # the context httpx built from `verify`
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


def guarded_client(
    *,
    allow_private: bool,
    timeout: float,
    max_connections: int = 100,
    resolver: Resolver = system_resolver,
    inner: httpcore.AsyncNetworkBackend | None = None,
    verify: Any = True,
) -> httpx.AsyncClient:
    """The one kind of HTTP client webhook code may use."""
    backend = GuardedBackend(allow_private=allow_private, resolver=resolver, inner=inner)
    limits = httpx.Limits(
        max_connections=max_connections,
        max_keepalive_connections=max_connections,
        keepalive_expiry=30.0,
    )
    return httpx.AsyncClient(
        transport=GuardedTransport(backend, limits=limits, verify=verify),
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        trust_env=False,
        headers={"user-agent": "Mailplane-Webhooks/1"},
    )
