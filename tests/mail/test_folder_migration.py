"""Revision 0019irace on a database that has the duplicates the first-use race made: system
folders of one role merged into the oldest (messages renumbered after its UIDs, a greater
UIDVALIDITY, counters recounted, subfolders and migration records re-pointed), sibling
names differing by case renamed, then unique indexes that refuse a second inbox."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.exc import IntegrityError

from api.config import normalise_database_url
from api.storage.migrate import alembic_config
from api.storage.models import (
    Mailbox,
    MailFolder,
    MailMessage,
    MigrationFolder,
    MigrationMessage,
)

PG_URL = os.environ.get("MAILPLANE_TEST_DATABASE_URL")
BEFORE = "0017i16b"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def fresh_url(tmp_path: Path) -> Iterator[str]:
    """An empty database of its own (a file, or a PostgreSQL schema) to migrate step by step."""
    if not PG_URL:
        yield f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
        return
    schema = f"mp_mig_{os.getpid()}"
    plain = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield normalise_database_url(f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def _sync(url: str) -> Engine:
    return create_engine(url.replace("sqlite+aiosqlite://", "sqlite://"))


def _folder(fid: str, account: str, role: str | None, name: str, *, age: int,
            validity: int = 1000, uid_next: int = 1, parent: str | None = None) -> dict:
    at = T0 + timedelta(seconds=age)
    return dict(id=fid, org_id="org1", account_id=account, parent_id=parent, name=name,
                role=role, total_count=0, unread_count=0, size_bytes=0, version=1,
                uid_validity=validity, uid_next=uid_next, subscribed=True, created_at=at,
                updated_at=at)


def _message(mid: str, account: str, folder: str, uid: int, *, seen: bool, size: int) -> dict:
    return dict(id=mid, org_id="org1", account_id=account, folder_id=folder, uid=uid,
                thread_id=f"thr_{mid}", blob_sha256="0" * 64, size=size, received_at=T0,
                seen=seen, created_modseq=1, modseq=1)


def _seed(engine: Engine) -> None:
    folders = [
        # alice: three inboxes (two made in the same second: one UIDVALIDITY), two sents
        _folder("fld_keep", "acc_a", "inbox", "Inbox", age=0, uid_next=3),
        _folder("fld_dup1", "acc_a", "inbox", "Inbox", age=1, uid_next=3),
        _folder("fld_dup2", "acc_a", "inbox", "Inbox", age=1, validity=1001),
        _folder("fld_work", "acc_a", None, "Work", age=5, parent="fld_dup2"),
        _folder("fld_sent", "acc_a", "sent", "Sent", age=0),
        _folder("fld_sent2", "acc_a", "sent", "Sent", age=1),
        _folder("fld_proj", "acc_a", None, "Projects", age=2),
        _folder("fld_proj2", "acc_a", None, "projects", age=3),
        # bob: one of each, untouched
        _folder("fld_bob", "acc_b", "inbox", "Inbox", age=0, uid_next=2),
        _folder("fld_bobproj", "acc_b", None, "Projects", age=2),
    ]
    messages = [
        _message("msg_k1", "acc_a", "fld_keep", 1, seen=True, size=10),
        _message("msg_k2", "acc_a", "fld_keep", 2, seen=False, size=20),
        _message("msg_d1", "acc_a", "fld_dup1", 1, seen=False, size=30),
        _message("msg_d2", "acc_a", "fld_dup1", 2, seen=True, size=40),
        _message("msg_b1", "acc_b", "fld_bob", 1, seen=False, size=50),
    ]
    with engine.begin() as conn:
        for account in ("acc_a", "acc_b"):
            conn.execute(Mailbox.__table__.insert().values(
                account_id=account, org_id="org1", modseq=10, used_bytes=0, message_count=0,
                created_at=T0))
        conn.execute(MailFolder.__table__.insert(), folders)
        conn.execute(MailMessage.__table__.insert(), messages)
        conn.execute(MigrationFolder.__table__.insert(), [
            dict(id="mf1", org_id="org1", item_id="it1", position=0, source_name="INBOX",
                 source_raw="INBOX", role="inbox", target_path="Inbox",
                 target_folder_id="fld_dup1", status="done"),
        ])
        conn.execute(MigrationMessage.__table__.insert(), [
            dict(org_id="org1", account_id="acc_a", folder_id=folder, source_key="k",
                 source_ref=f"1:{n}", content_sha=sha, body_sha=sha, created_at=T0)
            for n, (folder, sha) in enumerate(
                [("fld_keep", "x"), ("fld_dup1", "x"), ("fld_dup1", "y")])
        ])


def test_upgrade_merges_duplicate_system_folders(fresh_url: str) -> None:
    cfg = alembic_config(fresh_url)
    command.upgrade(cfg, BEFORE)
    engine = _sync(fresh_url)
    try:
        _seed(engine)
        command.upgrade(cfg, "head")
        with engine.connect() as conn:
            f = MailFolder.__table__.c
            rows = conn.execute(select(f.id, f.role, f.name, f.parent_id, f.uid_validity,
                                       f.uid_next, f.total_count, f.unread_count,
                                       f.size_bytes).order_by(f.id)).all()
            folders = {r.id: r for r in rows}
            assert set(folders) == {"fld_keep", "fld_work", "fld_sent", "fld_proj",
                                    "fld_proj2", "fld_bob", "fld_bobproj"}
            keep = folders["fld_keep"]
            # the oldest kept; the duplicate's messages after its own UIDs, in their order
            assert (keep.uid_next, keep.total_count, keep.unread_count, keep.size_bytes) == (
                5, 4, 2, 100)
            assert keep.uid_validity > 1001
            m = MailMessage.__table__.c
            placed = dict(conn.execute(select(m.id, m.uid).where(m.folder_id == "fld_keep")).all())
            assert placed == {"msg_k1": 1, "msg_k2": 2, "msg_d1": 3, "msg_d2": 4}
            modseqs = dict(conn.execute(select(m.id, m.modseq)).all())
            assert modseqs["msg_d1"] == modseqs["msg_d2"] == 11 and modseqs["msg_k1"] == 1
            mb = Mailbox.__table__.c
            assert dict(conn.execute(select(mb.account_id, mb.modseq)).all()) == {
                "acc_a": 11, "acc_b": 10}
            assert folders["fld_work"].parent_id == "fld_keep"
            assert folders["fld_sent"].uid_validity > 1000
            # case-only sibling clash: the older keeps its name
            assert (folders["fld_proj"].name, folders["fld_proj2"].name) == (
                "Projects", "projects (2)")
            # bob's mailbox is as it was
            bob = folders["fld_bob"]
            assert (bob.uid_validity, bob.uid_next, bob.total_count) == (1000, 2, 0)
            assert folders["fld_bobproj"].name == "Projects"
            assert conn.execute(select(m.uid).where(m.id == "msg_b1")).scalar() == 1
            mf = MigrationFolder.__table__.c
            assert conn.execute(select(mf.target_folder_id)).scalar() == "fld_keep"
            mm = MigrationMessage.__table__.c
            assert sorted(conn.execute(select(mm.folder_id, mm.content_sha)).all()) == [
                ("fld_keep", "x"), ("fld_keep", "y")]
        # the indexes now refuse what the race made, and a case-only sibling
        for row in (_folder("fld_again", "acc_a", "inbox", "Inbox 2", age=9),
                    _folder("fld_case", "acc_a", None, "work", age=9, parent="fld_keep"),
                    _folder("fld_top", "acc_a", None, "PROJECTS", age=9)):
            with pytest.raises(IntegrityError), engine.begin() as conn:
                conn.execute(MailFolder.__table__.insert().values(row))
        with engine.begin() as conn:  # custom folders (role NULL) are not held to one
            conn.execute(MailFolder.__table__.insert(), [
                _folder("fld_c1", "acc_a", None, "A", age=9),
                _folder("fld_c2", "acc_a", None, "B", age=9)])
        command.downgrade(cfg, BEFORE)
        command.upgrade(cfg, "head")
    finally:
        engine.dispose()
