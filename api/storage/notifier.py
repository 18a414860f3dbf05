"""The cross-process half of `notify`: one PostgreSQL connection per process that LISTENs
on the `mailplane` channel and turns each notification into a local wake-up; and the
`Notifier` face the protocol edges use (event stream, GraphQL subscriptions, bearer caches,
IMAP IDLE, the webmail's live view).

    async with runtime.notifier.subscribe(notify.account_topic(account_id)) as sub:
        while True:
            ...read what changed since your position...
            await sub.wait(timeout=29 * 60)   # True: something committed (or a gap: re-read)

    await runtime.notifier.publish(session, "my:topic")   # delivered if the session commits

A lost listener connection reconnects with backoff; since notifications sent meanwhile
are gone, every listener is woken once it is back so it re-reads from its own position.
Delivery is therefore "at least one wake-up after each commit", never a data channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from api.storage import notify

log = logging.getLogger("mailplane.notifier")


@dataclass
class Subscription:
    """Wake-ups for a set of topics; `wait` returns True when one was signalled."""

    topics: tuple[str, ...]
    tokens: list[tuple[str, tuple[asyncio.AbstractEventLoop, asyncio.Event]]]
    flag: asyncio.Event

    async def wait(self, timeout: float | None = None) -> bool:
        try:
            await asyncio.wait_for(self.flag.wait(), timeout)
        except TimeoutError:
            return False
        self.flag.clear()
        return True


class Notifier:
    """Cross-process wake-ups through the database that is already there."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.is_postgres = database_url.startswith("postgresql")
        self._task: asyncio.Task[None] | None = None
        self._ready: asyncio.Event | None = None

    @property
    def listening(self) -> bool:
        return self._ready is not None and self._ready.is_set()

    async def start(self, *, wait: float = 5.0) -> None:
        """Begin listening (PostgreSQL only); waits up to `wait` s for the first LISTEN."""
        if not self.is_postgres:
            return
        loop = asyncio.get_running_loop()
        if self._task is not None and not self._task.done() and self._task.get_loop() is loop:
            return
        self._ready = asyncio.Event()
        self._task = loop.create_task(self._listen(), name="mailplane-notifier")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ready.wait(), wait)

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    @contextlib.asynccontextmanager
    async def subscribe(self, *topics: str) -> AsyncIterator[Subscription]:
        if self.is_postgres:
            await self.start(wait=0)
        flag = asyncio.Event()
        tokens = []
        for topic in topics:
            token = notify.listen(topic)
            tokens.append((topic, token))
        sub = Subscription(topics, tokens, flag)
        relay = asyncio.create_task(_relay([t for _, t in tokens], flag))
        try:
            yield sub
        finally:
            relay.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await relay
            for topic, token in tokens:
                notify.unlisten(topic, token)

    async def publish(self, session: AsyncSession, *topics: str) -> None:
        await notify.publish(session, *topics)

    async def _listen(self) -> None:
        url = make_url(self.url)
        # the engine's own reading of the URL (several hosts, target_session_attrs, options)
        args, kwargs = url.get_dialect()().create_connect_args(url)
        delay = 0.1
        first = True
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(
                    *args, **{"connect_timeout": 5, **kwargs}, autocommit=True)
                async with conn:
                    await conn.execute(f"LISTEN {notify.CHANNEL}")
                    assert self._ready is not None
                    self._ready.set()
                    if not first:
                        notify.wake_all()  # notifications sent while we were away are lost
                    first = False
                    delay = 0.1
                    async for message in conn.notifies():
                        notify.notify([message.payload])
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self._ready is not None:
                    self._ready.clear()
                log.warning("notification listener lost its connection: %s", type(exc).__name__)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


async def _relay(
    tokens: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]], flag: asyncio.Event
) -> None:
    async def one(event: asyncio.Event) -> None:
        while True:
            await event.wait()
            event.clear()
            flag.set()

    await asyncio.gather(*(one(event) for _, event in tokens))


def describe_state(notifier: Notifier) -> dict[str, Any]:
    return {"backend": "postgresql" if notifier.is_postgres else "local",
            "listening": notifier.listening if notifier.is_postgres else True}
