"""Ask the configured resolver (`MAILPLANE_DNS_RESOLVER`, host:port) and classify the answers.

An absent name or record type is an empty answer; a server that cannot be reached or that
fails is `DnsUnavailable` (503), so a broken resolver never reads as "record missing".
"""

from __future__ import annotations

from typing import Any

import dns.asyncresolver
import dns.exception
import dns.name
import dns.rdatatype
import dns.resolver
from dns.rdata import Rdata

from api.errors import ServiceUnavailable
from api.i18n import Msg

DEFAULT_TIMEOUT = 5.0


class DnsUnavailable(ServiceUnavailable):
    code, title = "dns_unavailable", "DNS resolver unavailable"


def parse_resolver(spec: str) -> tuple[str, int]:
    """`127.0.0.1:5353`, `[::1]:53`, `::1` or `10.0.0.2` -> (address, port)."""
    spec = spec.strip()
    if spec.startswith("["):
        host, _, rest = spec[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") else 53
    if spec.count(":") == 1:
        host, port = spec.split(":")
        return host, int(port)
    return spec, 53


class Lookup:
    """One verification's view of DNS: typed queries with absent answers as empty lists."""

    def __init__(self, resolver_spec: str | None, *, timeout: float | None = None) -> None:
        if resolver_spec:
            host, port = parse_resolver(resolver_spec)
            resolver = dns.asyncresolver.Resolver(configure=False)
            resolver.nameservers = [host]
            resolver.port = port
        else:
            try:
                resolver = dns.asyncresolver.Resolver()
            except dns.resolver.NoResolverConfiguration as exc:
                raise DnsUnavailable("No DNS resolver is configured on this host.") from exc
        timeout = timeout or DEFAULT_TIMEOUT
        resolver.lifetime = timeout
        resolver.timeout = min(timeout, 2.0)
        resolver.cache = None
        self.resolver = resolver

    async def query(self, name: str, rdtype: str) -> list[Rdata]:
        """The records of `rdtype` at `name`; [] when the name or the type does not exist."""
        try:
            qname = dns.name.from_text(name)
        except dns.exception.DNSException:
            return []
        try:
            answer = await self.resolver.resolve(qname, rdtype, search=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []
        except dns.resolver.YXDOMAIN:
            return []
        except (dns.resolver.NoNameservers, dns.exception.Timeout) as exc:
            raise DnsUnavailable(Msg(
                "DNS lookup of {name} {rdtype} failed: {exc}", name=name, rdtype=rdtype, exc=exc
            )) from exc
        except dns.exception.DNSException as exc:
            raise DnsUnavailable(Msg(
                "DNS lookup of {name} {rdtype} failed: {exc}", name=name, rdtype=rdtype, exc=exc
            )) from exc
        return list(answer)

    async def txt(self, name: str) -> list[str]:
        """TXT records at `name`, each with its character-strings joined."""
        answers: list[Any] = await self.query(name, "TXT")
        return [b"".join(r.strings).decode("utf-8", "replace") for r in answers]

    async def addresses(self, name: str) -> list[str]:
        out = [r.to_text() for r in await self.query(name, "A")]
        return out + [r.to_text() for r in await self.query(name, "AAAA")]


def host_text(name: object) -> str:
    """A dnspython name as a lower-case host name without the trailing dot."""
    return str(name).rstrip(".").lower()
