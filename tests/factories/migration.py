"""Factories for mailbox migrations (tenant-isolation sweep)."""

from __future__ import annotations

from typing import Any

from tests.factories.platform import OrgHandle


async def victim_migration(org: OrgHandle) -> str:
    account = await org.add_account("migrating")
    resp = await org.client.post(
        "/v1/directory/migrations",
        json={
            "accounts": [
                {
                    "account": account.address,
                    "source": {"host": "imap.example.com", "username": "old", "password": "secret"},
                }
            ]
        },
        headers=await org.headers(),
    )
    assert resp.status_code == 202, resp.text
    return str(resp.json()["id"])


MIGRATION_ROUTES: list[tuple[Any, ...]] = [
    ("GET", "/v1/directory/migrations/{id}"),
    ("GET", "/v1/directory/migrations/{id}/accounts"),
    ("GET", "/v1/directory/migrations/{id}/failures"),
    ("POST", "/v1/directory/migrations/{id}/cancel"),
]
MIGRATION_GRAPHQL = [
    "query($id: ID!) { directoryMigration(id: $id) { id } }",
    "query($id: ID!) { directoryMigrationAccounts(id: $id) { nextCursor } }",
    "mutation($id: ID!) { cancelDirectoryMigration(id: $id) { id } }",
]
