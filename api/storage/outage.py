"""Telling "the database is unreachable" apart from every other error, so each door can
answer it the way its protocol says to try later: HTTP 503 with `Retry-After`, SMTP 451,
readiness false. Nothing is acknowledged on that path: the unit of work rolled back (or
never reached the database)."""

from __future__ import annotations

import psycopg
from sqlalchemy import exc as sa_exc

from api.errors import ServiceUnavailable

RETRY_AFTER_SECONDS = 5
SMTP_REPLY = "451 4.3.0 Storage temporarily unavailable, try again later"


class DatabaseUnavailable(ServiceUnavailable):
    code = "database_unavailable"  # type: ignore[misc]
    title = "Database unavailable"  # type: ignore[misc]

    def __init__(self) -> None:
        super().__init__(
            "The database cannot be reached; nothing was changed. Try again shortly.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )


def is_database_outage(error: BaseException) -> bool:
    """True when `error` (or what it wraps) says the connection failed, not the query."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sa_exc.DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(current, sa_exc.TimeoutError):  # no pooled connection came free
            return True
        if isinstance(current, sa_exc.InterfaceError | sa_exc.OperationalError):
            orig = current.orig
            if isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError):
                return True
            if orig is not None and "unable to open database" in str(orig):
                return True
        if isinstance(current, psycopg.OperationalError | psycopg.InterfaceError):
            return True
        if isinstance(current, ConnectionError):
            return True
        current = current.__cause__ or current.__context__
    return False
