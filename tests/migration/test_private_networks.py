"""Migrating from the company's old intranet server: an organisation lists the private
networks (CIDRs) its migration sources may be in; everything else private stays refused
(the installation-wide MAILPLANE_MIGRATION_ALLOW_PRIVATE is off in these tests)."""

from __future__ import annotations

import httpx
import pytest

from api.config import Settings
from api.migration.networks import parse_networks
from api.migration.sources import Endpoint, SourceError, vetted_addresses
from tests.factories.directory import audit_actions, event_types
from tests.factories.platform import OrgHandle
from tests.migration.conftest import drain, message, source
from tests.migration.dovecot import Dovecot


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"migration_allow_private": False})


async def _networks(
    client: httpx.AsyncClient, org: OrgHandle, networks: list[str]
) -> httpx.Response:
    return await client.patch(
        "/v1/organization", json={"migration_private_networks": networks},
        headers=await org.headers(),
    )


async def _start(client: httpx.AsyncClient, org: OrgHandle, body: dict) -> httpx.Response:  # type: ignore[type-arg]
    return await client.post("/v1/directory/migrations", json=body, headers=await org.headers())


async def test_loopback_source_is_refused_until_the_organisation_lists_it_then_migrates(
    client: httpx.AsyncClient, org: OrgHandle, dovecot: Dovecot
) -> None:
    alice = await org.add_account("alice")
    user = dovecot.new_user()
    dovecot.add(user, message("from the old intranet server", msgid="i1@old"))
    dovecot.own(user)
    body = {"accounts": [{"account": alice.address, "source": source(dovecot, user)}]}

    refused = await _start(client, org, body)
    assert refused.status_code == 422, refused.text
    assert "accounts[0].source.host" in refused.text

    listed = await _networks(client, org, ["127.0.0.0/8"])
    assert listed.status_code == 200, listed.text
    assert listed.json()["migration_private_networks"] == ["127.0.0.0/8"]
    assert "organization.updated" in await audit_actions(org)
    assert "directory.organization.updated" in await event_types(org)

    accepted = await _start(client, org, body)
    assert accepted.status_code == 202, accepted.text
    done = await drain(org.runtime, accepted.json()["id"])
    assert done.status == "completed", done.error


async def test_another_network_listed_does_not_open_loopback(
    client: httpx.AsyncClient, org: OrgHandle, other_org: OrgHandle, dovecot: Dovecot
) -> None:
    alice = await org.add_account("alice")
    body = {"accounts": [{"account": alice.address, "source": source(dovecot, "x")}]}
    assert (await _networks(client, org, ["10.20.0.0/16"])).status_code == 200
    # another organisation's list is theirs only
    assert (await _networks(client, other_org, ["127.0.0.0/8"])).status_code == 200
    resp = await _start(client, org, body)
    assert resp.status_code == 422, resp.text


@pytest.mark.parametrize(
    "cidr",
    ["169.254.0.0/16", "169.254.169.254/32", "0.0.0.0/0", "8.8.8.0/24", "::/0", "fe80::/10",
     "10.0.0.0/7", "not-a-cidr", "224.0.0.0/4"],
)
async def test_link_local_public_and_catch_all_networks_cannot_be_listed(
    client: httpx.AsyncClient, org: OrgHandle, cidr: str
) -> None:
    resp = await _networks(client, org, [cidr])
    assert resp.status_code == 422, resp.text
    assert resp.json()["param"].startswith("migration_private_networks")
    current = await client.get("/v1/organization", headers=await org.headers())
    assert current.json()["migration_private_networks"] == []


async def test_only_administrators_change_the_networks(
    client: httpx.AsyncClient, org: OrgHandle
) -> None:
    resp = await client.patch(
        "/v1/organization", json={"migration_private_networks": ["10.0.0.0/8"]},
        headers=await org.headers("directory:read"),
    )
    assert resp.status_code == 403


def test_resolved_intranet_names_are_checked_against_the_list_at_connect_time() -> None:
    def endpoint(networks: list[str]) -> Endpoint:
        return Endpoint(host="localhost", port=143, security="none", username="u",
                        password="p", networks=parse_networks(networks))

    with pytest.raises(SourceError) as blocked:
        vetted_addresses(endpoint(["10.0.0.0/8"]))
    assert blocked.value.code == "source_blocked"
    assert "127.0.0.1" in vetted_addresses(endpoint(["127.0.0.0/8", "::1/128"]))
    # IPv4-mapped IPv6 of a listed network is the same host; of an unlisted one, refused.
    mapped = Endpoint(host="::ffff:127.0.0.1", port=143, security="none", username="u",
                      password="p", networks=parse_networks(["127.0.0.0/8"]))
    assert vetted_addresses(mapped) == ["::ffff:7f00:1"]
    metadata = Endpoint(host="169.254.169.254", port=143, security="none", username="u",
                        password="p", networks=parse_networks(["127.0.0.0/8"]))
    with pytest.raises(SourceError):
        vetted_addresses(metadata)
