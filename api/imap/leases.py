"""Signed-in connections per account, counted across every IMAP and POP3 process through
the database: a process claims a row at sign-in (refused when the account already holds
its limit), renews all its claims in one UPDATE every third of a lease, and drops a claim
at sign-out; a SIGKILLed process's claims lapse when their lease runs out.

    leases = ConnectionLeases(runtime, "imap")
    leases.start()
    lease = await leases.claim(account_id, limit)   # None: over the limit
    ...
    await leases.release(lease)
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from datetime import timedelta

from sqlalchemy import delete, func, select, update

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import MailClientConnection

log = logging.getLogger("mailplane.imap")


class ConnectionLeases:
    def __init__(self, runtime: Runtime, protocol: str) -> None:
        self.db = runtime.db
        self.protocol = protocol
        self.lease = timedelta(seconds=runtime.settings.imap_connection_lease)
        self.holder = f"{socket.gethostname()[:40]}:{os.getpid()}:{new_id('h')[-8:]}"
        self._task: asyncio.Task[None] | None = None
        self.held = 0

    def start(self) -> None:
        self._task = asyncio.create_task(self._renew())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        with contextlib.suppress(Exception):
            async with self.db.session() as session:
                await session.execute(delete(MailClientConnection).where(
                    MailClientConnection.holder == self.holder))

    async def claim(self, account_id: str, limit: int) -> str | None:
        """A lease id, or None when the account holds `limit` live connections already. The
        row goes in first and is counted after: two processes racing for the last place
        may both be refused, never both admitted."""
        lease_id = new_id("mcc")
        now = utcnow()
        async with self.db.session() as session:
            session.add(MailClientConnection(id=lease_id, account_id=account_id,
                                             protocol=self.protocol, holder=self.holder,
                                             expires_at=now + self.lease))
        async with self.db.session(write=False) as session:
            count = await session.scalar(
                select(func.count()).select_from(MailClientConnection).where(
                    MailClientConnection.account_id == account_id,
                    MailClientConnection.expires_at > now))
        if int(count or 0) > limit:
            await self._delete(lease_id)
            return None
        self.held += 1
        return lease_id

    async def release(self, lease_id: str) -> None:
        self.held = max(0, self.held - 1)
        with contextlib.suppress(Exception):  # else it lapses with its lease
            await self._delete(lease_id)

    async def _delete(self, lease_id: str) -> None:
        async with self.db.session() as session:
            await session.execute(
                delete(MailClientConnection).where(MailClientConnection.id == lease_id))

    async def _renew(self) -> None:
        every = self.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(every)
            now = utcnow()
            try:
                async with self.db.session() as session:
                    if self.held:
                        await session.execute(
                            update(MailClientConnection)
                            .where(MailClientConnection.holder == self.holder)
                            .values(expires_at=now + self.lease))
                    # lapsed claims of processes that died
                    await session.execute(delete(MailClientConnection).where(
                        MailClientConnection.expires_at < now - self.lease))
            except Exception:  # the database may be away for a moment; renew next round
                log.warning("connection lease renewal failed", exc_info=True)
