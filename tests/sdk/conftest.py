"""Fixtures for the SDK tests: one live server per test module (on its own copy of the
migrated database), an organisation made once per module, SDK clients that record which
OpenAPI operations the server answered."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from mailplane_sdk import AsyncMailplane, Mailplane
from sqlalchemy import text

from api.config import Settings
from api.runtime import Runtime
from tests.factories.platform import ADMIN_PASSWORD, make_org
from tests.live_server import live_server
from tests.sdk.operations import ServedOperations

PG_URL = os.environ.get("MAILPLANE_TEST_DATABASE_URL")
SERVED = ServedOperations()


@dataclass(frozen=True)
class Live:
    url: str
    settings: Settings
    org_id: str
    domain: str
    client_id: str
    client_secret: str
    admin: str
    password: str = ADMIN_PASSWORD


async def _empty_tables(url: str) -> None:
    runtime = Runtime.build(Settings(database_url=url, secret_key="x"))
    async with runtime.db.engine.begin() as conn:
        names = (
            (
                await conn.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                        " AND tablename <> 'alembic_version'"
                    )
                )
            )
            .scalars()
            .all()
        )
        await conn.execute(text("SET LOCAL session_replication_role = replica"))
        for name in names:
            await conn.execute(text(f'DELETE FROM "{name}"'))
    await runtime.db.dispose()


async def _make_org(settings: Settings) -> tuple[str, str, str, str]:
    runtime = Runtime.build(settings)
    try:
        org = await make_org(runtime, None, name="Acme", domain="acme.test")  # type: ignore[arg-type]
        return org.id, org.domain, org.client_id, org.client_secret
    finally:
        await runtime.db.dispose()


@pytest.fixture(scope="module")
def server_options() -> dict[str, object]:
    """Settings a module changes for its server (override in the module)."""
    return {}


@pytest.fixture(scope="module")
def live(
    database_template: str,
    tmp_path_factory: pytest.TempPathFactory,
    server_options: dict[str, object],
) -> Iterator[Live]:
    """A live server for the whole module, with an organisation whose admin app has every scope."""
    tmp = tmp_path_factory.mktemp("sdk")
    if PG_URL:
        url = database_template
    else:
        shutil.copyfile(database_template, tmp / "mailplane.db")
        url = f"sqlite+aiosqlite:///{tmp / 'mailplane.db'}"
    settings = Settings(
        data_dir=tmp / "data",
        database_url=url,
        secret_key="test-secret-key-not-for-production",
        log_json=True,
        rate_limit_app_per_minute=100_000,
        rate_limit_org_per_minute=100_000,
        **server_options,
    )
    org_id, domain, client_id, client_secret = asyncio.run(_make_org(settings))
    try:
        with live_server(settings) as base:
            yield Live(base, settings, org_id, domain, client_id, client_secret, f"admin@{domain}")
    finally:
        if PG_URL:
            asyncio.run(_empty_tables(url))


def recording(inner: httpx.BaseTransport | None = None) -> httpx.BaseTransport:
    return SERVED.transport(inner or httpx.HTTPTransport())


@pytest.fixture(scope="module")
def mp(live: Live) -> Iterator[Mailplane]:
    with Mailplane(live.url, live.client_id, live.client_secret, transport=recording()) as client:
        yield client


@pytest.fixture
async def amp(live: Live) -> object:
    client = AsyncMailplane(
        live.url,
        live.client_id,
        live.client_secret,
        transport=SERVED.async_transport(httpx.AsyncHTTPTransport()),
    )
    yield client
    await client.aclose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The served-operations check runs after every other test."""
    items.sort(key=lambda item: item.fspath.basename == "test_served_operations.py")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SERVED.served:
        terminalreporter.write_line(SERVED.summary())


@pytest.fixture
def served() -> ServedOperations:
    return SERVED


@pytest.fixture
def fixtures_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "fixtures"
