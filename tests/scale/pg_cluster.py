"""A throwaway PostgreSQL cluster on a free loopback port (Debian's binaries under
/usr/lib/postgresql/*/bin), run as the `postgres` user, so tests can stop, start and
promote it without touching the shared server on 5432."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from tests.live_server import free_port


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (Debian package postgresql)")
    return found[-1]


def as_postgres(args: list[str], **kw) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(prefix + args, check=True, capture_output=True, **kw)


class Cluster:
    """`initdb` + `pg_ctl` on a private data directory; trust auth on loopback."""

    def __init__(self, root: Path | None = None, port: int | None = None) -> None:
        self.root = root or Path(tempfile.mkdtemp(prefix="mp-pg-"))
        self.data = self.root / "data"
        self.port = port or free_port()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def init(self, **settings: str) -> Cluster:
        as_postgres([pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                      "--no-sync", "-E", "UTF8"])
        conf = {"listen_addresses": "'127.0.0.1'", "port": str(self.port),
                "unix_socket_directories": f"'{self.root}'", "fsync": "on",
                "max_connections": "100", "shared_buffers": "32MB", **settings}
        with (self.data / "postgresql.conf").open("a") as fh:
            fh.writelines(f"{k} = {v}\n" for k, v in conf.items())
        return self

    def start(self) -> Cluster:
        as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                      "-w", "-t", "60", "start"])
        return self

    def stop(self, mode: str = "fast") -> None:
        as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"])

    def running(self) -> bool:
        try:
            as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "status"])
            return True
        except subprocess.CalledProcessError:
            return False

    def destroy(self) -> None:
        if self.data.exists() and self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while subprocess.run([pg_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(self.port),
                              "-q"]).returncode != 0:
            if time.monotonic() > deadline:
                raise RuntimeError("cluster not ready")
            time.sleep(0.1)


def primary_with_sync_replica(name: str = "replica1") -> tuple[Cluster, Cluster]:
    """A primary whose commits wait for `name`, a streaming replica made by pg_basebackup
    (the settings docs/scaling.md gives for "no acknowledged message lost")."""
    primary = Cluster().init(
        wal_level="replica", max_wal_senders="5", hot_standby="on",
        synchronous_commit="on", synchronous_standby_names=f"'{name}'",
    ).start()
    replica = Cluster()
    as_postgres([
        pg_bin("pg_basebackup"), "-D", str(replica.data), "-R", "-X", "stream", "--no-sync",
        "-d", f"host=127.0.0.1 port={primary.port} user=postgres application_name={name}",
    ])
    with (replica.data / "postgresql.auto.conf").open("a") as fh:
        fh.write(f"port = {replica.port}\nunix_socket_directories = '{replica.root}'\n")
    replica.start()
    return primary, replica


def promote(cluster: Cluster) -> None:
    """Promote a replica, then let it commit alone: it inherited the primary's
    synchronous_standby_names and would otherwise wait for ever for a standby it lacks
    (until an operator attaches a new one, as docs/scaling.md describes)."""
    as_postgres([pg_bin("pg_ctl"), "-D", str(cluster.data), "-w", "promote"])
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET synchronous_standby_names = ''")
        conn.execute("SELECT pg_reload_conf()")


def have_cluster_binaries() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


# Tests that start their own clusters run in CI's PostgreSQL stage, where .ci/run has
# installed Debian's postgresql package (initdb, pg_ctl, pg_basebackup).
requires_clusters = pytest.mark.skipif(
    not os.environ.get("MAILPLANE_TEST_DATABASE_URL") or not have_cluster_binaries(),
    reason="runs in the PostgreSQL stage, with Debian's PostgreSQL server binaries")
