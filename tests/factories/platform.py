"""Factories for organisations, apps, accounts and tokens of every principal type."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import httpx

from api.bootstrap import Bootstrapped, create_organization
from api.identity.passwords import hash_password
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import Account

ADMIN_PASSWORD = "correct-horse-battery"


@dataclass
class OrgHandle:
    made: Bootstrapped
    client: httpx.AsyncClient
    runtime: Runtime
    _tokens: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.made.org.id

    @property
    def domain(self) -> str:
        return self.made.domain.name

    @property
    def client_id(self) -> str:
        return self.made.app.id

    @property
    def client_secret(self) -> str:
        return self.made.client_secret

    async def token(self, scopes: str | None = None) -> str:
        """A client-credentials token of the organisation's admin app."""
        key = scopes or "*"
        if key not in self._tokens:
            self._tokens[key] = await client_credentials_token(
                self.client, self.client_id, self.client_secret, scopes
            )
        return self._tokens[key]

    async def headers(self, scopes: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.token(scopes)}"}

    async def add_account(
        self, local: str, *, role: str = "member", password: str = ADMIN_PASSWORD,
        must_change: bool = False, status: str = "active",
    ) -> Account:
        async with self.runtime.db.session() as session:
            account = Account(
                id=new_id("acc"), org_id=self.id, domain_id=self.made.domain.id,
                address=f"{local}@{self.domain}", display_name=local.title(),
                password_hash=hash_password(password), role=role,
                must_change_password=must_change, status=status,
            )
            session.add(account)
        return account

    async def add_app(
        self, *, scopes: list[str], redirect_uris: list[str] | None = None, public: bool = False,
    ) -> dict:
        resp = await self.client.post(
            "/v1/apps",
            json={"name": "Test app", "client_type": "public" if public else "confidential",
                  "scopes": scopes, "redirect_uris": redirect_uris or []},
            headers=await self.headers(),
        )
        assert resp.status_code == 201, resp.text
        return resp.json()


async def make_org(runtime: Runtime, client: httpx.AsyncClient, *, name: str, domain: str) -> OrgHandle:
    async with runtime.db.session() as session:
        made = await create_organization(
            session, name=name, domain=domain, admin="admin", password=ADMIN_PASSWORD
        )
        made.admin.must_change_password = False
    return OrgHandle(made, client, runtime)


async def client_credentials_token(
    client: httpx.AsyncClient, client_id: str, secret: str, scopes: str | None = None
) -> str:
    data = {"grant_type": "client_credentials"}
    if scopes:
        data["scope"] = scopes
    resp = await client.post("/oauth/token", data=data, auth=(client_id, secret))
    assert resp.status_code == 200, resp.text
    return str(resp.json()["access_token"])


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def _csrf(html: str) -> str:
    match = re.search(r"name=csrf_token value='([^']+)'", html)
    assert match, html
    return match.group(1)


async def sign_in(client: httpx.AsyncClient, address: str, password: str = ADMIN_PASSWORD) -> httpx.Response:
    page = await client.get("/oauth/login")
    return await client.post(
        "/oauth/login",
        data={"address": address, "password": password, "csrf_token": _csrf(page.text),
              "next": "/oauth/authorize"},
    )


async def authorize_code(
    client: httpx.AsyncClient, *, client_id: str, redirect_uri: str, scope: str, address: str,
    password: str = ADMIN_PASSWORD, challenge: str, state: str = "xyz",
) -> str:
    """Drive the login and consent pages like a browser; return the authorization code."""
    await sign_in(client, address, password)
    params = {
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
        "scope": scope, "state": state, "code_challenge": challenge, "code_challenge_method": "S256",
    }
    consent = await client.get("/oauth/authorize", params=params)
    assert consent.status_code == 200, consent.text
    resp = await client.post(
        "/oauth/authorize", data={**params, "csrf_token": _csrf(consent.text), "decision": "allow"}
    )
    assert resp.status_code == 302, resp.text
    query = parse_qs(urlsplit(resp.headers["location"]).query)
    assert query["state"] == [state]
    return query["code"][0]


async def user_tokens(
    org: OrgHandle, address: str, scope: str, *, redirect_uri: str = "https://oa.example/cb"
) -> dict:
    """Access and refresh token for an app acting for `address` (authorization code + PKCE)."""
    app = await org.add_app(scopes=scope.split(), redirect_uris=[redirect_uri])
    verifier, challenge = pkce_pair()
    code = await authorize_code(
        org.client, client_id=app["client_id"], redirect_uri=redirect_uri, scope=scope,
        address=address, challenge=challenge,
    )
    resp = await org.client.post(
        "/oauth/token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
              "code_verifier": verifier},
        auth=(app["client_id"], app["client_secret"]),
    )
    assert resp.status_code == 200, resp.text
    return {**resp.json(), "app": app}
