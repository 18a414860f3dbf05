"""On SQLite, run a read request again as a writer when it had to write and lost the lock.

GET handlers run in a deferred (read) transaction. A few create rows on first use (an
account's mailbox, a default calendar); if another writer (the worker, another request)
committed since that transaction first read, SQLite cannot upgrade it and answers
"database is locked" at once, whatever the busy timeout. Such a request is run again
from the start in a `BEGIN IMMEDIATE` transaction, which waits for the lock instead.
Nothing has been sent yet when this happens; a response already started is never retried.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import OperationalError

log = logging.getLogger("mailplane.db")

#: Set in the ASGI scope for the second run; `api.deps.get_session` then opens a writer.
WRITE_KEY = "mailplane.sqlite_write"
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def lost_write_lock(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


class SqliteReadRetryMiddleware:
    def __init__(self, app: Any, enabled: bool) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if not self.enabled or scope["type"] != "http" or scope["method"] not in READ_METHODS:
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started or not lost_write_lock(exc):
                raise
            log.info(
                "read request wrote and lost the lock; running it again as a writer",
                extra={"fields": {"path": scope["path"]}},
            )
            await self.app({**scope, WRITE_KEY: True}, receive, send)
