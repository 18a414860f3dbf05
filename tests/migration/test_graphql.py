"""GraphQL parity: create, read and cancel a migration through the same service."""

from __future__ import annotations

import httpx

from tests.factories.platform import OrgHandle


async def test_graphql_creates_reads_and_cancels_a_migration(
    client: httpx.AsyncClient, org: OrgHandle
) -> None:
    ivy = await org.add_account("ivy")
    headers = await org.headers()
    create = """mutation($input: JSON!) { createDirectoryMigration(input: $input) {
        id status counts } }"""
    body = {"accounts": [{"account": ivy.address, "source": {
        "host": "imap.example.com", "username": "ivy", "password": "pw"}}]}
    resp = await client.post("/graphql", json={"query": create, "variables": {"input": body}},
                             headers=headers)
    made = resp.json()["data"]["createDirectoryMigration"]
    assert made["status"] == "queued" and made["counts"]["accounts_total"] == 1
    read = await client.post("/graphql", headers=headers, json={
        "query": "query($id: ID!) { directoryMigration(id: $id) { id status } "
                 "directoryMigrationAccounts(id: $id) { data } }",
        "variables": {"id": made["id"]}})
    data = read.json()["data"]
    assert data["directoryMigration"]["id"] == made["id"]
    assert data["directoryMigrationAccounts"]["data"][0]["source"]["username"] == "ivy"
    bad = await client.post("/graphql", headers=headers, json={
        "query": create, "variables": {"input": {"accounts": []}}})
    assert bad.json()["errors"][0]["extensions"]["code"] == "validation_failed"
    cancel = await client.post("/graphql", headers=headers, json={
        "query": "mutation($id: ID!) { cancelDirectoryMigration(id: $id) { status } }",
        "variables": {"id": made["id"]}})
    assert cancel.json()["data"]["cancelDirectoryMigration"]["status"] == "cancelled"
