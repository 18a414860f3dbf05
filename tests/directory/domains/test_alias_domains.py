"""Alias domains mirror a primary domain: same organisation, their own DNS records."""

from __future__ import annotations

from api.directory.domains import dkim_private_key, is_hosted
from tests.factories.domains import add_domain, dns_records


async def test_alias_domain_mirrors_a_primary_by_id_or_name(client, org, runtime):
    primary = await add_domain(org, "example.test")
    by_id = await add_domain(org, "example-alias.test", alias_of=primary["id"])
    by_name = await add_domain(org, "example2.test", alias_of="EXAMPLE.test")
    for alias in (by_id, by_name):
        assert alias["kind"] == "alias" and alias["alias_of"] == primary["id"]
        assert alias["dkim_selector"]  # mail From: the alias domain is signed for its own d=
    keys = {r["purpose"] for r in await dns_records(org, by_id["id"])}
    assert keys == {"mx", "spf", "dkim", "dmarc", "mail_cname", "autoconfig_cname"}
    listed = (await client.get("/v1/domains?kind=alias", headers=await org.headers())).json()
    assert {d["name"] for d in listed["data"]} == {"example-alias.test", "example2.test"}
    async with runtime.db.session(write=False) as s:
        assert await is_hosted(s, "example-alias.test")
        assert await dkim_private_key(s, "example-alias.test") is not None


async def test_alias_of_an_alias_or_of_an_unknown_domain_is_422(client, org, other_org):
    primary = await add_domain(org, "example.test")
    alias = await add_domain(org, "example-alias.test", alias_of=primary["id"])
    headers = await org.headers()
    for target in (
        alias["id"],
        "nowhere.test",
        "dom_00000000000000000000000000",
        "globex.test",
        other_org.made.domain.id,
    ):
        resp = await client.post(
            "/v1/domains", json={"name": "x.test", "alias_of": target}, headers=headers
        )
        assert resp.status_code == 422, (target, resp.text)
        assert resp.json()["param"] == "alias_of"
    assert (await client.get("/v1/domains/x.test", headers=headers)).status_code == 404


async def test_primary_cannot_be_deleted_while_an_alias_mirrors_it(client, org):
    primary = await add_domain(org, "example.test")
    alias = await add_domain(org, "example-alias.test", alias_of=primary["id"])
    headers = await org.headers()
    refused = await client.delete(f"/v1/domains/{primary['id']}", headers=headers)
    assert refused.status_code == 409 and refused.json()["code"] == "domain_has_aliases"
    assert (await client.delete(f"/v1/domains/{alias['id']}", headers=headers)).status_code == 204
    assert (await client.delete(f"/v1/domains/{primary['id']}", headers=headers)).status_code == 204
