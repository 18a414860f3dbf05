"""Factories for app passwords, and their routes for the tenant-isolation registry."""

from __future__ import annotations

from typing import Any

from tests.factories.platform import OrgHandle

VICTIM = "/v1/accounts/admin@acme.test/app-passwords"


async def create_app_password(org: OrgHandle, account: str, name: str = "phone") -> dict[str, Any]:
    resp = await org.client.post(f"/v1/accounts/{account}/app-passwords", json={"name": name},
                                 headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


# --- tenant isolation (tests/isolation.py) -------------------------------------------------


async def victim_app_password(org: OrgHandle) -> str:
    """An app password of the victim organisation's admin; returns its id."""
    return str((await create_app_password(org, f"admin@{org.domain}"))["id"])


async def victim_app_password_account(org: OrgHandle) -> str:
    """An account holding an app password; returns the account id."""
    made = await create_app_password(org, f"admin@{org.domain}")
    return str(made["account_id"])


APP_PASSWORD_ROUTES: list[tuple[Any, ...]] = [
    ("GET", VICTIM),
    ("DELETE", VICTIM + "/{id}"),
]
APP_PASSWORD_GRAPHQL = [
    'mutation($id: ID!) { revokeAppPassword(account: "admin@acme.test", id: $id) }',
]
APP_PASSWORD_ACCOUNT_ROUTES: list[tuple[Any, ...]] = [
    ("GET", "/v1/accounts/{id}/app-passwords"),
    ("POST", "/v1/accounts/{id}/app-passwords", {"name": "pwned"}),
]
APP_PASSWORD_ACCOUNT_GRAPHQL = [
    "query($id: String!) { appPasswords(account: $id) { nextCursor } }",
    'mutation($id: String!) { createAppPassword(account: $id, input: {name: "pwned"}) '
    "{ password } }",
]
