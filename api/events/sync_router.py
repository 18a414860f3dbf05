"""Delta sync for the directory's collections: `/v1/accounts/changes`, `/v1/departments/changes`,
`/v1/groups/changes`. Listed before the directory's routers so `changes` is never taken for
an `{account}` id."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DbSession, DirectoryRead
from api.events.sync import DEFAULT_CHANGES, ChangesLimit, SinceParam, changes_since
from schemas.events import Changes

router = APIRouter(tags=["sync"])


@router.get("/v1/accounts/changes", response_model=Changes)
async def list_account_changes(
    principal: DirectoryRead,
    session: DbSession,
    since: SinceParam = None,
    limit: ChangesLimit = DEFAULT_CHANGES,
) -> Changes:
    """Accounts created, updated (including frozen and restored) or deleted since `since`.

    Without `since` you get the current state only: take it, list `/v1/accounts`, then poll
    with it. A state past the event retention period is a 410 `resync_required`.
    """
    return await changes_since(
        session,
        principal.org_id,
        types=["directory.account.*"],
        since=since,
        limit=limit,
    )


@router.get("/v1/departments/changes", response_model=Changes)
async def list_department_changes(
    principal: DirectoryRead,
    session: DbSession,
    since: SinceParam = None,
    limit: ChangesLimit = DEFAULT_CHANGES,
) -> Changes:
    """Departments created, updated or deleted since `since` (see `list_account_changes`)."""
    return await changes_since(
        session,
        principal.org_id,
        types=["directory.department.*"],
        since=since,
        limit=limit,
    )


@router.get("/v1/groups/changes", response_model=Changes)
async def list_group_changes(
    principal: DirectoryRead,
    session: DbSession,
    since: SinceParam = None,
    limit: ChangesLimit = DEFAULT_CHANGES,
) -> Changes:
    """Groups created, updated (membership included) or deleted since `since`."""
    return await changes_since(
        session,
        principal.org_id,
        types=["directory.group.*"],
        since=since,
        limit=limit,
    )
