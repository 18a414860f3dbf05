"""Which addresses a migration may connect to: public ones always; private ones only inside
the networks the organisation listed (`migration_private_networks`), or anywhere when the
installation-wide `MAILPLANE_MIGRATION_ALLOW_PRIVATE` is set. Link-local (cloud metadata)
can never be listed, so it stays refused unless that global switch is on."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from api.kit.ssrf import IPAddress, is_public, unwrap

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str] | None) -> tuple[IPNetwork, ...]:
    """The stored CIDRs (validated on write); anything unparsable is ignored, never widened."""
    out: list[IPNetwork] = []
    for value in values or ():
        try:
            out.append(ipaddress.ip_network(str(value), strict=False))
        except ValueError:
            continue
    return tuple(out)


def in_networks(ip: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    candidates = {ip, unwrap(ip)}
    return any(
        candidate.version == net.version and candidate in net
        for candidate in candidates
        for net in networks
    )


def reachable(ip: IPAddress, *, allow_private: bool, networks: tuple[IPNetwork, ...]) -> bool:
    return allow_private or is_public(ip) or in_networks(ip, networks)
