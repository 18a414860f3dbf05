"""Wake-ups when changes commit, in this process and in every other one.

Listeners wait on an `asyncio.Event` per *topic*: an organisation id (its events), `ANY`,
`TOKENS` (a token, app or account changed: bearer caches drop their entries) or
`account_topic(id)` (an event about one account's data: IMAP IDLE, the webmail). SQLAlchemy
session hooks note the topics a transaction touches and signal them after its commit; on
PostgreSQL the same topics go out as `NOTIFY mailplane` inside the transaction, so they are
delivered to every process exactly when (and only if) it commits, and `notifier.py`'s
listener turns them back into local wake-ups. On SQLite (one machine) other processes are
seen by polling.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import inspect, text
from sqlalchemy.orm import ORMExecuteState, Session

from api.storage.models import Account, App, Event, Token

ANY = "*"
TOKENS = "tokens"
CHANNEL = "mailplane"
_AUTH_TABLES = {Token.__tablename__, App.__tablename__}  # bulk UPDATE/DELETE statements
_lock = threading.Lock()
_listeners: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}
_generation: dict[str, int] = {}


def account_topic(account_id: str) -> str:
    return f"account:{account_id}"


def listen(topic: str) -> tuple[asyncio.AbstractEventLoop, asyncio.Event]:
    """Register interest in `topic` (or ANY); call `unlisten` with the result when done."""
    token = (asyncio.get_running_loop(), asyncio.Event())
    with _lock:
        _listeners.setdefault(topic, set()).add(token)
    return token


def unlisten(topic: str, token: tuple[asyncio.AbstractEventLoop, asyncio.Event]) -> None:
    with _lock:
        group = _listeners.get(topic)
        if group is not None:
            group.discard(token)
            if not group:
                _listeners.pop(topic, None)


def generation(topic: str) -> int:
    """How many times `topic` was signalled in this process (caches compare it)."""
    return _generation.get(topic, 0)


def notify(topics: Iterable[str]) -> None:
    """Wake this process's listeners of `topics` (and every ANY listener)."""
    topics = list(topics)
    with _lock:
        for topic in topics:
            _generation[topic] = _generation.get(topic, 0) + 1
        targets = [t for key in (*topics, ANY) for t in _listeners.get(key, ())]
    for loop, flag in targets:
        try:
            loop.call_soon_threadsafe(flag.set)
        except RuntimeError:  # its loop has closed
            pass


def wake_all() -> None:
    """Wake every listener (after a gap in cross-process notifications: they re-read)."""
    with _lock:
        for topic in list(_generation):
            _generation[topic] += 1
        _generation[TOKENS] = _generation.get(TOKENS, 0) + 1
        targets = [t for group in _listeners.values() for t in group]
    for loop, flag in targets:
        try:
            loop.call_soon_threadsafe(flag.set)
        except RuntimeError:
            pass


async def publish(session: Any, *topics: str) -> None:
    """Signal `topics` to every process when `session` (an AsyncSession) commits."""
    session.info.setdefault("mp_topics", set()).update(topics)
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            text("SELECT pg_notify(:channel, t) FROM unnest(CAST(:topics AS text[])) AS t"),
            {"channel": CHANNEL, "topics": list(topics)},
        )


def _send(session: Session, topics: set[str]) -> None:
    sent: set[str] = session.info.setdefault("mp_sent", set())
    fresh = topics - sent
    if not fresh or session.get_bind().dialect.name != "postgresql":
        return
    sent.update(fresh)
    session.connection().execute(
        text("SELECT pg_notify(:channel, t) FROM unnest(CAST(:topics AS text[])) AS t"),
        {"channel": CHANNEL, "topics": sorted(fresh)},
    )


@sa_event.listens_for(Session, "after_flush")
def _note_changes(session: Session, _ctx: Any) -> None:
    topics: set[str] = set()
    for obj in session.new:
        if isinstance(obj, Event):
            topics.add(obj.org_id)
            account = (obj.data or {}).get("account_id") if isinstance(obj.data, dict) else None
            if isinstance(account, str):
                topics.add(account_topic(account))
        elif isinstance(obj, Token | App):
            topics.add(TOKENS)
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, Token | App) or (
            isinstance(obj, Account) and session.is_modified(obj)
            and _changed(obj, _PRINCIPAL_FIELDS)
        ):
            topics.add(TOKENS)
    if topics:
        session.info.setdefault("mp_topics", set()).update(topics)
        _send(session, topics)


# What a cached principal carries of its account (api/identity/bearer.load_principal):
# a change to any of them, by an administrator or the person, empties every process's cache.
_PRINCIPAL_FIELDS = ("status", "role", "address", "display_name", "locale", "time_zone")


def _changed(obj: Any, names: tuple[str, ...]) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


@sa_event.listens_for(Session, "do_orm_execute")
def _note_statements(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in _AUTH_TABLES:
        session = state.session
        session.info.setdefault("mp_topics", set()).add(TOKENS)
        _send(session, {TOKENS})


@sa_event.listens_for(Session, "after_commit")
def _signal(session: Session) -> None:
    session.info.pop("mp_sent", None)
    topics = session.info.pop("mp_topics", None)
    if topics:
        notify(topics)


@sa_event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop("mp_topics", None)
    session.info.pop("mp_sent", None)
