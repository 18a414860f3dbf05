"""`POST /v1/domains/{id}/verify` and the periodic re-check, against a real DNS server."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from api.kit.clock import utcnow
from api.storage.models import Domain, Event, Job
from api.worker.runner import run_once
from tests.directory.domains.conftest import MAIL_HOST, installation_zone
from tests.directory.domains.dns_server import free_port
from tests.factories.domains import add_domain, dns_records, zone_lines


async def _verify(client, org, domain_id: str) -> dict:
    resp = await client.post(f"/v1/domains/{domain_id}/verify", headers=await org.headers())
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def _by_key(body: dict) -> dict[str, dict]:
    return {r["key"]: r for r in body["records"]}


async def _event_types(runtime, org_id: str) -> list[str]:
    async with runtime.db.session(write=False) as s:
        rows = await s.execute(
            select(Event.type).where(Event.org_id == org_id).order_by(Event.sequence)
        )
        return [t for t in rows.scalars().all() if t.startswith("directory.domain.")]


async def test_correct_records_verify_the_domain(client, org, dns_server, runtime):
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish({**installation_zone(), "example.test": zone_lines(records)})
    body = await _verify(client, org, domain["id"])
    assert body["verified"] is True
    assert body["domain"]["status"] == "verified"
    assert body["domain"]["verified_at"] and body["domain"]["last_checked_at"]
    checks = _by_key(body)
    assert {k: c["status"] for k, c in checks.items()} == {k: "ok" for k in checks}
    assert checks["mx"]["found"] == [f"10 {MAIL_HOST}"]
    assert checks["spf"]["found"] == [f"v=spf1 a:{MAIL_HOST} ~all"]
    assert checks["mail"]["found"] == [MAIL_HOST]
    assert await _event_types(runtime, org.id) == [
        "directory.domain.created",
        "directory.domain.verified",
        "directory.domain.dns_changed",
    ]
    # the stored outcome is what the records listing shows afterwards
    listed = {r["key"]: r for r in await dns_records(org, domain["id"])}
    assert all(r["status"] == "ok" and r["checked_at"] for r in listed.values())
    # a second check that finds the same DNS emits nothing new
    await _verify(client, org, domain["id"])
    assert len(await _event_types(runtime, org.id)) == 3


async def test_empty_zone_reports_every_record_missing(client, org, dns_server):
    domain = await add_domain(org, "example.test")
    dns_server.publish({**installation_zone(), "example.test": []})
    body = await _verify(client, org, domain["id"])
    assert body["verified"] is False and body["domain"]["status"] == "pending"
    assert {r["key"]: (r["status"], r["found"]) for r in body["records"]} == {
        r["key"]: ("missing", []) for r in body["records"]
    }


async def test_wrong_records_are_mismatches_with_the_values_found(client, org, dns_server):
    domain = await add_domain(org, "example.test")
    selector = domain["dkim_selector"]
    dns_server.publish(
        {
            **installation_zone(),
            "example.test": [
                "@ MX 10 mx.oldmail.test.",
                "@ MX 20 mail.mailplane.test.",
                '@ TXT "v=spf1 ip4:198.51.100.0/24 -all"',
                '@ TXT "google-site-verification=abc"',
                f'{selector}._domainkey TXT "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCwrong"',
                '_dmarc TXT "v=DMARC1; rua=mailto:x@example.test"',
                "mail CNAME mail.oldmail.test.",
                "autoconfig A 198.51.100.7",
            ],
        }
    )
    body = await _verify(client, org, domain["id"])
    checks = _by_key(body)
    assert body["verified"] is False
    assert checks["mx"]["status"] == "mismatch"
    assert checks["mx"]["found"] == ["10 mx.oldmail.test", f"20 {MAIL_HOST}"]
    assert checks["spf"]["status"] == "mismatch"
    assert checks["spf"]["found"] == ["v=spf1 ip4:198.51.100.0/24 -all"]
    assert checks["spf"]["detail"].startswith("fail for 192.0.2.25")
    assert checks[f"dkim:{selector}"]["status"] == "mismatch"
    assert checks[f"dkim:{selector}"]["found"][0].endswith("wrong")
    assert checks["dmarc"]["status"] == "mismatch"
    assert checks["mail"] == {
        **checks["mail"],
        "status": "mismatch",
        "found": ["mail.oldmail.test"],
    }
    assert checks["autoconfig"]["status"] == "mismatch"
    assert checks["autoconfig"]["found"] == ["198.51.100.7"]


async def test_spf_that_includes_ours_through_a_chain_is_ok(client, org, dns_server):
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish(
        {
            **installation_zone(),
            "example.test": [
                *zone_lines(records, skip=("spf",)),
                '@ TXT "v=spf1 include:_spf.corp.test include:spf.crm.test ~all"',
            ],
            "corp.test": [
                '_spf TXT "v=spf1 ip4:203.0.113.0/24 include:_spf2.corp.test -all"',
                '_spf2 TXT "v=spf1 a:mail.mailplane.test -all"',
            ],
            "crm.test": ['spf TXT "v=spf1 ip4:198.51.100.9 -all"'],
        }
    )
    checks = _by_key(await _verify(client, org, domain["id"]))
    assert checks["spf"]["status"] == "ok", checks["spf"]
    assert checks["spf"]["detail"] == "pass (4 DNS lookups)"


async def test_spf_over_ten_lookups_is_a_permerror_even_when_ours_matches_first(
    client, org, dns_server
):
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    includes = " ".join(f"include:s{i}.chain.test" for i in range(10))
    dns_server.publish(
        {
            **installation_zone(),
            "example.test": [
                *zone_lines(records, skip=("spf",)),
                f'@ TXT "v=spf1 a:mail.mailplane.test {includes} -all"',
            ],
            "chain.test": [f's{i} TXT "v=spf1 ip4:198.51.100.{i} -all"' for i in range(10)],
        }
    )
    body = await _verify(client, org, domain["id"])
    spf = _by_key(body)["spf"]
    assert spf["status"] == "mismatch"
    assert spf["detail"].startswith("permerror: more than 10 DNS lookups")
    assert body["verified"] is False


async def test_spf_redirect_is_followed(client, org, dns_server):
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish(
        {
            **installation_zone(),
            "example.test": [
                *zone_lines(records, skip=("spf",)),
                '@ TXT "v=spf1 redirect=_spf.corp.test"',
            ],
            "corp.test": ['_spf TXT "v=spf1 mx:example.test -all"'],
        }
    )
    checks = _by_key(await _verify(client, org, domain["id"]))
    assert checks["spf"]["status"] == "ok", checks["spf"]


async def test_two_spf_records_are_a_mismatch(client, org, dns_server):
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish(
        {
            **installation_zone(),
            "example.test": [
                *zone_lines(records),
                '@ TXT "v=spf1 -all"',
            ],
        }
    )
    spf = _by_key(await _verify(client, org, domain["id"]))["spf"]
    assert spf["status"] == "mismatch" and len(spf["found"]) == 2
    assert "more than one SPF record" in spf["detail"]


async def test_sending_addresses_default_to_the_mail_hosts_addresses(client, org, dns_server, app):
    app.state.runtime.settings.outbound_ips = []
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish(
        {
            **installation_zone(),
            "example.test": [
                *zone_lines(records, skip=("spf",)),
                '@ TXT "v=spf1 ip4:192.0.2.25 -all"',
            ],
        }
    )
    # IPv4 passes but the mail host's IPv6 address is not authorised
    spf = _by_key(await _verify(client, org, domain["id"]))["spf"]
    assert spf["status"] == "mismatch" and spf["detail"].startswith("fail for 2001:db8::25")


async def test_losing_records_makes_a_verified_domain_failing(client, org, dns_server, runtime):
    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish({**installation_zone(), "example.test": zone_lines(records)})
    assert (await _verify(client, org, domain["id"]))["verified"]
    dns_server.publish({**installation_zone(), "example.test": zone_lines(records, skip=("mx",))})
    body = await _verify(client, org, domain["id"])
    assert body["domain"]["status"] == "failing"
    assert _by_key(body)["mx"]["status"] == "missing"
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
    assert changed[-1].data["previous_status"] == "verified"
    assert changed[-1].data["status"] == "failing"
    assert {"key": "mx", "status": "missing"} in changed[-1].data["records"]


async def test_unreachable_resolver_is_503_and_changes_nothing(
    client, org, app, runtime, monkeypatch
):
    monkeypatch.setattr("api.directory.dns.resolver.DEFAULT_TIMEOUT", 0.5)
    domain = await add_domain(org, "example.test")
    app.state.runtime.settings.dns_resolver = f"127.0.0.1:{free_port()}"
    resp = await client.post(f"/v1/domains/{domain['id']}/verify", headers=await org.headers())
    assert resp.status_code == 503
    assert resp.json()["code"] == "dns_unavailable"
    async with runtime.db.session(write=False) as s:
        row = await s.get(Domain, domain["id"])
    assert row is not None and row.last_checked_at is None and row.dns_results is None


async def test_a_zone_the_server_refuses_is_503_not_missing(client, org, dns_server):
    domain = await add_domain(org, "example.test")
    dns_server.publish(installation_zone())  # example.test is not served: REFUSED
    resp = await client.post(f"/v1/domains/{domain['id']}/verify", headers=await org.headers())
    assert resp.status_code == 503 and resp.json()["code"] == "dns_unavailable"


async def test_periodic_check_enqueues_due_domains_and_the_worker_verifies_them(
    org, dns_server, runtime
):
    from api.directory.domains.verification import schedule_due_checks

    domain = await add_domain(org, "example.test")
    records = await dns_records(org, domain["id"])
    dns_server.publish({**installation_zone(), "example.test": zone_lines(records)})
    assert await schedule_due_checks(runtime) == 2  # example.test and the bootstrap acme.test
    assert await schedule_due_checks(runtime) == 0  # nothing is due twice
    async with runtime.db.session(write=False) as s:
        jobs = (
            (await s.execute(select(Job).where(Job.kind == "directory.domain.check")))
            .scalars()
            .all()
        )
    assert {j.payload["domain_id"] for j in jobs} == {domain["id"], org.made.domain.id}
    await run_once(runtime, "test-worker")
    async with runtime.db.session(write=False) as s:
        row = await s.get(Domain, domain["id"])
        bootstrap = await s.get(Domain, org.made.domain.id)
        done = (
            (await s.execute(select(Job.status).where(Job.kind == "directory.domain.check")))
            .scalars()
            .all()
        )
        types = (await s.execute(select(Event.type).where(Event.org_id == org.id))).scalars().all()
    assert row is not None and row.status == "verified" and row.last_checked_at is not None
    assert row.next_check_at is not None and row.next_check_at > utcnow() + timedelta(hours=1)
    assert bootstrap is not None and bootstrap.status == "pending"  # acme.test is not served
    assert "directory.domain.verified" in types
    assert sorted(done) == ["done", "queued"]  # the refused zone is retried later


async def test_due_check_runs_again_after_the_interval(org, dns_server, runtime):
    from api.directory.domains.verification import schedule_due_checks

    await add_domain(org, "example.test")
    await schedule_due_checks(runtime)
    async with runtime.db.session() as s:
        await s.execute(update(Domain).values(next_check_at=utcnow() - timedelta(seconds=1)))
    assert await schedule_due_checks(runtime) == 2
