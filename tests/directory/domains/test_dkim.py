"""DKIM keys: one 2048-bit key per domain, the SMTP team's signing seam, and rotation that
keeps the old key published and signing until the new one verifies."""

from __future__ import annotations

import dkim as dkimpy
import dns.resolver
from sqlalchemy import select

from api.directory.domains import dkim_private_key, ensure_signing_key
from api.storage.models import Event
from tests.directory.domains.conftest import installation_zone
from tests.factories.domains import add_domain, dns_records, zone_lines

MESSAGE = (
    b"From: Alice <alice@example.test>\r\nTo: bob@elsewhere.test\r\n"
    b"Subject: hello\r\nMessage-ID: <1@example.test>\r\n\r\nHi Bob.\r\n"
)


def _dnsfunc(address: str):  # type: ignore[no-untyped-def]
    host, port = address.split(":")
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers, resolver.port = [host], int(port)

    def lookup(name: bytes, timeout: int = 5) -> bytes:
        answer = resolver.resolve(name.decode().rstrip("."), "TXT")
        return b"".join(b"".join(r.strings) for r in answer)

    return lookup


async def _signing_key(runtime, name: str) -> tuple[str, str] | None:
    async with runtime.db.session(write=False) as s:
        return await dkim_private_key(s, name)


async def _keys(client, org, domain_id: str) -> list[dict]:
    resp = await client.get(f"/v1/domains/{domain_id}/dkim-keys", headers=await org.headers())
    assert resp.status_code == 200
    return list(resp.json()["data"])


async def test_mail_signed_with_the_key_verifies_against_the_published_record(
    org, dns_server, runtime
):
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish({**installation_zone(), "example.test": zone_lines(records)})
    selector, pem = await _signing_key(runtime, "EXAMPLE.test") or ("", "")
    assert selector == domain["dkim_selector"] and "PRIVATE KEY" in pem
    signed = dkimpy.sign(MESSAGE, selector.encode(), b"example.test", pem.encode()) + MESSAGE
    assert dkimpy.verify(signed, dnsfunc=_dnsfunc(dns_server.address))
    tampered = signed.replace(b"Hi Bob.", b"Hi Eve.")
    assert not dkimpy.verify(tampered, dnsfunc=_dnsfunc(dns_server.address))


async def test_private_keys_never_leave_through_the_api(client, org):
    domain = await add_domain(org, "example.test")
    for path in (
        f"/v1/domains/{domain['id']}",
        f"/v1/domains/{domain['id']}/dkim-keys",
        f"/v1/domains/{domain['id']}/dns-records",
    ):
        resp = await client.get(path, headers=await org.headers())
        assert "PRIVATE" not in resp.text and "private" not in resp.text


async def test_rotation_keeps_the_old_key_until_the_new_one_verifies(
    client, org, dns_server, runtime
):
    domain = await add_domain(org, "example.test")
    headers = await org.headers()
    old = domain["dkim_selector"]
    old_records = await dns_records(org, domain["id"])
    dns_server.publish({**installation_zone(), "example.test": zone_lines(old_records)})

    resp = await client.post(f"/v1/domains/{domain['id']}/dkim-keys", headers=headers)
    assert resp.status_code == 201, resp.text
    new = resp.json()
    assert new["status"] == "pending" and new["bits"] == 2048 and new["selector"] != old
    assert new["record_name"] == f"{new['selector']}._domainkey.example.test"
    # both keys are published; the old one still signs
    keys = {r["key"] for r in await dns_records(org, domain["id"])}
    assert {f"dkim:{old}", f"dkim:{new['selector']}"} <= keys
    assert (await _signing_key(runtime, "example.test") or ("",))[0] == old

    # a second rotation while one waits for DNS is refused
    again = await client.post(f"/v1/domains/{domain['id']}/dkim-keys", headers=headers)
    assert again.status_code == 409 and again.json()["code"] == "dkim_rotation_pending"

    # verifying before the new record is published changes nothing about the keys
    body = (await client.post(f"/v1/domains/{domain['id']}/verify", headers=headers)).json()
    checks = {r["key"]: r["status"] for r in body["records"]}
    assert checks[f"dkim:{new['selector']}"] == "missing" and checks[f"dkim:{old}"] == "ok"
    assert body["domain"]["dkim_selector"] == old

    # publish the new key: the next verification switches over and retires the old key
    dns_server.publish(
        {**installation_zone(), "example.test": zone_lines(await dns_records(org, domain["id"]))}
    )
    body = (await client.post(f"/v1/domains/{domain['id']}/verify", headers=headers)).json()
    assert body["domain"]["dkim_selector"] == new["selector"]
    assert [r["key"] for r in body["records"] if r["purpose"] == "dkim"] == [
        f"dkim:{new['selector']}"
    ]
    statuses = {k["selector"]: k["status"] for k in await _keys(client, org, domain["id"])}
    assert statuses == {old: "retired", new["selector"]: "active"}
    selector, pem = await _signing_key(runtime, "example.test") or ("", "")
    assert selector == new["selector"]
    signed = dkimpy.sign(MESSAGE, selector.encode(), b"example.test", pem.encode()) + MESSAGE
    assert dkimpy.verify(signed, dnsfunc=_dnsfunc(dns_server.address))
    async with runtime.db.session(write=False) as s:
        changed = (
            (
                await s.execute(
                    select(Event)
                    .where(Event.type == "directory.domain.dns_changed")
                    .order_by(Event.sequence)
                )
            )
            .scalars()
            .all()
        )
    assert changed[-1].data["dkim_activated"] == new["selector"]
    assert changed[-1].data["dkim_retired"] == [old]


async def test_a_domain_without_a_key_gets_one_on_rotation_and_on_verification(
    client, org, dns_server, runtime
):
    from sqlalchemy import delete

    from api.storage.models import DkimKey

    headers = await org.headers()
    bootstrap = org.made.domain.id
    # the organisation bootstrap gives its domain a key; drop it to stand for a domain
    # that has none (made before keys existed, or whose key generation failed)
    assert await _signing_key(runtime, org.domain) is not None
    async with runtime.db.session() as session:
        await session.execute(delete(DkimKey).where(DkimKey.domain_id == bootstrap))
    assert await _signing_key(runtime, org.domain) is None
    dns_server.publish({**installation_zone(), org.domain: []})
    await client.post(f"/v1/domains/{bootstrap}/verify", headers=headers)
    first = await _signing_key(runtime, org.domain)
    assert first is not None
    other = await add_domain(org, "example.test")
    assert (await _signing_key(runtime, "example.test") or ("",))[0] == other["dkim_selector"]


async def test_unknown_domain_has_no_signing_key(runtime, org):
    assert await _signing_key(runtime, "elsewhere.test") is None
    assert await _signing_key(runtime, "not a domain") is None


async def test_ensure_signing_key_provisions_once(org, runtime):
    async with runtime.db.session() as s:
        await ensure_signing_key(s, org.id, org.made.domain.id)
    first = await _signing_key(runtime, org.domain)
    async with runtime.db.session() as s:
        await ensure_signing_key(s, org.id, org.made.domain.id)
    assert first is not None and await _signing_key(runtime, org.domain) == first
