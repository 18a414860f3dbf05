"""Telling "the database is unreachable" apart from every other error, so each door can
answer it the way its protocol says to try later: HTTP 503 with `Retry-After`, SMTP 451,
readiness false. Nothing is acknowledged on that path: the unit of work rolled back (or
never reached the database).

A deadlock or serialization failure (SQLSTATE 40P01, 40001) is told apart from an outage:
PostgreSQL chose this transaction to roll back so a concurrent one could finish. The answer
is also 503 with `Retry-After` (the same request, sent again, succeeds), but its words say
what happened: nothing is wrong with the database. psycopg raises both as an
`OperationalError`, which is why the order of the checks matters."""

from __future__ import annotations

import psycopg
from sqlalchemy import exc as sa_exc

from api.errors import ServiceUnavailable
from api.i18n import _

RETRY_AFTER_SECONDS = 5
CONFLICT_RETRY_AFTER_SECONDS = 1
SMTP_REPLY = "451 4.3.0 Storage temporarily unavailable, try again later"


class DatabaseUnavailable(ServiceUnavailable):
    code = "database_unavailable"  # type: ignore[misc]
    title = "Database unavailable"  # type: ignore[misc]

    def __init__(self) -> None:
        super().__init__(
            _("The database cannot be reached; nothing was changed. Try again shortly."),
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )


class TransactionConflict(ServiceUnavailable):
    code = "transaction_conflict"  # type: ignore[misc]
    title = "Concurrent change"  # type: ignore[misc]

    def __init__(self) -> None:
        super().__init__(
            _(
                "Another change to the same data was being saved at the same moment; "
                "nothing was changed. Try again."
            ),
            headers={"Retry-After": str(CONFLICT_RETRY_AFTER_SECONDS)},
        )


_CONFLICT_STATES = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure


def _chain(error: BaseException) -> list[BaseException]:
    seen: set[int] = set()
    out: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        out.append(current)
        current = current.__cause__ or current.__context__
    return out


def is_transaction_conflict(error: BaseException) -> bool:
    """True when the database rolled this transaction back to let a concurrent one finish."""
    for current in _chain(error):
        orig = current.orig if isinstance(current, sa_exc.DBAPIError) else current
        if isinstance(orig, psycopg.Error) and orig.sqlstate in _CONFLICT_STATES:
            return True
    return False


def is_database_outage(error: BaseException) -> bool:
    """True when `error` (or what it wraps) says the connection failed, not the query."""
    if is_transaction_conflict(error):
        return False
    for current in _chain(error):
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
    return False
