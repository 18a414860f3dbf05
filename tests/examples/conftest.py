"""One `make run`-style demo server per test module, on its own database (a fresh SQLite
data dir, or a fresh schema when MAILPLANE_TEST_DATABASE_URL points at PostgreSQL)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.examples.demo_server import DemoServer, start_demo, stop_demo

PG_URL = os.environ.get("MAILPLANE_TEST_DATABASE_URL")


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[DemoServer]:
    base = tmp_path_factory.mktemp("demo")
    database_url = None
    schema = None
    if PG_URL:
        import psycopg

        module = request.module.__name__.rsplit(".", 1)[-1]
        schema = f"mp_ex_{module}_{os.getpid()}"
        plain = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            conn.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in PG_URL else "?"
        database_url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    # A test module may tune the server with SERVER_ENV = {"MAILPLANE_…": "…"}.
    server, relay = start_demo(base, database_url, getattr(request.module, "SERVER_ENV", None))
    try:
        yield server
    finally:
        stop_demo(server, relay)
        if schema:
            import psycopg

            with psycopg.connect(plain, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
