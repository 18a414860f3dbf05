"""Platform operators provision organisations; nobody else can."""

from __future__ import annotations

from sqlalchemy import update

from api.storage.models import Account
from tests.factories.platform import client_credentials_token, user_tokens


async def _operator_token(org) -> str:  # type: ignore[no-untyped-def]
    async with org.runtime.db.session() as session:
        await session.execute(update(Account).where(Account.id == org.made.admin.id).values(role="operator"))
    tokens = await user_tokens(org, org.made.admin.address, "directory:write")
    return str(tokens["access_token"])


async def test_operator_provisions_an_organisation_that_works(client, org):
    token = await _operator_token(org)
    resp = await client.post(
        "/v1/organizations", headers={"Authorization": f"Bearer {token}"},
        json={"name": "Umbrella", "domain": "umbrella.test", "admin": "root"},
    )
    assert resp.status_code == 201, resp.text
    made = resp.json()
    assert made["admin_address"] == "root@umbrella.test" and made["client_secret"].startswith("mpcs_")
    new_token = await client_credentials_token(client, made["client_id"], made["client_secret"], "directory:read")
    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {new_token}"})
    assert me.json()["org_name"] == "Umbrella"
    listed = await client.get("/v1/organizations", headers={"Authorization": f"Bearer {token}"})
    assert {o["name"] for o in listed.json()["data"]} == {"Acme", "Umbrella"}


async def test_org_admin_app_cannot_provision_or_list(client, org):
    headers = await org.headers()
    resp = await client.post("/v1/organizations", headers=headers,
                             json={"name": "X", "domain": "x.test", "admin": "a"})
    assert resp.status_code == 403
    assert (await client.get("/v1/organizations", headers=headers)).status_code == 403


async def test_org_admin_user_cannot_provision(client, org):
    tokens = await user_tokens(org, org.made.admin.address, "directory:write")
    resp = await client.get("/v1/organizations", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert resp.status_code == 403


async def test_provisioning_a_hosted_domain_is_409(client, org):
    token = await _operator_token(org)
    resp = await client.post(
        "/v1/organizations", headers={"Authorization": f"Bearer {token}"},
        json={"name": "Dup", "domain": "acme.test", "admin": "root"},
    )
    assert resp.status_code == 409


async def test_graphql_parity_for_operators(client, org):
    token = await _operator_token(org)
    headers = {"Authorization": f"Bearer {token}"}
    created = await client.post("/graphql", headers=headers, json={"query": """
        mutation { createOrganization(name: "Soylent", domain: "soylent.test", admin: "ceo") {
            organization { id name } adminAddress clientId } }"""})
    data = created.json()["data"]["createOrganization"]
    assert data["adminAddress"] == "ceo@soylent.test"
    listed = await client.post("/graphql", headers=headers, json={"query": "{ organizations { data { name } } }"})
    assert {o["name"] for o in listed.json()["data"]["organizations"]["data"]} == {"Acme", "Soylent"}
    denied = await client.post("/graphql", headers=await org.headers(), json={"query": "{ organizations { data { name } } }"})
    assert denied.json()["errors"][0]["extensions"]["code"] == "forbidden"
