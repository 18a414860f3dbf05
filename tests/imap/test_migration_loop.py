"""Mailplane's own migration reading a mailbox from Mailplane's IMAP server into another
organisation: the two halves prove each other — every message byte-identical, in the same
folders (a Chinese one included), with its flags and arrival time."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from api.config import Settings
from api.imap import ImapServer
from api.mail import append_message
from api.mail.folders.service import create_folder
from api.runtime import Runtime
from api.storage.models import Account, MailFolder, MailMessage
from schemas.mail import FolderCreate
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
from tests.imap.conftest import message
from tests.migration.conftest import drain


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={
        "migration_allow_private": True, "migration_timeout": 10.0,
        "migration_retry_base": 0.2, "migration_retry_max": 1.0,
        "migration_connect_retries": 1, "migration_progress_interval": 0.0,
        "migration_ca_file": settings.data_dir / "smtp-tls" / "cert.pem",
    })


async def _mailbox(runtime: Runtime, account_id: str) -> set[tuple[str, bytes, bool, bool]]:
    """(folder path, bytes, seen, flagged) of every message."""
    async with runtime.db.session(write=False) as session:
        folders = {f.id: f for f in (await session.execute(
            select(MailFolder).where(MailFolder.account_id == account_id))).scalars()}
        rows = (await session.execute(
            select(MailMessage).where(MailMessage.account_id == account_id))).scalars().all()

    def path(f: MailFolder) -> str:
        return (path(folders[f.parent_id]) + "/" if f.parent_id else "") + (f.role or f.name)

    return {(path(folders[m.folder_id]), await runtime.blobs.read_all(m.blob_sha256), m.seen,
             m.flagged) for m in rows}


async def test_migration_copies_a_mailbox_from_mailplane_imap_byte_identical(
    imap: ImapServer, org: OrgHandle, other_org: OrgHandle, runtime: Runtime,
    client: httpx.AsyncClient,
) -> None:
    alice = await org.add_account("alice")
    target = await other_org.add_account("alice")
    async with runtime.db.session() as session:
        account = await session.get(Account, alice.id)
        assert account is not None
        work = await create_folder(session, account, FolderCreate(name="工作"))
        projects = await create_folder(session, account,
                                       FolderCreate(name="项目", parent_id=work.id))
        for i in range(6):
            await append_message(session, runtime, account, message(f"收件 {i}", f"正文 {i}"),
                                 flags={"seen": i % 2 == 0, "flagged": i == 3})
        await append_message(session, runtime, account, message("项目周报", "进展"),
                             folder_id=projects.id, flags={"seen": True})
        await append_message(session, runtime, account, message("sent", "x"), role="sent",
                             flags={"seen": True})
    resp = await client.post("/v1/directory/migrations", headers=await other_org.headers(),
                             json={"accounts": [{"account": target.address, "source": {
                                 "host": "127.0.0.1", "port": imap.ports["imaps"],
                                 "security": "tls", "username": alice.address,
                                 "password": ADMIN_PASSWORD}}]})
    assert resp.status_code == 202, resp.text
    done = await drain(runtime, resp.json()["id"])
    assert done.status == "completed", done.error
    source = await _mailbox(runtime, alice.id)
    copied = await _mailbox(runtime, target.id)
    assert len(source) == 8
    assert copied == source
