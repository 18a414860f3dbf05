"""Dependencies as named aliases (all `async def`: a sync dependency costs a thread hop): a handler's signature says who may call it.

    async def list_apps(principal: AppsManage, session: DbSession) -> ...
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import Forbidden, InsufficientScope, Unauthorized
from api.identity.principal import Principal as PrincipalModel
from api.kit import idempotency
from api.kit.sqlite_retry import READ_METHODS, WRITE_KEY
from api.runtime import Runtime


async def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime  # type: ignore[no-any-return]


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: committed after the handler returns, before the response."""
    runtime: Runtime = request.app.state.runtime
    write = request.method not in READ_METHODS or bool(request.scope.get(WRITE_KEY))
    async with runtime.db.session(write=write) as session:
        yield session
        if write:  # an Idempotency-Key's claim commits with the effect it guards
            claim = request.scope.get("state", {}).get(idempotency.CLAIM)
            await idempotency.mark_committed(session, claim)


DbSession = Annotated[AsyncSession, Depends(get_session, scope="function")]


def principal_of(state: dict[str, Any]) -> PrincipalModel:
    """The principal the authentication middleware put in the request's state, or the 401."""
    principal: PrincipalModel | None = state.get("principal")
    if principal is None:
        if state.get("token_presented", False):
            raise Unauthorized("The access token is invalid, expired or revoked.")
        raise Unauthorized("An access token is required.", error="invalid_request")
    return principal


async def get_principal(request: Request) -> PrincipalModel:
    return principal_of(request.scope.get("state") or {})


Principal = Annotated[PrincipalModel, Depends(get_principal)]


class RequireScopes:
    """Depend on a principal holding every one of `scopes`."""

    def __init__(self, *scopes: str, admin: bool = False) -> None:
        self.scopes = list(scopes)
        self.admin = admin

    async def __call__(self, principal: Principal) -> PrincipalModel:
        return self.check(principal)

    def check(self, principal: PrincipalModel) -> PrincipalModel:
        missing = [s for s in self.scopes if s not in principal.scopes]
        if missing:
            raise InsufficientScope(self.scopes)
        if self.admin and principal.kind != "app" and not principal.is_admin:
            raise Forbidden("Only organisation administrators may do this.")
        return principal


async def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


AppsManage = Annotated[PrincipalModel, Depends(RequireScopes("apps:manage", admin=True))]
AuditRead = Annotated[PrincipalModel, Depends(RequireScopes("audit:read", admin=True))]
DirectoryRead = Annotated[PrincipalModel, Depends(RequireScopes("directory:read"))]
DirectoryWrite = Annotated[PrincipalModel, Depends(RequireScopes("directory:write", admin=True))]
DirectorySignIn = Annotated[
    PrincipalModel, Depends(RequireScopes("directory:sign_in", admin=True))
]
WebhooksManage = Annotated[PrincipalModel, Depends(RequireScopes("webhooks:manage", admin=True))]
DomainsAdmin = Annotated[PrincipalModel, Depends(RequireScopes("domains:admin", admin=True))]
CalendarRead = Annotated[PrincipalModel, Depends(RequireScopes("calendar:read"))]
CalendarWrite = Annotated[PrincipalModel, Depends(RequireScopes("calendar:write"))]
CalendarAdmin = Annotated[PrincipalModel, Depends(RequireScopes("calendar:write", admin=True))]
ContactsRead = Annotated[PrincipalModel, Depends(RequireScopes("contacts:read"))]
ContactsWrite = Annotated[PrincipalModel, Depends(RequireScopes("contacts:write"))]
MailRead = Annotated[PrincipalModel, Depends(RequireScopes("mail:read"))]
MailWrite = Annotated[PrincipalModel, Depends(RequireScopes("mail:write"))]
MailSend = Annotated[PrincipalModel, Depends(RequireScopes("mail:send"))]
ProfileWrite = Annotated[PrincipalModel, Depends(RequireScopes("profile:write"))]
# Organisation-wide facts only administrators (or org apps) read: sign-in locks, statistics.
DirectoryAdminRead = Annotated[PrincipalModel, Depends(RequireScopes("directory:read", admin=True))]
SpamListsRead = Annotated[PrincipalModel, Depends(RequireScopes("directory:read", admin=True))]
SpamListsWrite = Annotated[PrincipalModel, Depends(RequireScopes("directory:write", admin=True))]
ClientIp = Annotated[str | None, Depends(client_ip)]
