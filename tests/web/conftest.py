"""Browser-test fixtures: the Knot DNS server of the domain tests, one real `mailplane serve`
per module pointed at it (its own data dir, or its own schema on PostgreSQL), and Chromium."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import psycopg
import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.directory.domains.conftest import MAIL_HOST, OUTBOUND_IP, installation_zone
from tests.directory.domains.dns_server import AuthoritativeDns, ensure_knotd
from tests.examples.demo_server import DemoServer, start_demo, stop_demo
from tests.migration.conftest import dovecot  # noqa: F401  (the migration walk's IMAP peer)
from tests.web.browser import chromium_path, require_built_app

PG_URL = os.environ.get("MAILPLANE_TEST_DATABASE_URL")


@pytest.fixture(scope="module")
def knot() -> Iterator[AuthoritativeDns]:
    knotd, why = ensure_knotd()
    assert knotd is not None, f"needs the Knot DNS server (Debian package `knot`): {why}"
    server = AuthoritativeDns(knotd)
    server.start()
    server.publish(installation_zone())
    yield server
    server.stop()


@pytest.fixture(scope="module")
def console(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest, knot: AuthoritativeDns
) -> Iterator[DemoServer]:
    require_built_app()
    base = tmp_path_factory.mktemp("web")
    database_url, schema, plain = None, None, ""
    if PG_URL:
        schema = f"mp_web_{request.module.__name__.rsplit('.', 1)[-1]}_{os.getpid()}"
        plain = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            conn.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in PG_URL else "?"
        database_url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    env = {
        "MAILPLANE_DNS_RESOLVER": knot.address,
        "MAILPLANE_MAIL_HOST": MAIL_HOST,
        "MAILPLANE_OUTBOUND_IPS": json.dumps([OUTBOUND_IP]),
        # the hostile corpus's "remote" image host is a loopback server
        "MAILPLANE_MAIL_IMAGE_PROXY_ALLOW_PRIVATE": "true",
    }
    server, relay = start_demo(base, database_url, env)
    server.admin = dict(server.credentials)  # type: ignore[attr-defined]
    server.database_url = database_url  # type: ignore[attr-defined]
    try:
        yield server
    finally:
        stop_demo(server, relay)
        if schema:
            with psycopg.connect(plain, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=chromium_path(), headless=True, args=["--no-sandbox"]
        )
        yield chromium
        chromium.close()
