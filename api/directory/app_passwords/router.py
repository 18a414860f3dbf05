"""REST endpoints for an account's app passwords (`/v1/accounts/{account}/app-passwords`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from api.deps import ClientIp, DbSession, Principal
from api.directory.app_passwords import service
from api.kit.pagination import Page, PageParams, page_params
from schemas import app_passwords as schemas

router = APIRouter(prefix="/v1/accounts/{account}/app-passwords", tags=["app passwords"])


@router.get("", response_model=Page[schemas.AppPassword])
async def list_app_passwords(
    account: str,
    principal: Principal,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[schemas.AppPassword]:
    """List an account's app passwords: name, when made, when and where last used; never the
    secret. Administrators (and org apps) need `directory:read`; a token acting for the
    person themselves needs `mail:send`."""
    row = await service.target_account(session, principal, account, write=False)
    rows, cursor = await service.list_app_passwords(session, row, page)
    return Page[schemas.AppPassword](data=[service.to_schema(r) for r in rows], next_cursor=cursor)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=schemas.AppPasswordCreated)
async def create_app_password(
    account: str,
    body: schemas.AppPasswordCreate,
    principal: Principal,
    session: DbSession,
    ip: ClientIp,
) -> schemas.AppPasswordCreated:
    """Create an app password for SMTP submission (AUTH PLAIN/LOGIN over TLS, with the
    account's address as the user name). The secret is returned only in this response and
    stored only as an argon2 hash; it never opens the web sign-in or OAuth consent page.
    At most 20 per account (409 `app_password_limit`). Administrators (and org apps) need
    `directory:write`; a token acting for the person themselves needs `mail:send`.
    A password reset leaves app passwords working; freezing the account suspends them."""
    row = await service.target_account(session, principal, account, write=True)
    return await service.create_app_password(session, row, body, actor=principal, ip=ip)


@router.delete("/{app_password_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_app_password(
    account: str,
    app_password_id: str,
    principal: Principal,
    session: DbSession,
    ip: ClientIp,
) -> Response:
    """Revoke an app password: SMTP sign-ins with it fail from now on, and a session
    already signed in with it can send no further message."""
    row = await service.target_account(session, principal, account, write=True)
    await service.revoke_app_password(session, row, app_password_id, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
