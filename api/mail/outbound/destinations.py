"""Where mail for a domain goes: its MX hosts by preference (RFC 5321 5.1), the domain's
own address when it has no MX, nowhere for a null MX (RFC 7505), or the smarthost."""

from __future__ import annotations

import ipaddress
import random
from dataclasses import dataclass

from api.config import Settings
from api.directory import DnsUnavailable, Lookup, host_text


class PermanentFailure(Exception):
    """Delivery can never succeed (bounce now). `status` is the RFC 3463 code."""

    def __init__(self, status: str, text: str) -> None:
        super().__init__(text)
        self.status = status
        self.text = text


class TemporaryFailure(Exception):
    """Try again later."""

    def __init__(self, text: str, status: str = "4.4.1") -> None:
        super().__init__(text)
        self.status = status
        self.text = text


@dataclass(frozen=True)
class Host:
    name: str  # for SNI and logs
    address: str
    port: int


@dataclass(frozen=True)
class Destination:
    key: str  # the recipient domain, or "smarthost"
    smarthost: bool = False


SMARTHOST = "smarthost"


def destination_key(recipient: str, smarthost: bool) -> str:
    """The recipient's domain (lower-case, no trailing dot), or `smarthost` for everything."""
    return SMARTHOST if smarthost else recipient.rsplit("@", 1)[-1].lower().rstrip(".")


def destination_for(recipient: str, settings: Settings) -> Destination:
    if settings.smarthost:
        return Destination(SMARTHOST, smarthost=True)
    return Destination(destination_key(recipient, False))


def _split(spec: str, default_port: int) -> tuple[str, int]:
    spec = spec.strip()
    if spec.startswith("["):
        host, _, rest = spec[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") else default_port
    if spec.count(":") == 1:
        host, port = spec.split(":")
        return host, int(port)
    return spec, default_port


async def _addresses(lookup: Lookup, name: str) -> list[str]:
    try:
        ipaddress.ip_address(name)
        return [name]
    except ValueError:
        pass
    return await lookup.addresses(name)


async def hosts_for(destination: Destination, lookup: Lookup, settings: Settings) -> list[Host]:
    """The hosts to try, in order. Raises PermanentFailure / TemporaryFailure."""
    try:
        if destination.smarthost:
            assert settings.smarthost
            name, port = _split(settings.smarthost, 25)
            found = await _addresses(lookup, name)
            if not found:
                raise TemporaryFailure(f"smarthost {name} has no address")
            return [Host(name, a, port) for a in found]
        domain = destination.key
        records = await lookup.query(domain, "MX")
        if not records:
            found = await lookup.addresses(domain)
            if not found:
                raise PermanentFailure("5.1.2", f"{domain} has no MX and no address records")
            return [Host(domain, a, settings.outbound_port) for a in found]
        ordered: dict[int, list[str]] = {}
        for record in records:
            ordered.setdefault(int(record.preference), []).append(  # type: ignore[attr-defined]
                host_text(record.exchange))  # type: ignore[attr-defined]
        hosts: list[Host] = []
        for preference in sorted(ordered):
            names = ordered[preference]
            random.shuffle(names)
            for name in names:
                if not name or name == ".":
                    if len(records) == 1:
                        raise PermanentFailure("5.1.10", f"{domain} accepts no mail (null MX)")
                    continue
                for address in await _addresses(lookup, name):
                    hosts.append(Host(name, address, settings.outbound_port))
        if not hosts:
            raise TemporaryFailure(f"no MX host of {domain} has an address")
        return hosts
    except DnsUnavailable as exc:
        raise TemporaryFailure(f"DNS lookup failed: {exc.detail}", "4.4.3") from exc
