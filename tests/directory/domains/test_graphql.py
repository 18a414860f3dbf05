"""GraphQL parity for domains: the same services, the same rules and error codes."""

from __future__ import annotations

from tests.directory.domains.conftest import installation_zone


async def _gql(
    client, org, query: str, variables: dict | None = None, scopes: str | None = None
) -> dict:
    resp = await client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers=await org.headers(scopes),
    )
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


CREATE = """mutation($name: String!, $aliasOf: String) {
  createDomain(input: {name: $name, aliasOf: $aliasOf}) {
    id name unicodeName kind aliasOf status dkimSelector
  }
}"""


async def test_create_list_verify_rotate_delete_over_graphql(client, org, dns_server):
    made = (await _gql(client, org, CREATE, {"name": "Bücher.test"}))["data"]["createDomain"]
    assert made["name"] == "xn--bcher-kva.test" and made["unicodeName"] == "bücher.test"
    assert made["status"] == "pending" and made["kind"] == "primary"
    listed = await _gql(client, org, "{ domains { data { name } nextCursor } }")
    assert {d["name"] for d in listed["data"]["domains"]["data"]} == {
        "acme.test",
        "xn--bcher-kva.test",
    }
    records = (
        await _gql(
            client,
            org,
            "query($id: ID!) { domainDnsRecords(id: $id) { key purpose zoneLine status } }",
            {"id": made["id"]},
        )
    )["data"]["domainDnsRecords"]
    assert {r["status"] for r in records} == {"unchecked"}
    dns_server.publish(
        {**installation_zone(), "xn--bcher-kva.test": [r["zoneLine"] for r in records]}
    )
    verified = (
        await _gql(
            client,
            org,
            "mutation($id: ID!) { verifyDomain(id: $id) {"
            " verified domain { status } records { key status } } }",
            {"id": made["id"]},
        )
    )["data"]["verifyDomain"]
    assert verified["verified"] is True and verified["domain"]["status"] == "verified"
    assert {r["status"] for r in verified["records"]} == {"ok"}
    key = (
        await _gql(
            client,
            org,
            "mutation($id: ID!) { rotateDomainDkimKey(id: $id) { selector status bits } }",
            {"id": made["id"]},
        )
    )["data"]["rotateDomainDkimKey"]
    assert key["status"] == "pending" and key["bits"] == 2048
    keys = (
        await _gql(
            client,
            org,
            "query($id: ID!) { domainDkimKeys(id: $id) { selector status } }",
            {"id": made["id"]},
        )
    )["data"]["domainDkimKeys"]
    assert [k["status"] for k in keys] == ["active", "pending"]
    deleted = await _gql(
        client, org, "mutation($id: ID!) { deleteDomain(id: $id) }", {"id": made["id"]}
    )
    assert deleted["data"]["deleteDomain"] is True
    gone = await _gql(client, org, "query($id: ID!) { domain(id: $id) { id } }", {"id": made["id"]})
    assert gone["errors"][0]["extensions"]["code"] == "not_found"


async def test_graphql_errors_carry_the_rest_codes(client, org):
    bad = await _gql(client, org, CREATE, {"name": "not a domain"})
    assert bad["errors"][0]["extensions"]["code"] == "validation_failed"
    assert bad["errors"][0]["extensions"]["param"] == "name"
    dup = await _gql(client, org, CREATE, {"name": "acme.test"})
    assert dup["errors"][0]["extensions"]["code"] == "already_exists"
    in_use = await _gql(
        client, org, "mutation($id: ID!) { deleteDomain(id: $id) }", {"id": org.made.domain.id}
    )
    assert in_use["errors"][0]["extensions"]["code"] == "domain_in_use"
    scope = await _gql(client, org, "{ domains { data { id } } }", scopes="directory:read")
    assert scope["errors"][0]["extensions"]["code"] == "insufficient_scope"
