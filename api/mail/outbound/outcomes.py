"""What happened to each recipient of an attempt, and what the queue row becomes: sent,
deferred with a growing delay, or failed with a bounce to the sender."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.config import Settings
from api.directory import account_locale, organization_locale
from api.events import emit
from api.kit.clock import utcnow
from api.mail.delivery.deliver import deliver
from api.mail.outbound import queue
from api.mail.outbound.bounces import Failure, build_dsn
from api.mail.outbound.queue import Claim
from api.runtime import Runtime
from api.storage.models import Account, MailOutbound

log = logging.getLogger("mailplane.outbound")

_ENHANCED = re.compile(r"^([245]\.\d{1,3}\.\d{1,3})\b")
DSN_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class Outcome:
    kind: str  # sent | deferred | failed
    text: str = ""
    status: str = ""  # RFC 3463 code for failures
    remote: str | None = None  # the remote MTA's name


def from_reply(code: int, text: str, remote: str | None) -> Outcome:
    line = f"{code} {text}".replace("\r", " ").replace("\n", " ")[:900]
    if 200 <= code < 300:
        return Outcome("sent", line, remote=remote)
    found = _ENHANCED.match(text.strip())
    if 400 <= code < 500:
        return Outcome("deferred", line, found.group(1) if found else "4.0.0", remote)
    return Outcome("failed", line, found.group(1) if found else "5.0.0", remote)


def retry_delay(settings: Settings, attempts: int) -> float:
    """5 min, 10, 20, 40, then hourly (with the defaults)."""
    return float(min(settings.outbound_retry_max,
                     settings.outbound_retry_base * 2 ** max(0, attempts - 1)))


def _event(row: MailOutbound, **extra: Any) -> dict[str, Any]:
    return {"id": row.message_id or row.id, "account_id": row.account_id, "outbound_id": row.id,
            "recipient": row.recipient, "message_id_header": row.message_id_header,
            "attempts": row.attempts, **extra}


async def apply(
    session: AsyncSession, runtime: Runtime, results: list[tuple[Claim, Outcome]],
    *, reporting_mta: str,
) -> dict[str, int]:
    """Record `results` in the queue (only rows each claim still holds), emit events, and
    bounce failures into their senders' inboxes. Returns counts by final kind."""
    settings = runtime.settings
    now = utcnow()
    counts = {"sent": 0, "deferred": 0, "failed": 0}
    bounces: dict[tuple[str, str, str], list[tuple[MailOutbound, Failure]]] = {}
    for claim, outcome in results:
        row = await queue.held(session, claim)
        if row is None:
            continue  # our lease ran out and another worker owns the row now
        row.updated_at = now
        if outcome.kind == "sent":
            row.status = "sent"
            row.last_error = None
            await runtime.blobs.decref(session, row.blob_sha256)
            await emit(session, row.org_id, "mail.message.delivered",
                       _event(row, reply=outcome.text[:300]))
            counts["sent"] += 1
            continue
        deadline = row.created_at + timedelta(seconds=settings.bounce_after)
        if outcome.kind == "deferred" and now < deadline:
            row.status = "deferred"
            row.last_error = outcome.text
            row.next_attempt_at = min(now + timedelta(seconds=retry_delay(settings, row.attempts)),
                                      deadline)
            counts["deferred"] += 1
            continue
        status = outcome.status if outcome.kind == "failed" else "4.4.7"
        text = outcome.text if outcome.kind == "failed" else \
            f"gave up after {row.attempts} attempts: {outcome.text}"
        row.status = "failed"
        row.last_error = text[:1000]
        sender = await _bounce_address(session, row)
        if sender:
            locale = await _bounce_locale(session, row)
            bounces.setdefault((row.blob_sha256, sender, locale), []).append(
                (row, Failure(row.recipient, status if status[0] == "5" else "5.4.7", text,
                              outcome.remote)))
        else:
            await runtime.blobs.decref(session, row.blob_sha256)
        await emit(session, row.org_id, "mail.message.bounced",
                   _event(row, status=status, diagnostic=text[:300]))
        counts["failed"] += 1
    for (sha, sender, locale), items in bounces.items():
        original = b"".join([chunk async for chunk in runtime.blobs.read(sha, 0, DSN_HEADER_BYTES)])
        dsn = build_dsn(reporting_mta=reporting_mta, sender=sender, original=original,
                        failures=[f for _, f in items],
                        arrival=min(r.created_at for r, _ in items), now=now, locale=locale)
        report = await deliver(session, runtime, dsn, "", [sender])
        if not report.delivered:
            log.warning("bounce not deliverable", extra={"fields": {"sender": sender}})
        for row, _ in items:
            await runtime.blobs.decref(session, row.blob_sha256)
    return counts


async def _bounce_locale(session: AsyncSession, row: MailOutbound) -> str:
    """The bounce's reader's language: the sending account's, else its organisation's."""
    if row.account_id:
        account = await session.get(Account, row.account_id)
        if account is not None:
            return await account_locale(session, account)
    return await organization_locale(session, row.org_id)


async def _bounce_address(session: AsyncSession, row: MailOutbound) -> str:
    """Where the bounce goes: the sending account, else a local envelope sender; never
    anywhere for the null sender."""
    if not row.envelope_from:
        return ""
    if row.account_id:
        account = await session.get(Account, row.account_id)
        if account is not None and account.status != "deleted":
            return account.address
    return row.envelope_from
