"""Verify a domain's DNS and record the outcome: on demand and by the periodic job.

DNS is asked between two short transactions (read what to check, then write what was
found), so a slow resolver never holds a database lock. A pending DKIM key whose record
verifies becomes the signing key and the previous key is retired.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.dns.check import OK, Report, check_records
from api.directory.dns.records import RequiredRecord
from api.directory.dns.resolver import Lookup
from api.directory.domains import repository
from api.directory.domains.service import (
    get_domain,
    mail_host,
    make_key,
    new_key_material,
    published_keys,
    records_for,
)
from api.errors import NotFound
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.runtime import Runtime
from api.storage.models import Domain
from api.worker.jobs import enqueue

CHECK_JOB = "directory.domain.check"
DUE_BATCH = 200


@dataclass
class _Plan:
    org_id: str
    domain_id: str
    records: list[RequiredRecord]
    key_material: tuple[str, str] | None  # for a domain that has no key yet


async def _plan(runtime: Runtime, org_id: str, ref: str) -> _Plan:
    async with runtime.db.session(write=False) as session:
        domain = await get_domain(session, org_id, ref)
        keys = await published_keys(session, org_id, domain.id)
        records = records_for(domain, keys, runtime.settings)
    material = None if keys else await new_key_material()
    return _Plan(org_id, domain.id, records, material)


async def _run_checks(runtime: Runtime, plan: _Plan) -> Report:
    settings = runtime.settings
    return await check_records(
        Lookup(settings.dns_resolver),
        plan.records,
        mail_host=mail_host(settings),
        outbound_ips=list(settings.outbound_ips),
    )


def _summary(results: list[dict[str, Any]] | None) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((r["key"], r["status"], tuple(sorted(r.get("found", [])))) for r in results or [])


async def _apply(
    runtime: Runtime,
    session: AsyncSession,
    plan: _Plan,
    report: Report,
    *,
    actor: Principal | None,
    ip: str | None,
) -> Domain:
    domain = await repository.get(session, plan.org_id, plan.domain_id)
    if domain is None:
        raise NotFound(_("No domain {domain_id}.", domain_id=plan.domain_id), param="domain")
    now = utcnow()
    keys = await published_keys(session, plan.org_id, domain.id)
    if not keys and plan.key_material is not None:
        session.add(make_key(plan.org_id, domain.id, plan.key_material, status="active", now=now))
    activated = None
    for key in keys:
        check = report.checks.get(f"dkim:{key.selector}")
        if key.status == "pending" and check is not None and check.status == OK:
            key.status, key.activated_at, activated = "active", now, key
    retired = []
    if activated is not None:
        for key in keys:
            if key.status == "active" and key is not activated:
                key.status, key.retired_at = "retired", now
                retired.append(key.selector)
    results = [
        {**c.as_json(), "checked_at": now.isoformat()}
        for c in report.checks.values()
        if c.key.removeprefix("dkim:") not in retired
    ]
    previous_status = domain.status
    if report.verified:
        status = "verified"
    else:
        status = "failing" if domain.verified_at is not None else "pending"
    dns_changed = _summary(domain.dns_results) != _summary(results)
    domain.dns_results = results
    domain.last_checked_at = now
    domain.next_check_at = now + timedelta(seconds=runtime.settings.dns_check_interval)
    if status != previous_status:
        domain.status = status
        if status == "verified":
            domain.verified_at = now
    if dns_changed or status != previous_status or activated is not None:
        domain.version += 1
        domain.updated_at = now
    if actor is not None:
        await record(
            session,
            org_id=plan.org_id,
            action="domain.checked",
            actor=actor,
            ip=ip,
            target_type="domain",
            target_id=domain.id,
            details={"status": status, "verified": report.verified},
        )
    if status == "verified" and previous_status != "verified":
        await emit(
            session,
            plan.org_id,
            "directory.domain.verified",
            {"id": domain.id, "name": domain.name},
        )
    if dns_changed or activated is not None:
        await emit(
            session,
            plan.org_id,
            "directory.domain.dns_changed",
            {
                "id": domain.id,
                "name": domain.name,
                "status": status,
                "previous_status": previous_status,
                "records": [{"key": r["key"], "status": r["status"]} for r in results],
                "dkim_activated": activated.selector if activated is not None else None,
                "dkim_retired": retired,
            },
        )
    return domain


async def verify_domain(
    runtime: Runtime,
    session: AsyncSession,
    org_id: str,
    ref: str,
    *,
    actor: Principal | None,
    ip: str | None = None,
) -> tuple[Domain, Report]:
    """Check the domain's DNS now; `session` (still unused) receives the outcome."""
    plan = await _plan(runtime, org_id, ref)
    report = await _run_checks(runtime, plan)
    domain = await _apply(runtime, session, plan, report, actor=actor, ip=ip)
    return domain, report


async def check_domain_job(runtime: Runtime, payload: dict[str, Any]) -> None:
    """The worker's periodic re-check of one domain; a vanished domain is nothing to do."""
    try:
        plan = await _plan(runtime, str(payload["org_id"]), str(payload["domain_id"]))
    except NotFound:
        return
    report = await _run_checks(runtime, plan)
    async with runtime.db.session() as session:
        try:
            await _apply(runtime, session, plan, report, actor=None, ip=None)
        except NotFound:
            return


async def schedule_due_checks(runtime: Runtime) -> int:
    """Enqueue a check job for every domain whose next check is due (any organisation)."""
    now = utcnow()
    later = now + timedelta(seconds=runtime.settings.dns_check_interval)
    async with runtime.db.session() as session:
        due = await repository.due_for_check(session, now, DUE_BATCH, lock=not runtime.db.is_sqlite)
        for domain in due:
            domain.next_check_at = later
            await enqueue(
                session,
                CHECK_JOB,
                {"org_id": domain.org_id, "domain_id": domain.id},
                org_id=domain.org_id,
            )
    return len(due)
