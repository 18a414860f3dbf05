"""Fixtures every test shares: a migrated database (SQLite, or PostgreSQL when
MAILPLANE_TEST_DATABASE_URL is set) isolated per test, the in-process app, organisations
and authenticated clients for each kind of principal."""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from api.app import create_app
from api.config import Settings
from api.runtime import Runtime
from api.storage.migrate import upgrade
from api.wiring import wire
from tests.factories.platform import OrgHandle, make_org

PG_URL = os.environ.get("MAILPLANE_TEST_DATABASE_URL")
wire()  # every domain's jobs and delivery subscribers, as the processes under test have them


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Migrate once per worker: a template SQLite file, or a PostgreSQL schema."""
    if PG_URL:
        import psycopg

        schema = f"mp_test_{_worker()}_{os.getpid()}"
        plain = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            conn.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in PG_URL else "?"
        url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
        from api.config import normalise_database_url

        url = normalise_database_url(url)
        upgrade(url)
        yield url
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        return
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    yield str(path)


@pytest.fixture
def database_url(database_template: str, tmp_path: Path) -> Iterator[str]:
    if PG_URL:
        yield database_template
        return
    target = tmp_path / "mailplane.db"
    shutil.copyfile(database_template, target)
    yield f"sqlite+aiosqlite:///{target}"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        secret_key="test-secret-key-not-for-production",
        log_json=True,
        rate_limit_app_per_minute=100_000,
        rate_limit_org_per_minute=100_000,
    )


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    rt = Runtime.build(settings)
    yield rt
    if PG_URL:
        async with rt.db.engine.begin() as conn:
            names = (await conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename <> 'alembic_version'"
            ))).scalars().all()
            # DELETE, not TRUNCATE: a few rows per test, and TRUNCATE rewrites every file.
            await conn.execute(text("SET LOCAL session_replication_role = replica"))
            for name in names:
                await conn.execute(text(f'DELETE FROM "{name}"'))
    await rt.db.dispose()


@pytest.fixture
def app(settings: Settings, runtime: Runtime):  # type: ignore[no-untyped-def]
    return create_app(settings, runtime=runtime, migrate=False)


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def org(runtime: Runtime, client: httpx.AsyncClient) -> OrgHandle:
    return await make_org(runtime, client, name="Acme", domain="acme.test")


@pytest.fixture
async def other_org(runtime: Runtime, client: httpx.AsyncClient) -> OrgHandle:
    return await make_org(runtime, client, name="Globex", domain="globex.test")



def _scrub(value):  # type: ignore[no-untyped-def]
    """Lone surrogates (hostile input decoded with surrogateescape, echoed in captured logs)
    made xdist's worker crash while sending a report; send them backslash-escaped."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_scrub(v) for v in value)
    return value


@pytest.hookimpl(hookwrapper=True)
def pytest_report_to_serializable(config, report):  # type: ignore[no-untyped-def]
    outcome = yield
    data = outcome.get_result()
    if data is not None:
        outcome.force_result(_scrub(data))


# Packages whose tests start their own servers on the database under test.
_SERVER_PACKAGES = ("sdk", "web", "examples", "scale")


def _touches_database(item: pytest.Item) -> bool:
    if "database_url" in getattr(item, "fixturenames", ()):
        return True
    parts = Path(str(item.path)).parts
    if any(p in parts for p in _SERVER_PACKAGES):
        return True
    return _mentions_database(str(item.path))


@functools.cache
def _mentions_database(path: str) -> bool:
    source = Path(path).read_text(encoding="utf-8")
    return "DATABASE_URL" in source or "database_url" in source


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass of CI (`MAILPLANE_TEST_DATABASE_ONLY=1`) runs only the tests that
    reach a database: a parser, signature or spam-rule test gives the same answer on both
    engines, and the SQLite pass has already run it."""
    if not (PG_URL and os.environ.get("MAILPLANE_TEST_DATABASE_ONLY")):
        return
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        (keep if _touches_database(item) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
