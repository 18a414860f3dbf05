"""Every way of obtaining an OAuth token, tried from one organisation against another's.

Each `GrantPath` is an attacker in organisation A (its admin, a plain member, its admin
app) trying to come away with a token that acts in organisation B. The tenant-isolation
sweep runs every path and checks that none returns a token which authenticates as B.
Add a path here for every new way a token can be obtained.

`plant_*` write rows the way the authorization server wrote them before grants were bound
to one organisation (a code or token whose person is of A and whose app is of B): stored
grants of that shape must not be usable either.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx

from api.identity import token_strings
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import AuthorizationCode, Token
from tests.factories.platform import (
    ADMIN_PASSWORD,
    OrgHandle,
    _csrf,
    client_credentials_token,
    pkce_pair,
    sign_in,
)

REDIRECT = "https://oa.example/cb"
SCOPE = "directory:read directory:write audit:read"


async def victim_app(victim: OrgHandle, *, public: bool = False) -> dict:
    return await victim.add_app(scopes=SCOPE.split(), redirect_uris=[REDIRECT], public=public)


async def try_authorize(
    client: httpx.AsyncClient, app: dict, address: str, challenge: str
) -> tuple[str | None, list[httpx.Response]]:
    """Sign `address` in and press Allow on `app`'s consent (forcing the POST even when the
    page was refused). Returns the code handed out, if any, and the responses seen."""
    client.cookies.clear()
    await sign_in(client, address, ADMIN_PASSWORD)
    params = {
        "response_type": "code",
        "client_id": app["client_id"],
        "redirect_uri": REDIRECT,
        "scope": SCOPE,
        "state": "st",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    page = await client.get("/oauth/authorize", params=params)
    # The attacker needs a CSRF token of its own session: the password page has one.
    csrf_source = page if "csrf_token" in page.text else await client.get("/oauth/password")
    post = await client.post(
        "/oauth/authorize",
        data={**params, "csrf_token": _csrf(csrf_source.text), "decision": "allow"},
    )
    code = None
    if post.status_code == 302:
        code = parse_qs(urlsplit(post.headers["location"]).query).get("code", [None])[0]
    client.cookies.clear()
    return code, [page, post]


async def exchange(
    client: httpx.AsyncClient, app: dict, code: str, verifier: str
) -> httpx.Response:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT,
        "code_verifier": verifier,
    }
    if app.get("client_secret"):
        return await client.post(
            "/oauth/token", data=data, auth=(app["client_id"], app["client_secret"])
        )
    return await client.post("/oauth/token", data={**data, "client_id": app["client_id"]})


async def plant_code(attacker: OrgHandle, victim: OrgHandle, app: dict, challenge: str) -> str:
    """A stored code binding A's admin to B's app (the pre-fix shape)."""
    code = token_strings.new_code()
    async with attacker.runtime.db.session() as session:
        session.add(
            AuthorizationCode(
                code_hash=token_strings.digest(code),
                app_id=app["client_id"],
                account_id=attacker.made.admin.id,
                org_id=victim.id,
                redirect_uri=REDIRECT,
                scope=SCOPE,
                code_challenge=challenge,
                code_challenge_method="S256",
                family_id=new_id("fam"),
                expires_at=utcnow() + timedelta(minutes=5),
            )
        )
    return code


async def plant_token(attacker: OrgHandle, victim: OrgHandle, app: dict) -> dict[str, str]:
    """A stored access + refresh token binding A's admin to B's app (the pre-fix shape)."""
    access, refresh = token_strings.new_access_token(), token_strings.new_refresh_token()
    now = utcnow()
    async with attacker.runtime.db.session() as session:
        session.add(
            Token(
                id=new_id("tok"),
                org_id=victim.id,
                app_id=app["client_id"],
                account_id=attacker.made.admin.id,
                scope=SCOPE,
                access_token_hash=token_strings.digest(access),
                refresh_token_hash=token_strings.digest(refresh),
                family_id=new_id("fam"),
                grant_type="authorization_code",
                issued_at=now,
                expires_at=now + timedelta(hours=1),
                refresh_expires_at=now + timedelta(days=1),
            )
        )
    return {"access_token": access, "refresh_token": refresh}


def _tokens_of(resp: httpx.Response) -> list[str]:
    if resp.status_code != 200:
        return []
    body = resp.json()
    return [body["access_token"]]


# --- the paths --------------------------------------------------------------------------


async def _code_flow(
    attacker: OrgHandle, victim: OrgHandle, *, public: bool, member: bool
) -> list[str]:
    app = await victim_app(victim, public=public)
    address = attacker.made.admin.address
    if member:
        address = (await attacker.add_account("mallory")).address
    verifier, challenge = pkce_pair()
    code, _ = await try_authorize(attacker.client, app, address, challenge)
    if code is None:
        return []
    return _tokens_of(await exchange(attacker.client, app, code, verifier))


async def admin_code_confidential(attacker: OrgHandle, victim: OrgHandle) -> list[str]:
    return await _code_flow(attacker, victim, public=False, member=False)


async def admin_code_public_pkce(attacker: OrgHandle, victim: OrgHandle) -> list[str]:
    return await _code_flow(attacker, victim, public=True, member=False)


async def member_code_public_pkce(attacker: OrgHandle, victim: OrgHandle) -> list[str]:
    return await _code_flow(attacker, victim, public=True, member=True)


async def stored_cross_org_code(attacker: OrgHandle, victim: OrgHandle) -> list[str]:
    app = await victim_app(victim, public=True)
    verifier, challenge = pkce_pair()
    code = await plant_code(attacker, victim, app, challenge)
    return _tokens_of(await exchange(attacker.client, app, code, verifier))


async def refresh_cross_org_grant(attacker: OrgHandle, victim: OrgHandle) -> list[str]:
    app = await victim_app(victim, public=True)
    planted = await plant_token(attacker, victim, app)
    resp = await attacker.client.post(
        "/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": planted["refresh_token"],
            "client_id": app["client_id"],
        },
    )
    return _tokens_of(resp)


async def stored_cross_org_access_token(attacker: OrgHandle, victim: OrgHandle) -> list[str]:
    app = await victim_app(victim, public=True)
    return [(await plant_token(attacker, victim, app))["access_token"]]


async def client_credentials_with_other_orgs_client_id(
    attacker: OrgHandle, victim: OrgHandle
) -> list[str]:
    # A's admin app secret presented with B's client id.
    resp = await attacker.client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(victim.client_id, attacker.client_secret),
    )
    return _tokens_of(resp)


async def own_client_credentials(attacker: OrgHandle, victim: OrgHandle) -> list[str]:
    # The control: A's own app obtains a token, which must act in A only.
    return [
        await client_credentials_token(attacker.client, attacker.client_id, attacker.client_secret)
    ]


@dataclass(frozen=True)
class GrantPath:
    name: str
    attempt: Callable[[OrgHandle, OrgHandle], Awaitable[list[str]]]


GRANT_PATHS: list[GrantPath] = [
    GrantPath("authorization_code:admin:confidential-app", admin_code_confidential),
    GrantPath("authorization_code:admin:public-pkce-app", admin_code_public_pkce),
    GrantPath("authorization_code:member:public-pkce-app", member_code_public_pkce),
    GrantPath("authorization_code:stored-cross-org-code", stored_cross_org_code),
    GrantPath("refresh_token:stored-cross-org-grant", refresh_cross_org_grant),
    GrantPath("bearer:stored-cross-org-access-token", stored_cross_org_access_token),
    GrantPath(
        "client_credentials:other-orgs-client-id", client_credentials_with_other_orgs_client_id
    ),
    GrantPath("client_credentials:own-app", own_client_credentials),
]
