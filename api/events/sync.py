"""Delta sync over the event log: one `changes_since` for every collection.

A state is an opaque token for a position in the organisation's event log. Starting out:
call `…/changes` without `since` to get the current state, then list the collection, then
poll `…/changes?since=<state>`. A state whose events were purged (retention) is a 410
`resync_required`: list again and start over.

Another team adds delta sync to its collection like this:

    @router.get("/changes", response_model=Changes)
    async def list_message_changes(
        account: str, principal: MailRead, session: DbSession,
        since: SinceParam = None, limit: ChangesLimit = DEFAULT_CHANGES,
    ) -> Changes:
        \"\"\"Messages created, updated or deleted since a state.\"\"\"
        owner = await resolve_account(session, principal, account)
        return await changes_since(
            session, principal.org_id, types=["mail.message.*"], since=since, limit=limit,
            account_id=owner.id, created_verbs=("received", "sent", "imported"),
        )
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import MalformedRequest, ResyncRequired
from api.events import repository
from api.events.retention import check_resumable, purged_through
from api.events.types import pattern_clause
from api.i18n import Msg
from api.storage.models import Event
from schemas.events import Changes

DEFAULT_CHANGES = 500
MAX_CHANGES = 2000

SinceParam = Annotated[
    str | None,
    Query(
        max_length=100,
        description="A state from an earlier answer; omit it to get the current state.",
    ),
]
ChangesLimit = Annotated[
    int, Query(ge=1, le=MAX_CHANGES, description="Most changes in one answer (1-2000).")
]


def encode_state(sequence: int) -> str:
    return base64.urlsafe_b64encode(f"s1:{sequence}".encode()).decode().rstrip("=")


def decode_state(state: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(state + "=" * (-len(state) % 4)).decode()
        tag, _, number = raw.partition(":")
        if tag != "s1" or not number.isdigit():
            raise ValueError(state)
        return int(number)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedRequest("`since` is not a state this API issued.", param="since") from exc


def default_id(data: dict[str, Any], type_: str) -> str | None:
    """`data.id`, or `data.<resource>_id` for events that name it that way."""
    parts = type_.split(".")
    value = data.get("id") or (data.get(f"{parts[1]}_id") if len(parts) >= 3 else None)
    return str(value) if value else None


def _kind(verb: str, created: Iterable[str], deleted: Iterable[str]) -> str:
    if verb in created:
        return "created"
    if verb in deleted:
        return "deleted"
    return "updated"


async def changes_since(
    session: AsyncSession,
    org_id: str,
    *,
    types: list[str],
    since: str | None,
    limit: int = DEFAULT_CHANGES,
    account_id: str | None = None,
    where: list[ColumnElement[bool]] | None = None,
    created_verbs: Iterable[str] = (),
    deleted_verbs: Iterable[str] = (),
    id_of: Callable[[dict[str, Any], str], str | None] = default_id,
) -> Changes:
    """Ids created, updated and deleted since `since` among events matching `types`.

    `created` and `deleted` verbs extend the defaults (`created`, `deleted`); every other verb
    counts as an update. An id created and deleted within the window is left out.
    """
    created = {"created", *created_verbs}
    deleted = {"deleted", *deleted_verbs}
    top = await repository.head(session, org_id)
    if since is None:
        return Changes(
            since_state=None,
            new_state=encode_state(top),
            created=[],
            updated=[],
            deleted=[],
            has_more=False,
        )
    position = decode_state(since)
    if position > top:
        raise ResyncRequired("This state is not from this organisation's log.", param="since")
    await check_resumable(session, org_id, position, what=Msg("state"), param="since")
    clauses = [pattern_clause(types), *(where or [])]
    if account_id is not None:
        clauses.append(Event.data["account_id"].as_string() == account_id)
    rows = await repository.after(
        session, org_id, position, where=clauses, limit=limit + 1, upto=top
    )
    has_more = len(rows) > limit
    rows = rows[:limit]
    out = _fold(rows, id_of, created, deleted)
    new_position = rows[-1].sequence if has_more else top
    return Changes(
        since_state=since, new_state=encode_state(new_position), has_more=has_more, **out
    )


def _fold(
    rows: list[Event],
    id_of: Callable[[dict[str, Any], str], str | None],
    created: set[str],
    deleted: set[str],
) -> dict[str, list[str]]:
    """Each id once: created, updated or deleted over the window (created-then-deleted
    ids are left out)."""
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for event in rows:
        rid = id_of(event.data, event.type)
        if rid is None:
            continue
        kind = _kind(event.type.rsplit(".", 1)[-1], created, deleted)
        first.setdefault(rid, kind)
        last[rid] = kind
    out: dict[str, list[str]] = {"created": [], "updated": [], "deleted": []}
    for rid, kind in first.items():
        end = last[rid]
        if kind == "created" and end == "deleted":
            continue
        if kind == "created":
            out["created"].append(rid)
        elif end == "deleted":
            out["deleted"].append(rid)
        else:
            out["updated"].append(rid)
    return out


# ---- one collection's own position (WebDAV sync tokens, RFC 6578) -------------------------


@dataclass(frozen=True)
class CollectionChanges:
    """What changed in one collection since a state, and the collection's state now."""

    created: list[str]
    updated: list[str]
    deleted: list[str]
    new_state: str


async def collection_state(
    session: AsyncSession, org_id: str, *, types: list[str], where: list[ColumnElement[bool]]
) -> str:
    """A state naming the collection's newest change: the sequence of the last event in the
    log that touched it (a change anywhere else leaves it as it is). When none is left in the
    log, the position up to which the log was purged (nothing after it touched it)."""
    last = await repository.last_sequence(session, org_id, [pattern_clause(types), *where])
    if last is None:
        last = await purged_through(session, org_id)
    return encode_state(last)


async def collection_changes(
    session: AsyncSession,
    org_id: str,
    *,
    types: list[str],
    since: str,
    where: list[ColumnElement[bool]],
    deleted_verbs: Iterable[str] = (),
    id_of: Callable[[dict[str, Any], str], str | None] = default_id,
) -> CollectionChanges:
    """Ids changed in one collection since a state from `collection_state` (or an answer of
    this function); the new state is that of the collection's last change, so a change in
    another collection never moves it. A state older than the retained log is a 410
    `resync_required`: the purged part may have touched the collection."""
    position = decode_state(since)
    top = await repository.head(session, org_id)
    if position > top:
        raise ResyncRequired("This state is not from this organisation's log.", param="since")
    await check_resumable(session, org_id, position, what=Msg("state"), param="since")
    rows = await repository.after(
        session, org_id, position, where=[pattern_clause(types), *where], limit=100_000, upto=top
    )
    out = _fold(rows, id_of, {"created"}, {"deleted", *deleted_verbs})
    return CollectionChanges(
        **out, new_state=encode_state(rows[-1].sequence if rows else position)
    )
