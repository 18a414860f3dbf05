"""First use of a mailbox under concurrency: the webmail's first load asks for the folders
and the messages at once, deliveries and IMAP may arrive at the same moment; whatever the
interleaving, an account ends up with exactly one folder per system role."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select

from api.mail.mailbox.service import ROLES, ensure_mailbox, system_folder
from api.mail.settings import repository as settings_repository
from api.storage.models import Mailbox, MailFolder
from tests.factories.mail import deliver_to, simple_message

N = 8
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


async def _roles(runtime, account_id: str) -> dict[str | None, int]:  # type: ignore[no-untyped-def]
    async with runtime.db.session(write=False) as session:
        rows = await session.execute(
            select(MailFolder.role, func.count())
            .where(MailFolder.account_id == account_id)
            .group_by(MailFolder.role)
        )
        counts = {role: int(n) for role, n in rows.all()}
        assert await session.scalar(
            select(func.count()).select_from(Mailbox).where(Mailbox.account_id == account_id)
        ) == 1
    return counts


async def test_concurrent_first_requests_make_one_folder_per_role(client, org, alice, headers):
    async def folders():  # type: ignore[no-untyped-def]
        return await client.get(url(alice.address, "/folders"), headers=headers)

    async def messages():  # type: ignore[no-untyped-def]
        return await client.get(url(alice.address, "/messages"), headers=headers)

    async def inbox():  # type: ignore[no-untyped-def]
        return await client.get(url(alice.address, "/messages?q=in:inbox"), headers=headers)

    async def counts():  # type: ignore[no-untyped-def]
        return await client.get(url(alice.address, "/counts"), headers=headers)

    calls = [f() for _ in range(N) for f in (folders, messages, inbox, counts)]
    answers = await asyncio.gather(*calls)
    assert [r.status_code for r in answers] == [200] * len(answers), [
        r.text for r in answers if r.status_code != 200
    ]
    assert await _roles(org.runtime, alice.id) == dict.fromkeys(ROLES, 1)
    # every answer that listed folders saw the one set that was kept
    listed = [r.json()["data"] for r in answers[0::4]]
    ids = {tuple(sorted(f["id"] for f in data)) for data in listed}
    assert len(ids) == 1 and len(next(iter(ids))) == len(ROLES)


async def test_concurrent_ensure_mailbox_from_many_sessions(org, alice):
    runtime = org.runtime
    gate = asyncio.Event()

    async def first_use() -> str:
        async with runtime.db.session() as session:
            await gate.wait()  # every session open before any of them looks
            await ensure_mailbox(session, alice.id, alice.org_id)
            return (await system_folder(session, alice.id, alice.org_id, "inbox")).id

    tasks = [asyncio.create_task(first_use()) for _ in range(N)]
    await asyncio.sleep(0)
    gate.set()
    inboxes = await asyncio.gather(*tasks)
    assert len(set(inboxes)) == 1
    assert await _roles(runtime, alice.id) == dict.fromkeys(ROLES, 1)


async def test_concurrent_first_deliveries_share_one_inbox(client, org, bob, headers):
    reports = await asyncio.gather(*[
        deliver_to(org.runtime, simple_message(f"m{i}", f"body {i}"), bob.address)
        for i in range(N)
    ])
    assert all(r.delivered for r in reports)
    assert await _roles(org.runtime, bob.id) == dict.fromkeys(ROLES, 1)
    resp = await client.get(url(bob.address, "/folders"), headers=headers)
    inbox = next(f for f in resp.json()["data"] if f["role"] == "inbox")
    assert inbox["total_count"] == N


async def test_concurrent_creates_of_one_folder_name_make_one(client, alice, headers):
    answers = await asyncio.gather(*[
        client.post(url(alice.address, "/folders"), headers=headers,
                    json={"name": "Receipts" if i % 2 else "receipts"})
        for i in range(N)
    ])
    codes = sorted(r.status_code for r in answers)
    assert codes == [201] + [409] * (N - 1), [r.text for r in answers]
    assert all(r.json()["code"] == "already_exists" for r in answers if r.status_code == 409)
    listed = (await client.get(url(alice.address, "/folders"), headers=headers)).json()["data"]
    assert [f["name"].lower() for f in listed].count("receipts") == 1


async def test_concurrent_first_settings_changes_all_apply(client, org, alice, headers):
    answers = await asyncio.gather(
        client.patch(url(alice.address, "/settings"), headers=headers,
                     json={"signature": "-- Alice"}),
        *[client.patch(url(alice.address, "/settings"), headers=headers,
                       json={"auto_reply": {"subject": f"Away {i}"}}) for i in range(N - 1)],
    )
    assert [r.status_code for r in answers] == [200] * N, [r.text for r in answers]
    final = (await client.get(url(alice.address, "/settings"), headers=headers)).json()
    # no change lost the other's field: the signature stays whatever order they ran in
    assert final["signature"] == "-- Alice"
    assert final["auto_reply"]["subject"].startswith("Away ")


async def test_concurrent_auto_reply_notes_for_one_sender(org, alice):
    runtime = org.runtime
    gate = asyncio.Event()

    async def note(i: int) -> None:
        async with runtime.db.session() as session:
            await gate.wait()
            await settings_repository.note_reply(
                session, alice.id, "ext@example.net", T0 + timedelta(minutes=i))

    tasks = [asyncio.create_task(note(i)) for i in range(N)]
    await asyncio.sleep(0)
    gate.set()
    await asyncio.gather(*tasks)
    async with runtime.db.session(write=False) as session:
        when = await settings_repository.last_reply(session, alice.id, "ext@example.net")
    assert when is not None and T0 <= when <= T0 + timedelta(minutes=N - 1)


async def test_a_missing_system_role_is_added_on_use(org, alice):
    """A mailbox made before a role existed (here: its trash deleted behind the API's
    back) gets the folder on first use of that role, once, from concurrent sessions."""
    runtime = org.runtime
    async with runtime.db.session() as session:
        await ensure_mailbox(session, alice.id, alice.org_id)
    async with runtime.db.session() as session:
        await session.execute(delete(MailFolder).where(
            MailFolder.account_id == alice.id, MailFolder.role == "trash"))

    async def use() -> str:
        async with runtime.db.session() as session:
            return (await system_folder(session, alice.id, alice.org_id, "trash")).id

    assert len(set(await asyncio.gather(*[use() for _ in range(N)]))) == 1
    assert await _roles(runtime, alice.id) == dict.fromkeys(ROLES, 1)
