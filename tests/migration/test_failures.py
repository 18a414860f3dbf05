"""Clear job errors (wrong password, unreachable host, bad input), POP3, and a Dovecot
killed mid-migration: the job backs off, resumes and ends with no duplicates."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import func, select

from api.migration import imap_source, importer
from api.storage.models import MailMessage, MigrationAccount
from tests.factories.platform import OrgHandle
from tests.migration.conftest import drain, message, source
from tests.migration.dovecot import Dovecot, free_port


async def start(client: httpx.AsyncClient, org: OrgHandle, body: dict) -> dict:  # type: ignore[type-arg]
    resp = await client.post("/v1/directory/migrations", json=body, headers=await org.headers())
    assert resp.status_code == 202, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def item_of(org: OrgHandle, migration_id: str) -> MigrationAccount:
    async with org.runtime.db.session(write=False) as session:
        item = await session.scalar(
            select(MigrationAccount).where(MigrationAccount.migration_id == migration_id)
        )
    assert item is not None
    return item


async def test_wrong_password_fails_the_account_with_a_clear_error(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot
) -> None:
    bob = await org.add_account("bob")
    job = await start(
        client,
        org,
        {
            "accounts": [
                {
                    "account": bob.address,
                    "source": source(dovecot, dovecot.new_user(), password="wrong"),
                }
            ]
        },
    )
    done = await drain(org.runtime, job["id"], timeout=60)
    assert done.status == "failed"
    item = await item_of(org, job["id"])
    assert item.error_code == "source_auth_failed"
    assert "rejected the user name or password" in (item.error or "")
    assert item.secret is None


async def test_unreachable_host_fails_after_its_retries(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot
) -> None:
    carol = await org.add_account("carol")
    job = await start(
        client,
        org,
        {
            "accounts": [
                {
                    "account": carol.address,
                    "source": source(dovecot, "x@peer.test", port=free_port()),
                }
            ]
        },
    )
    done = await drain(org.runtime, job["id"], timeout=60)
    assert done.status == "failed"
    item = await item_of(org, job["id"])
    assert item.error_code == "source_unreachable"
    assert "Cannot connect to 127.0.0.1" in (item.error or "")
    assert item.attempts == 2  # the first try and one retry (migration_connect_retries=1)


async def test_implicit_tls_and_starttls_with_a_trusted_certificate(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot
) -> None:
    dave, erin = await org.add_account("dave"), await org.add_account("erin")
    user = dovecot.new_user()
    dovecot.add(user, message("over tls", msgid="tls1@old"))
    dovecot.own(user)
    job = await start(
        client,
        org,
        {
            "accounts": [
                {
                    "account": dave.address,
                    "source": source(
                        dovecot, user, security="tls", port=dovecot.imaps_port, host="localhost"
                    ),
                },
                {
                    "account": erin.address,
                    "source": source(dovecot, user, security="starttls", host="localhost"),
                },
            ]
        },
    )
    done = await drain(org.runtime, job["id"], timeout=60)
    assert done.status == "completed", done.error


async def test_pop3_imports_the_inbox_once(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot
) -> None:
    frank = await org.add_account("frank")
    user = dovecot.new_user()
    for i in range(3):
        dovecot.add(user, message(f"pop {i}", msgid=f"pop{i}@old"))
    dovecot.own(user)
    body = {
        "accounts": [
            {
                "account": frank.address,
                "source": source(dovecot, user, protocol="pop3", port=dovecot.pop3_port),
            }
        ]
    }
    done = await drain(org.runtime, (await start(client, org, body))["id"])
    assert done.status == "completed", done.error
    again = await drain(org.runtime, (await start(client, org, body))["id"])
    assert again.status == "completed"
    async with org.runtime.db.session(write=False) as session:
        count = await session.scalar(
            select(func.count()).select_from(MailMessage).where(MailMessage.account_id == frank.id)
        )
    assert count == 3


async def test_dovecot_killed_mid_migration_resumes_without_duplicates(
    client: httpx.AsyncClient,
    org: OrgHandle,
    dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gina = await org.add_account("gina")
    user = dovecot.new_user()
    for i in range(300):
        dovecot.add(user, message(f"bulk {i}", msgid=f"bulk{i}@old", body=f"number {i}\r\n" * 50))
    dovecot.own(user)
    fetches = {"n": 0}
    real_fetch = imap_source.ImapSource.fetch

    def fetch_then_die(self, refs, sizes):  # type: ignore[no-untyped-def]
        fetches["n"] += 1
        if fetches["n"] == 3:
            dovecot.kill()  # the source dies in the middle of the third batch
        return real_fetch(self, refs, sizes)

    monkeypatch.setattr(imap_source.ImapSource, "fetch", fetch_then_die)
    job = await start(
        client, org, {"accounts": [{"account": gina.address, "source": source(dovecot, user)}]}
    )
    task = asyncio.create_task(drain(org.runtime, job["id"], timeout=120))
    for _ in range(400):
        item = await item_of(org, job["id"])
        if item.error_code is not None:
            break
        await asyncio.sleep(0.05)
    assert item.error_code in ("source_unavailable", "source_unreachable", "source_timeout")
    assert 0 < item.messages_done < 300  # committed batches survive
    dovecot.launch()
    done = await task
    assert done.status == "completed", done.error
    async with org.runtime.db.session(write=False) as session:
        total, distinct = (
            await session.execute(
                select(
                    func.count(), func.count(func.distinct(MailMessage.message_id_header))
                ).where(MailMessage.account_id == gina.id)
            )
        ).one()
    assert total == distinct == 300


async def test_bad_input_is_rejected_with_nothing_written(
    client: httpx.AsyncClient, org: OrgHandle
) -> None:
    hal = await org.add_account("hal")
    headers = await org.headers()
    cases = [
        {
            "accounts": [
                {
                    "account": "nobody@acme.test",
                    "source": {"host": "imap.example.com", "username": "u", "password": "p"},
                }
            ]
        },
        {
            "accounts": [
                {
                    "account": hal.address,
                    "source": {"host": "bad host!", "username": "u", "password": "p"},
                }
            ]
        },
        {"csv": "account,host\nhal@acme.test,imap.example.com\n"},
        {"accounts": [], "csv": "x"},
        {
            "accounts": [
                {
                    "account": hal.address,
                    "source": {
                        "host": "imap.example.com",
                        "username": "u",
                        "password": "p",
                        "org_id": "x",
                    },
                }
            ]
        },
    ]
    for body in cases:
        resp = await client.post("/v1/directory/migrations", json=body, headers=headers)
        assert resp.status_code == 422, (body, resp.text)
    resp = await client.get("/v1/directory/migrations", headers=headers)
    assert resp.json()["data"] == []
    # private addresses are refused unless the installation allows them (tests do)
    resp = await client.post(
        "/v1/directory/migrations",
        headers=headers,
        json={
            "csv": (
                "account,host,port,security,username,password\n"
                f'{hal.address},imap.example.com,993,tls,hal,"p,w"\n'
            )
        },
    )
    assert resp.status_code == 202, resp.text
    again = await client.post(
        "/v1/directory/migrations",
        headers=headers,
        json={
            "csv": (
                "account,host,port,security,username,password\n"
                f"{hal.address},imap.example.com,993,tls,hal,pw\n"
            )
        },
    )
    assert again.status_code == 409 and again.json()["code"] == "migration_in_progress"
    cancel = await client.post(
        f"/v1/directory/migrations/{resp.json()['id']}/cancel", headers=headers
    )
    assert cancel.status_code == 200 and cancel.json()["status"] == "cancelled"
    item = await item_of(org, resp.json()["id"])
    assert item.secret is None and item.status == "cancelled"
    forbidden = await client.get(
        "/v1/directory/migrations", headers=await org.headers("directory:read")
    )
    assert forbidden.status_code == 403


async def test_a_message_that_cannot_be_stored_costs_only_itself(
    client: httpx.AsyncClient,
    org: OrgHandle,
    dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch that fails to store is stored again one message at a time: the bad message
    becomes a recorded failure and its batch-mates arrive; a message over the size limit is
    a recorded failure without being fetched; the job completes."""
    quinn = await org.add_account("quinn")
    user = dovecot.new_user()
    for i in range(30):
        subject = "poison" if i == 7 else f"fine {i}"
        dovecot.add(user, message(subject, msgid=f"iso{i}@old"))
    dovecot.add(user, message("too big", msgid="big@old", body="x" * 5000))
    dovecot.own(user)
    real = importer.store_in_mailbox  # the delivery core's store_batch
    batches: list[int] = []

    async def store_many(session, blobs, account, folder, items, **kw):  # type: ignore[no-untyped-def]
        batches.append(len(items))
        if any(i.parsed.subject == "poison" for i in items):
            raise RuntimeError("the store refused this message")
        return await real(session, blobs, account, folder, items, **kw)

    monkeypatch.setattr(importer, "store_in_mailbox", store_many)
    monkeypatch.setattr(org.runtime.settings, "migration_max_message_bytes", 4000)
    job = await start(
        client, org, {"accounts": [{"account": quinn.address, "source": source(dovecot, user)}]}
    )
    done = await drain(org.runtime, job["id"])
    assert done.status == "completed", done.error
    assert batches[0] == 30  # the first batch was tried whole (the big one is never fetched)
    async with org.runtime.db.session(write=False) as session:
        subjects = set(
            (
                await session.execute(
                    select(MailMessage.subject).where(MailMessage.account_id == quinn.id)
                )
            ).scalars()
        )
    assert subjects == {f"fine {i}" for i in range(30) if i != 7}
    resp = await client.get(
        f"/v1/directory/migrations/{job['id']}/failures", headers=await org.headers()
    )
    failures = {f["code"]: f for f in resp.json()["data"]}
    assert set(failures) == {"store_failed", "too_large"}
    assert failures["too_large"]["size"] > 4000
    item = await item_of(org, job["id"])
    assert item.messages_failed == 2 and item.messages_done == 31
