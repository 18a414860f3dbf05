"""Fixtures for domain tests: a Knot DNS server on loopback (one per test process) and
settings that point Mailplane's resolver at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.config import Settings
from tests.directory.domains.dns_server import AuthoritativeDns, ensure_knotd

MAIL_HOST = "mail.mailplane.test"
OUTBOUND_IP = "192.0.2.25"


@pytest.fixture(scope="session")
def dns_server_process() -> Iterator[AuthoritativeDns]:
    knotd, why = ensure_knotd()
    if knotd is None:
        pytest.skip(f"needs the Knot DNS server (Debian package `knot`): {why}")
    server = AuthoritativeDns(knotd)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def dns_server(dns_server_process: AuthoritativeDns) -> AuthoritativeDns:
    """The server, reset to serve only the installation's own zone."""
    dns_server_process.publish(installation_zone())
    return dns_server_process


def installation_zone() -> dict[str, list[str]]:
    """mailplane.test: where this installation's mail host lives."""
    return {"mailplane.test": [f"mail A {OUTBOUND_IP}", "mail AAAA 2001:db8::25"]}


@pytest.fixture
def settings(settings: Settings, dns_server: AuthoritativeDns) -> Settings:
    return settings.model_copy(
        update={
            "dns_resolver": dns_server.address,
            "mail_host": MAIL_HOST,
            "outbound_ips": [OUTBOUND_IP],
        }
    )
