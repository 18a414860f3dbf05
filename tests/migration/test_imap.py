"""Migrating from a real Dovecot over IMAP: folders (SPECIAL-USE, Chinese names in modified
UTF-7, nesting), flags, INTERNALDATE, odd MIME, a 50 MB message, the source left untouched,
the events consumers see, incremental re-runs and dedupe."""

from __future__ import annotations

import imaplib
from datetime import UTC, datetime

import httpx
from sqlalchemy import func, select

from api.storage.models import (
    Event,
    MailFolder,
    MailMessage,
    MigrationAccount,
)
from tests.factories.platform import OrgHandle
from tests.migration.conftest import drain, message, source
from tests.migration.dovecot import Dovecot, mutf7

MAY_2019 = datetime(2019, 5, 1, 8, 0, 0, tzinfo=UTC).timestamp()


async def start(client: httpx.AsyncClient, org: OrgHandle, body: dict) -> dict:  # type: ignore[type-arg]
    resp = await client.post("/v1/directory/migrations", json=body, headers=await org.headers())
    assert resp.status_code == 202, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def folder_map(org: OrgHandle, account_id: str) -> dict[str, MailFolder]:
    async with org.runtime.db.session(write=False) as session:
        rows = (
            (await session.execute(select(MailFolder).where(MailFolder.account_id == account_id)))
            .scalars()
            .all()
        )
    by_id = {f.id: f for f in rows}

    def path(f: MailFolder) -> str:
        return (path(by_id[f.parent_id]) + "/" if f.parent_id else "") + f.name

    return {(f.role or path(f)): f for f in rows}


async def messages_of(org: OrgHandle, account_id: str) -> list[MailMessage]:
    async with org.runtime.db.session(write=False) as session:
        return list(
            (
                await session.execute(
                    select(MailMessage)
                    .where(MailMessage.account_id == account_id)
                    .order_by(MailMessage.seq)
                )
            )
            .scalars()
            .all()
        )


def seed_mailbox(dovecot: Dovecot, user: str) -> None:
    dovecot.add(user, message("unread hello", msgid="a1@old"), internaldate=MAY_2019)
    dovecot.add(user, message("read and flagged", msgid="a2@old"), flags="SF")
    dovecot.add(user, message("answered", msgid="a3@old"), flags="SR")
    dovecot.add(user, message("sent one", msgid="s1@old"), folder="Sent Messages", flags="S")
    dovecot.add(
        user, message("草稿", msgid="d1@old", body="未完成的草稿\r\n"), folder="草稿箱", flags="SD"
    )
    dovecot.add(user, message("spam", msgid="j1@old"), folder="垃圾邮件")
    dovecot.add(user, message("bin", msgid="t1@old"), folder="Deleted Messages", flags="S")
    dovecot.add(user, message("cn deleted", msgid="t2@old"), folder="已删除", flags="S")
    dovecot.add(user, message("project", msgid="p1@old"), folder="项目/2023", flags="S")
    dovecot.add(user, message("all mail copy", msgid="a1@old"), folder="All Mail")
    dovecot.own(user)


async def test_imap_migration_maps_folders_and_keeps_flags_and_dates(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot
) -> None:
    alice = await org.add_account("alice")
    user = dovecot.new_user()
    seed_mailbox(dovecot, user)

    job = await start(
        client, org, {"accounts": [{"account": alice.address, "source": source(dovecot, user)}]}
    )
    assert job["status"] == "queued" and job["counts"]["accounts_total"] == 1
    done = await drain(org.runtime, job["id"])
    assert done.status == "completed", done.error

    folders = await folder_map(org, alice.id)
    msgs = await messages_of(org, alice.id)
    by_subject = {m.subject: m for m in msgs}
    assert set(by_subject) == {
        "unread hello",
        "read and flagged",
        "answered",
        "sent one",
        "草稿",
        "spam",
        "bin",
        "cn deleted",
        "project",
    }  # All Mail skipped
    assert by_subject["unread hello"].folder_id == folders["inbox"].id
    assert not by_subject["unread hello"].seen
    assert by_subject["unread hello"].received_at == datetime.fromtimestamp(MAY_2019, UTC)
    assert by_subject["read and flagged"].seen and by_subject["read and flagged"].flagged
    assert by_subject["answered"].answered
    assert by_subject["sent one"].folder_id == folders["sent"].id  # SPECIAL-USE \Sent
    assert by_subject["草稿"].folder_id == folders["drafts"].id  # 草稿箱 by name
    assert by_subject["草稿"].draft
    assert by_subject["spam"].folder_id == folders["junk"].id  # 垃圾邮件 by name
    assert by_subject["bin"].folder_id == folders["trash"].id  # \Trash wins over 已删除
    assert by_subject["cn deleted"].folder_id == folders["已删除"].id
    assert by_subject["project"].folder_id == folders["项目/2023"].id
    assert folders["inbox"].total_count == 3 and folders["inbox"].unread_count == 1

    # the source is untouched: the unread message is still unread there
    imap = imaplib.IMAP4("127.0.0.1", dovecot.imap_port)
    imap.login(user, "secret")
    imap.select("INBOX", readonly=True)
    _, data = imap.search(None, "UNSEEN")
    assert len(data[0].split()) == 1
    imap.logout()

    resp = await client.get(
        f"/v1/directory/migrations/{job['id']}/accounts", headers=await org.headers()
    )
    account = resp.json()["data"][0]
    assert account["status"] == "completed" and account["messages_done"] == 9
    assert account["messages_total"] == 9  # All Mail is skipped, not counted
    by_source = {f["source"]: f for f in account["folders"]}
    assert by_source["All Mail"]["status"] == "skipped"
    assert by_source["项目/2023"]["status"] == "done"
    assert "password" not in resp.text
    async with org.runtime.db.session(write=False) as session:
        item = await session.scalar(
            select(MigrationAccount).where(MigrationAccount.migration_id == job["id"])
        )
        assert item is not None and item.secret is None  # wiped when done
        types = dict(
            (
                await session.execute(
                    select(Event.type, func.count())
                    .where(Event.org_id == org.id)
                    .group_by(Event.type)
                )
            ).all()
        )
    assert types.get("mail.message.imported") == 9
    assert "mail.message.received" not in types
    assert types.get("directory.migration.completed") == 1
    assert types.get("directory.migration.progress", 0) >= 1

    # a second migration of the same source imports only what is new
    dovecot.add(user, message("after the MX switch", msgid="new1@old"))
    dovecot.own(user)
    again = await start(
        client, org, {"accounts": [{"account": alice.address, "source": source(dovecot, user)}]}
    )
    await drain(org.runtime, again["id"])
    resp = await client.get(f"/v1/directory/migrations/{again['id']}", headers=await org.headers())
    counts = resp.json()["counts"]
    assert counts["messages_imported"] == 1 and counts["messages_total"] == 1
    assert len(await messages_of(org, alice.id)) == 10


def test_mutf7_helper_matches_the_well_known_encoding() -> None:
    assert mutf7("已发送") == "&XfJT0ZAB-"
    assert mutf7("A&B") == "A&-B"
