"""Sign-in locks an administrator sees and clears: the throttle's rows naming the
organisation (its addresses, and client addresses whose failures named it)."""

from __future__ import annotations

import hashlib

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts import throttle
from api.errors import NotFound
from api.events import emit
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.pagination import PageParams
from api.storage.models import LoginThrottle
from schemas.directory import SignInLock


def lock_id(key: str) -> str:
    return "lck_" + hashlib.sha256(key.encode()).hexdigest()[:32]


def lock_schema(row: LoginThrottle) -> SignInLock:
    is_ip = row.key.startswith("ip:")
    locked = row.locked_until is not None and row.locked_until > utcnow()
    return SignInLock(
        id=lock_id(row.key), kind="ip" if is_ip else "address",
        address=None if is_ip else row.address, ip=row.key[3:] if is_ip else None,
        failures=row.failures, last_failure_at=row.last_failure_at,
        locked_until=row.locked_until, locked=locked,
    )


async def list_locks(
    session: AsyncSession, org_id: str, page: PageParams, *, locked_only: bool = False
) -> tuple[list[SignInLock], str | None]:
    rows, cursor = await throttle.list_locks(session, org_id, page, locked_only=locked_only)
    return [lock_schema(r) for r in rows if r.key.startswith(("addr:", "ip:"))], cursor


async def clear_lock(
    session: AsyncSession, org_id: str, ref: str, *, actor: Principal, ip: str | None
) -> None:
    """Forget the failures behind one lock (`lck_…` id, or an address of the organisation):
    the next sign-in is judged afresh. Audited, and `directory.sign_in_lock.cleared` emitted."""
    key = await _key_of(session, org_id, ref)
    row = await throttle.org_row(session, org_id, key) if key else None
    if row is None:
        raise NotFound("No sign-in lock of this organisation has this id.", param="lock_id")
    out = lock_schema(row)
    await throttle.forget(session, row.key)
    await record(
        session, org_id=org_id, action="sign_in_lock.cleared", actor=actor, ip=ip,
        target_type="sign_in_lock", target_id=out.id,
        details={"kind": out.kind, "address": out.address, "ip": out.ip, "failures": out.failures},
    )
    await emit(session, org_id, "directory.sign_in_lock.cleared",
               {"id": out.id, "kind": out.kind, "address": out.address, "ip": out.ip})


async def _key_of(session: AsyncSession, org_id: str, ref: str) -> str | None:
    if "@" in ref:
        return throttle.address_key(ref)
    if not ref.startswith("lck_"):
        return None
    page = PageParams(limit=500)
    while True:
        rows, cursor = await throttle.list_locks(session, org_id, page, locked_only=False)
        for row in rows:
            if lock_id(row.key) == ref:
                return row.key
        if cursor is None:
            return None
        page = PageParams(limit=500, cursor=cursor)
