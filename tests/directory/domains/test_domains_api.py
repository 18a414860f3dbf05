"""`/v1/domains`: add, list, get, delete, the records Mailplane states, and bad input."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.serialization import load_der_public_key
from sqlalchemy import func, select

from api.directory.domains import dkim_private_key, is_hosted
from api.storage.models import AuditEntry, Domain, Event
from tests.directory.domains.conftest import MAIL_HOST
from tests.factories.domains import add_domain, dns_records
from tests.factories.platform import user_tokens


async def _events(runtime, org_id: str, type_: str) -> list[Event]:
    async with runtime.db.session(write=False) as s:
        rows = await s.execute(select(Event).where(Event.org_id == org_id, Event.type == type_))
        return list(rows.scalars().all())


async def test_add_domain_returns_201_pending_with_a_signing_key(client, org, runtime):
    resp = await client.post(
        "/v1/domains", json={"name": "Example.TEST."}, headers=await org.headers()
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["id"].startswith("dom_")
    assert body["name"] == "example.test" and body["unicode_name"] == "example.test"
    assert body["kind"] == "primary" and body["alias_of"] is None
    assert body["status"] == "pending" and body["verified_at"] is None
    assert body["dkim_selector"].startswith("mp")
    assert resp.headers["etag"]
    created = await _events(runtime, org.id, "directory.domain.created")
    assert [e.data["id"] for e in created] == [body["id"]]
    async with runtime.db.session(write=False) as s:
        audit = await s.scalar(select(AuditEntry).where(AuditEntry.action == "domain.created"))
    assert audit is not None and audit.target_id == body["id"]


async def test_records_state_exact_values_for_every_purpose(client, org):
    domain = await add_domain(org, "example.test")
    records = {r["key"]: r for r in await dns_records(org, domain["id"])}
    selector = domain["dkim_selector"]
    assert set(records) == {"mx", "spf", f"dkim:{selector}", "dmarc", "mail", "autoconfig"}
    mx = records["mx"]
    assert (mx["type"], mx["name"], mx["value"], mx["priority"]) == (
        "MX",
        "example.test",
        MAIL_HOST,
        10,
    )
    assert records["spf"]["value"] == f"v=spf1 a:{MAIL_HOST} ~all"
    assert records["spf"]["required"] and mx["required"]
    dkim = records[f"dkim:{selector}"]
    assert dkim["name"] == f"{selector}._domainkey.example.test"
    assert dkim["value"].startswith("v=DKIM1; k=rsa; p=")
    key = load_der_public_key(base64.b64decode(dkim["value"].split("p=")[1]))
    assert key.key_size == 2048  # type: ignore[union-attr]
    assert records["dmarc"]["name"] == "_dmarc.example.test"
    assert records["dmarc"]["value"].startswith("v=DMARC1; p=")
    assert (records["mail"]["type"], records["mail"]["name"], records["mail"]["value"]) == (
        "CNAME",
        "mail.example.test",
        MAIL_HOST,
    )
    assert records["autoconfig"]["name"] == "autoconfig.example.test"
    assert all(r["status"] == "unchecked" and r["found"] == [] for r in records.values())
    # long TXT values are split into 255-byte strings in the zone-file form
    assert dkim["zone_line"].count('" "') >= 1


async def test_list_and_get_by_id_or_name(client, org):
    made = await add_domain(org, "example.test")
    headers = await org.headers()
    listed = (await client.get("/v1/domains", headers=headers)).json()
    assert {d["name"] for d in listed["data"]} == {"acme.test", "example.test"}
    assert listed["next_cursor"] is None
    by_name = await client.get("/v1/domains/EXAMPLE.test", headers=headers)
    assert by_name.status_code == 200 and by_name.json()["id"] == made["id"]
    page = (await client.get("/v1/domains?limit=1", headers=headers)).json()
    assert len(page["data"]) == 1 and page["next_cursor"]
    rest = (
        await client.get(f"/v1/domains?limit=1&cursor={page['next_cursor']}", headers=headers)
    ).json()
    assert {page["data"][0]["name"], rest["data"][0]["name"]} == {"acme.test", "example.test"}
    pending = (await client.get("/v1/domains?status=verified", headers=headers)).json()
    assert pending["data"] == []


async def test_internationalised_name_is_stored_as_a_label(client, org, runtime):
    made = await add_domain(org, "Bücher.test")
    assert made["name"] == "xn--bcher-kva.test"
    assert made["unicode_name"] == "bücher.test"
    got = await client.get("/v1/domains/bücher.test", headers=await org.headers())
    assert got.status_code == 200 and got.json()["id"] == made["id"]
    async with runtime.db.session(write=False) as s:
        assert await is_hosted(s, "BÜCHER.test")
        assert await is_hosted(s, "xn--bcher-kva.test")
        assert not await is_hosted(s, "nowhere.test")
        assert not await is_hosted(s, "not a name")


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "exa mple.test",
        "-bad.test",
        "bad-.test",
        "a..test",
        "1.2.3.4",
        "[::1]",
        "localhost",
        "*.acme2.test",
        "under_score.test",
        "x@y.test",
        "a" * 64 + ".test",
        ("a" * 60 + ".") * 5 + "test",
        "example.123",
        "exa\u0000mple.test",
    ],
)
async def test_invalid_names_are_422_and_nothing_is_written(client, org, runtime, name):
    resp = await client.post("/v1/domains", json={"name": name}, headers=await org.headers())
    assert resp.status_code == 422, resp.text
    assert resp.json()["param"] == "name"
    async with runtime.db.session(write=False) as s:
        assert await s.scalar(select(func.count()).select_from(Domain)) == 1


@pytest.mark.parametrize("name", ["example.test", "EXAMPLE.test", "example.test."])
async def test_duplicate_name_is_409(client, org, name):
    await add_domain(org, "example.test")
    resp = await client.post("/v1/domains", json={"name": name}, headers=await org.headers())
    assert resp.status_code == 409
    assert resp.json()["code"] == "already_exists" and resp.json()["param"] == "name"


async def test_name_hosted_by_another_organisation_is_409(client, org, other_org):
    resp = await client.post(
        "/v1/domains", json={"name": "globex.test"}, headers=await org.headers()
    )
    assert resp.status_code == 409


@pytest.mark.parametrize(
    "body",
    [
        {"name": "x.test", "org_id": "org_x"},
        {"name": "x.test", "status": "verified"},
        {"name": "x.test", "kind": "alias"},
        {"name": "x.test", "dkim_private_key": "k"},
        {},
    ],
)
async def test_unknown_read_only_or_missing_fields_are_422(client, org, runtime, body):
    resp = await client.post("/v1/domains", json=body, headers=await org.headers())
    assert resp.status_code == 422
    async with runtime.db.session(write=False) as s:
        assert await s.scalar(select(func.count()).select_from(Domain)) == 1


async def test_delete_refused_while_accounts_use_the_domain(client, org):
    resp = await client.delete(f"/v1/domains/{org.made.domain.id}", headers=await org.headers())
    assert resp.status_code == 409
    body = resp.json()
    assert body["code"] == "domain_in_use"
    assert body["usage"]["accounts"] >= 1
    assert (
        await client.get(f"/v1/domains/{org.made.domain.id}", headers=await org.headers())
    ).status_code == 200


async def test_delete_unused_domain_removes_it_and_its_keys(client, org, runtime):
    made = await add_domain(org, "example.test")
    headers = await org.headers()
    resp = await client.delete(f"/v1/domains/{made['id']}", headers=headers)
    assert resp.status_code == 204
    assert (await client.get(f"/v1/domains/{made['id']}", headers=headers)).status_code == 404
    deleted = await _events(runtime, org.id, "directory.domain.deleted")
    assert [e.data["id"] for e in deleted] == [made["id"]]
    async with runtime.db.session(write=False) as s:
        assert await dkim_private_key(s, "example.test") is None
        assert not await is_hosted(s, "example.test")
    again = await client.post("/v1/domains", json={"name": "example.test"}, headers=headers)
    assert again.status_code == 201


async def test_delete_with_stale_if_match_is_412(client, org):
    made = await add_domain(org, "example.test")
    headers = await org.headers()
    got = await client.get(f"/v1/domains/{made['id']}", headers=headers)
    await client.post(f"/v1/domains/{made['id']}/dkim-keys", headers=headers)  # bumps the version
    resp = await client.delete(
        f"/v1/domains/{made['id']}", headers={**headers, "If-Match": got.headers["etag"]}
    )
    assert resp.status_code == 412
    assert (await client.get(f"/v1/domains/{made['id']}", headers=headers)).status_code == 200


async def test_unknown_domain_is_404(client, org):
    headers = await org.headers()
    for path in (
        "/v1/domains/dom_00000000000000000000000000",
        "/v1/domains/nowhere.test",
        "/v1/domains/not%20a%20name/dns-records",
    ):
        resp = await client.get(path, headers=headers)
        assert resp.status_code == 404 and resp.json()["code"] == "not_found"


async def test_domains_admin_scope_is_required(client, org):
    headers = await org.headers("directory:read directory:write")
    assert (await client.get("/v1/domains", headers=headers)).status_code == 403
    resp = await client.post("/v1/domains", json={"name": "x.test"}, headers=headers)
    assert resp.status_code == 403 and resp.json()["code"] == "insufficient_scope"


async def test_member_acting_through_an_app_cannot_add_domains(client, org):
    await org.add_account("bob")
    tokens = await user_tokens(org, "bob@acme.test", "domains:admin mail:read")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    resp = await client.post("/v1/domains", json={"name": "x.test"}, headers=headers)
    assert resp.status_code == 403


async def test_other_organisation_sees_only_its_own_domains(client, org, other_org):
    await add_domain(org, "example.test")
    listed = (await client.get("/v1/domains", headers=await other_org.headers())).json()
    assert [d["name"] for d in listed["data"]] == ["globex.test"]
    resp = await client.get("/v1/domains/example.test", headers=await other_org.headers())
    assert resp.status_code == 404
