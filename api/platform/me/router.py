"""REST endpoints `/v1/me`: who is calling, and a person's own profile."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import ClientIp, DbSession, Principal, ProfileWrite
from api.identity.principal import Principal as PrincipalModel
from api.kit.etags import check_if_match, set_etag
from api.platform.me.service import change_profile, describe, own_account
from schemas.platform import Me, MeUpdate

router = APIRouter(prefix="/v1", tags=["me"])

# `GET /v1/me` as JSON per principal object: the token cache hands out the same (frozen)
# Principal for up to a second, so a busy caller's answer is serialised once, not per request.
_RENDERED: dict[int, tuple[PrincipalModel, bytes]] = {}
_RENDERED_MAX = 4096


def _me_json(principal: PrincipalModel) -> bytes:
    hit = _RENDERED.get(id(principal))
    if hit is not None and hit[0] is principal:
        return hit[1]
    # `describe` already validated the model: serialise it once instead of FastAPI dumping
    # it to a dict, validating that against `Me` again and serialising the copy.
    rendered = describe(principal).model_dump_json().encode()
    if len(_RENDERED) >= _RENDERED_MAX:
        _RENDERED.clear()
    _RENDERED[id(principal)] = (principal, rendered)  # held: its id cannot be reused meanwhile
    return rendered


@router.get("/me", response_model=Me)
async def get_me(principal: Principal) -> Response:
    """Who is calling: the app, the account it acts for (if any), the organisation, the scopes."""
    return Response(_me_json(principal), media_type="application/json")


@router.patch("/me", response_model=Me)
async def update_me(
    body: MeUpdate,
    principal: ProfileWrite,
    session: DbSession,
    request: Request,
    response: Response,
    ip: ClientIp,
) -> Me:
    """Change your own profile (JSON merge patch): `display_name`, `time_zone` (IANA) and
    `locale` (`en` or `zh-CN`); `null` time zone or language falls back to the organisation's.
    Needs a token acting for a person with the `profile:write` scope (the web app's session
    has it); nothing else about an account can be changed here. `If-Match` takes the ETag of
    `GET /v1/accounts/me` (the same account; 412 when it changed meanwhile), and the answer
    carries the new one. Emits `directory.account.updated` and an audit entry, as an
    administrator's change does."""
    account = await own_account(session, principal)
    check_if_match(request, account.id, account.version)
    me = await change_profile(session, principal, account, body, ip=ip)
    set_etag(response, account.id, account.version)
    return me
