"""A migration's batches are hashed, parsed and tokenised for the index in a parsing
process (`api/migration/parsing.py`): what lands in the mailbox and its search index is
what the store makes when it parses and tokenises itself, and a broken pool costs nothing
but the speed."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from api.mail.mime import parse_message
from api.mail.search import index
from api.migration import parsing
from api.migration.sources import Fetched
from api.storage.models import MailMessage
from tests.factories.platform import OrgHandle
from tests.migration.conftest import drain, message, source
from tests.migration.dovecot import Dovecot

COUNT = 60  # batches of 50 in these tests: one batch for the pool, one under POOL_MIN


def raw_of(i: int) -> bytes:
    body = f"Lorem ipsum 第{i}号 邮件系统迁移 dolor Café résumé entry{i}.\r\n" * 20
    return message(f"Report {i} 报告", msgid=f"pool{i}@old", body=body)


async def test_a_pooled_batch_is_stored_byte_for_byte_and_found_by_search(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsing, "PROCESSES", 1)  # a pool even on a one-core machine
    used: list[int] = []
    real_make = parsing.make

    def counting_get() -> Any:
        executor = real_get()
        used.append(1 if executor is not None else 0)
        return executor

    real_get = parsing._Pool.get
    monkeypatch.setattr(parsing._Pool, "get", staticmethod(counting_get))
    alice = await org.add_account("alice")
    user = dovecot.new_user()
    raws = [raw_of(i) for i in range(COUNT)]
    for raw in raws:
        dovecot.add(user, raw, flags="S")
    dovecot.own(user)

    resp = await client.post(
        "/v1/directory/migrations",
        json={"accounts": [{"account": alice.address, "source": source(dovecot, user)}]},
        headers=await org.headers(),
    )
    assert resp.status_code == 202, resp.text
    done = await drain(org.runtime, resp.json()["id"])
    assert done.status == "completed", done.error
    assert used == [1]  # the batch of 50 went to the pool, the batch of 10 did not
    assert real_make is parsing.make

    async with org.runtime.db.session(write=False) as session:
        rows = (await session.execute(
            select(MailMessage).where(MailMessage.account_id == alice.id)
            .order_by(MailMessage.seq)
        )).scalars().all()
    by_subject = {r.subject: r for r in rows}
    assert len(rows) == COUNT and set(by_subject) == {f"Report {i} 报告" for i in range(COUNT)}
    for i, raw in enumerate(raws):  # (the peer's UID order is not the order they were added)
        row = by_subject[f"Report {i} 报告"]
        assert await org.runtime.blobs.read_all(row.blob_sha256) == raw
        assert row.seen and row.size == len(raw)

    async def search(q: str) -> list[str]:
        got = await client.get(f"/v1/accounts/{alice.address}/mail/messages",
                               params={"q": q, "limit": 100}, headers=await org.headers())
        assert got.status_code == 200, got.text
        return sorted(m["subject"] for m in got.json()["data"])

    pooled, threaded = rows[0].subject, rows[-1].subject  # first batch of 50, last of 10
    assert await search(f"entry{pooled.split()[1]}") == [pooled]
    assert await search(f"entry{threaded.split()[1]}") == [threaded]
    assert await search("subject:报告 系统迁") == sorted(f"Report {i} 报告" for i in range(COUNT))
    assert await search('"第3号"') == ["Report 3 报告"]
    assert await search("cafe resume") == sorted(f"Report {i} 报告" for i in range(COUNT))


def test_the_entry_made_ahead_is_the_one_the_store_makes() -> None:
    for i in (0, 1, 2):
        parsed = parse_message(raw_of(i) + ("Ünïcödé 한국어 かな\r\n" * i).encode())
        fresh = index.document(parsed)
        ahead = index.made_ahead(parsed, "sqlite")
        assert index.document(ahead) is ahead.search
        assert index._fts_row(1, "acc_x", ahead.search) == index._fts_row(1, "acc_x", fresh)
        pg = index.made_ahead(parsed, "postgresql")
        assert pg.search is not None
        assert pg.search.tsvector == index.tsvector_literal(fresh)
        # a Bcc other than the parsed one (an API send's copy) is tokenised afresh
        other = index.document(ahead, [{"name": "", "address": "hidden@x.test"}])
        assert other is not ahead.search and "hidden@x.test" in other.recipients


async def test_a_broken_pool_falls_back_to_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            raise BrokenProcessPool("a parsing process was killed")

    dropped: list[bool] = []
    monkeypatch.setattr(parsing._Pool, "get", staticmethod(lambda: Broken()))
    monkeypatch.setattr(parsing._Pool, "broken", staticmethod(lambda: dropped.append(True)))
    batch = [Fetched(ref=i, size=len(raw_of(i)), raw=raw_of(i)) for i in range(parsing.POOL_MIN)]
    batch.append(Fetched(ref=999, size=10, gone=True))
    prepared = await parsing.prepare(batch, "sqlite")
    assert dropped == [True]
    assert [p.fetched for p in prepared] == batch
    assert prepared[-1].parsed is None and prepared[-1].sha == ""
    expected = parsing.make([raw_of(i) for i in range(parsing.POOL_MIN)], "sqlite")
    for p, made in zip(prepared, expected, strict=False):
        assert made is not None
        assert (p.sha, p.body_sha, p.message_id) == (made[0], made[1], made[2].message_id)


async def test_no_processes_to_start_means_threads_from_then_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Unstartable:
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            raise OSError("no /dev/shm")

        def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
            pass

    monkeypatch.setattr(parsing._Pool, "failed", False)
    monkeypatch.setattr(parsing._Pool, "executor", Unstartable())
    monkeypatch.setattr(parsing, "PROCESSES", 1)
    batch = [Fetched(ref=i, size=len(raw_of(i)), raw=raw_of(i)) for i in range(parsing.POOL_MIN)]
    prepared = await parsing.prepare(batch, "postgresql")
    assert parsing._Pool.failed and parsing._Pool.get() is None
    assert all(p.parsed is not None and p.sha for p in prepared)
    first = prepared[0].parsed
    assert isinstance(first, index.IndexedMessage) and first.search is not None
    assert first.search.tsvector == index.tsvector_literal(index.document(parse_message(raw_of(0))))
