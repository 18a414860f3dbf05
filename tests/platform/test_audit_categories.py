"""Audit entries carry a category; the default view shows administrative actions, not the
flood of token issuance, and `?category=` picks any of them."""

from __future__ import annotations

import pytest

from api.identity.audit_categories import CATEGORIES, category_of
from tests.factories.directory import create_account
from tests.factories.platform import client_credentials_token


@pytest.mark.parametrize(
    ("action", "category"),
    [
        ("account.created", "admin"),
        ("domain.created", "admin"),
        ("oauth.token.issued", "token"),
        ("oauth.token_family.revoked", "token"),
        ("account.signed_in", "auth"),
        ("oauth.consent.granted", "auth"),
        ("account.password_reset", "security"),
        ("app_password.created", "security"),
        ("app.secret_rotated", "security"),
        ("mail.message.sent_for_account", "data_access"),
    ],
)
def test_each_action_has_its_category(action: str, category: str) -> None:
    assert category_of(action) == category
    assert category in CATEGORIES


async def test_default_view_shows_admin_actions_not_token_issuance(client, org):
    made = await create_account(org, "ann")
    for _ in range(5):  # an OA system fetching tokens
        await client_credentials_token(client, org.client_id, org.client_secret, None)
    h = await org.headers()
    default = (await client.get("/v1/audit/entries", headers=h)).json()["data"]
    assert default, "the account creation is in the default view"
    assert {e["category"] for e in default} <= {"admin", "security", "data_access"}
    assert any(e["action"] == "account.created" and e["target_id"] == made["id"] for e in default)

    tokens = (await client.get("/v1/audit/entries", params={"category": "token"}, headers=h))
    token_entries = tokens.json()["data"]
    assert len(token_entries) >= 5
    assert {e["action"] for e in token_entries} == {"oauth.token.issued"}

    everything = (await client.get("/v1/audit/entries", params={"category": "all"}, headers=h))
    assert len(everything.json()["data"]) == len(default) + len(token_entries)

    both = await client.get(
        "/v1/audit/entries", params=[("category", "token"), ("category", "admin")], headers=h
    )
    assert len(both.json()["data"]) == len(everything.json()["data"])


async def test_an_action_filter_searches_every_category(client, org):
    h = await org.headers()
    resp = await client.get("/v1/audit/entries", params={"action": "oauth.*"}, headers=h)
    assert resp.status_code == 200
    assert resp.json()["data"] and all(e["category"] == "token" for e in resp.json()["data"])


async def test_an_unknown_category_is_refused(client, org):
    resp = await client.get(
        "/v1/audit/entries", params={"category": "tokens"}, headers=await org.headers()
    )
    assert resp.status_code == 422
    assert resp.json()["param"].startswith("category")
