"""A grant binds one person, one app and one organisation: attacks across organisations.

`org` is the victim (B, whose apps are targeted); `other_org` is the attacker (A).
"""

from __future__ import annotations

from sqlalchemy import select, update

from api.storage.models import Account, AuditEntry, AuthorizationCode, Token
from tests.factories.grants import (
    exchange,
    plant_code,
    plant_token,
    try_authorize,
    victim_app,
)
from tests.factories.platform import pkce_pair, user_tokens


async def _no_grant_rows(runtime, app_id: str) -> None:
    async with runtime.db.session() as session:
        assert (
            await session.scalar(
                select(AuthorizationCode).where(AuthorizationCode.app_id == app_id)
            )
        ) is None
        assert (await session.scalar(select(Token).where(Token.app_id == app_id))) is None


async def test_admin_of_a_cannot_consent_to_bs_confidential_app(client, org, other_org, runtime):
    app = await victim_app(org)
    _, challenge = pkce_pair()
    code, (page, post) = await try_authorize(client, app, other_org.made.admin.address, challenge)
    assert page.status_code == 403 and "Allow" not in page.text
    assert "another organisation" in page.text  # in the person's language (English here)
    assert post.status_code == 403 and code is None
    await _no_grant_rows(runtime, app["client_id"])


async def test_member_of_a_cannot_use_bs_public_pkce_app(client, org, other_org, runtime):
    app = await victim_app(org, public=True)
    member = await other_org.add_account("mallory")
    _, challenge = pkce_pair()
    code, (page, post) = await try_authorize(client, app, member.address, challenge)
    assert page.status_code == 403 and post.status_code == 403 and code is None
    await _no_grant_rows(runtime, app["client_id"])


async def test_refused_consent_is_audited_in_the_persons_organisation(client, org, other_org):
    app = await victim_app(org)
    _, challenge = pkce_pair()
    await try_authorize(client, app, other_org.made.admin.address, challenge)
    async with org.runtime.db.session() as session:
        rows = (
            await session.scalars(
                select(AuditEntry).where(AuditEntry.action == "oauth.consent.refused_other_org")
            )
        ).all()
    # the consent page and the forced POST, both in A's log, nothing in B's
    assert [r.org_id for r in rows] == [other_org.id, other_org.id]


async def test_stored_cross_org_code_is_not_exchanged(client, org, other_org):
    app = await victim_app(org)
    verifier, challenge = pkce_pair()
    code = await plant_code(other_org, org, app, challenge)
    resp = await exchange(client, app, code, verifier)
    assert resp.status_code == 400 and resp.json()["error"] == "invalid_grant"


async def test_stored_cross_org_token_authenticates_nobody_and_does_not_refresh(
    client, org, other_org
):
    app = await victim_app(org)
    planted = await plant_token(other_org, org, app)
    headers = {"Authorization": f"Bearer {planted['access_token']}"}
    for url in ("/v1/me", "/v1/accounts", "/v1/audit/entries"):
        assert (await client.get(url, headers=headers)).status_code == 401
    refreshed = await client.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": planted["refresh_token"]},
        auth=(app["client_id"], app["client_secret"]),
    )
    assert refreshed.status_code == 400 and refreshed.json()["error"] == "invalid_grant"
    # B's own resource server, introspecting: not active
    for token in planted.values():
        resp = await client.post(
            "/oauth/introspect",
            data={"token": token},
            auth=(app["client_id"], app["client_secret"]),
        )
        assert resp.json() == {"active": False}


async def test_token_turns_inert_when_its_person_moves_to_another_org(client, org, other_org):
    """The binding is checked on use, not only when the grant was made."""
    alice = await org.add_account("alice")
    tokens = await user_tokens(org, alice.address, "directory:read")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.get("/v1/me", headers=headers)).status_code == 200
    async with org.runtime.db.session() as session:
        await session.execute(
            update(Account).where(Account.id == alice.id).values(org_id=other_org.id)
        )
    org.runtime.tokens.clear()
    assert (await client.get("/v1/me", headers=headers)).status_code == 401
    app = tokens["app"]
    refreshed = await client.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=(app["client_id"], app["client_secret"]),
    )
    assert refreshed.status_code == 400


async def test_same_org_grant_still_works(client, org):
    alice = await org.add_account("alice")
    tokens = await user_tokens(org, alice.address, "directory:read")
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200 and me.json()["org_id"] == org.id


async def test_platform_operator_is_no_exception_for_another_orgs_app(
    client, org, other_org, runtime
):
    """Operators act across organisations through an app of their own organisation (the
    organisation endpoints); they never obtain a grant to another organisation's app."""
    async with runtime.db.session() as session:
        await session.execute(
            update(Account).where(Account.id == other_org.made.admin.id).values(role="operator")
        )
    app = await victim_app(org, public=True)
    _, challenge = pkce_pair()
    code, (page, post) = await try_authorize(client, app, other_org.made.admin.address, challenge)
    assert page.status_code == 403 and post.status_code == 403 and code is None
    await _no_grant_rows(runtime, app["client_id"])
    # and with an app of the operator's own organisation, the operator endpoints still answer
    tokens = await user_tokens(other_org, other_org.made.admin.address, "directory:write")
    listed = await client.get(
        "/v1/organizations", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert listed.status_code == 200
    assert {o["id"] for o in listed.json()["data"]} == {org.id, other_org.id}
