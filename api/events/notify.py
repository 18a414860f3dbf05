"""In-process wake-ups when events commit, so streams and the webhook dispatcher react at
once instead of on their next poll. Other processes' commits are seen by polling.

A SQLAlchemy session hook notes which organisations got events during a flush and signals
them after the commit; listeners wait on an `asyncio.Event` per organisation (or `"*"`).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from api.storage.models import Event

ANY = "*"
_lock = threading.Lock()
_listeners: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}


def listen(org_id: str) -> tuple[asyncio.AbstractEventLoop, asyncio.Event]:
    """Register interest in `org_id` (or ANY); call `unlisten` with the result when done."""
    token = (asyncio.get_running_loop(), asyncio.Event())
    with _lock:
        _listeners.setdefault(org_id, set()).add(token)
    return token


def unlisten(org_id: str, token: tuple[asyncio.AbstractEventLoop, asyncio.Event]) -> None:
    with _lock:
        group = _listeners.get(org_id)
        if group is not None:
            group.discard(token)
            if not group:
                _listeners.pop(org_id, None)


def notify(org_ids: Iterable[str]) -> None:
    with _lock:
        targets = [t for key in (*org_ids, ANY) for t in _listeners.get(key, ())]
    for loop, flag in targets:
        try:
            loop.call_soon_threadsafe(flag.set)
        except RuntimeError:  # its loop has closed
            pass


@sa_event.listens_for(Session, "after_flush")
def _note_events(session: Session, _ctx: Any) -> None:
    orgs = {obj.org_id for obj in session.new if isinstance(obj, Event)}
    if orgs:
        session.info.setdefault("mp_event_orgs", set()).update(orgs)


@sa_event.listens_for(Session, "after_commit")
def _signal(session: Session) -> None:
    orgs = session.info.pop("mp_event_orgs", None)
    if orgs:
        notify(orgs)


@sa_event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop("mp_event_orgs", None)
