"""Factories for hosted domains and the DNS zones that publish their records."""

from __future__ import annotations

from typing import Any

from tests.factories.platform import OrgHandle


async def add_domain(org: OrgHandle, name: str, **fields: Any) -> dict[str, Any]:
    resp = await org.client.post(
        "/v1/domains", json={"name": name, **fields}, headers=await org.headers()
    )
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


async def dns_records(org: OrgHandle, domain: str) -> list[dict[str, Any]]:
    resp = await org.client.get(f"/v1/domains/{domain}/dns-records", headers=await org.headers())
    assert resp.status_code == 200, resp.text
    return list(resp.json()["data"])


def zone_lines(records: list[dict[str, Any]], *, skip: tuple[str, ...] = ()) -> list[str]:
    """Zone-file lines publishing `records` exactly as Mailplane states them."""
    return [r["zone_line"] for r in records if r["key"] not in skip and r["purpose"] not in skip]


async def victim_domain(org: OrgHandle) -> str:
    """A fresh domain in `org` for the tenant-isolation sweep; returns its id."""
    return str((await add_domain(org, f"victim-{org.id[-8:].lower()}.test"))["id"])


async def victim_domain_name(org: OrgHandle) -> str:
    """As `victim_domain`, returning the name (routes accept either)."""
    return str((await add_domain(org, f"named-{org.id[-8:].lower()}.test"))["name"])


DOMAIN_ROUTES: list[tuple[object, ...]] = [
    ("GET", "/v1/domains/{id}"),
    ("GET", "/v1/domains/{id}/dns-records"),
    ("GET", "/v1/domains/{id}/dkim-keys"),
    ("POST", "/v1/domains/{id}/verify"),
    ("POST", "/v1/domains/{id}/dkim-keys"),
    ("DELETE", "/v1/domains/{id}"),
]

DOMAIN_GRAPHQL = [
    "query($id: ID!) { domain(id: $id) { id } }",
    "query($id: ID!) { domainDnsRecords(id: $id) { key } }",
    "query($id: ID!) { domainDkimKeys(id: $id) { selector } }",
    "mutation($id: ID!) { verifyDomain(id: $id) { verified } }",
    "mutation($id: ID!) { rotateDomainDkimKey(id: $id) { selector } }",
    "mutation($id: ID!) { deleteDomain(id: $id) }",
]
