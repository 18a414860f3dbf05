"""Wake-ups for IDLE: one poller per process reads the modseq of every mailbox someone is
idling on (one query, every `imap_idle_poll` seconds, and at once when this process
commits an event), and wakes the sessions whose mailbox changed. A change through the API,
a delivery or another IMAP process so reaches an idling client within about a poll."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from api.imap.mailstore import MailStore
from api.storage import notify

log = logging.getLogger("mailplane.imap")


class MailboxWatcher:
    def __init__(self, store: MailStore, poll: float) -> None:
        self.store = store
        self.poll = poll
        self._waiters: dict[str, set[asyncio.Event]] = {}
        self._seen: dict[str, int] = {}
        self._task: asyncio.Task[None] | None = None
        self._token: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None

    def start(self) -> None:
        self._token = notify.listen(notify.ANY)
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._token is not None:
            notify.unlisten(notify.ANY, self._token)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def watch(self, account_id: str, modseq: int) -> asyncio.Event:
        flag = asyncio.Event()
        self._waiters.setdefault(account_id, set()).add(flag)
        self._seen.setdefault(account_id, modseq)
        self._seen[account_id] = min(self._seen[account_id], modseq)
        if self._token is not None:
            self._token[1].set()  # check at once: something may have changed already
        return flag

    def unwatch(self, account_id: str, flag: asyncio.Event) -> None:
        group = self._waiters.get(account_id)
        if group is None:
            return
        group.discard(flag)
        if not group:
            self._waiters.pop(account_id, None)
            self._seen.pop(account_id, None)

    async def _run(self) -> None:
        assert self._token is not None
        wake = self._token[1]
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=self.poll)
            wake.clear()
            if not self._waiters:
                continue
            try:
                current = await self.store.modseqs(list(self._waiters))
            except Exception:  # the database may be away for a moment; try again
                log.warning("idle poll failed", exc_info=True)
                await asyncio.sleep(self.poll)
                continue
            for account_id, modseq in current.items():
                if modseq != self._seen.get(account_id, modseq):
                    self._seen[account_id] = modseq
                    for flag in self._waiters.get(account_id, ()):
                        flag.set()
