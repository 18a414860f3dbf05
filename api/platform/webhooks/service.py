"""Rules for webhook endpoints: who may subscribe to what, secrets shown once and rotated
with grace, the verification challenge, enable/disable, redelivery and replay."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.config import Settings
from api.directory import find_account
from api.errors import Gone, NotFound, ValidationFailed
from api.events import emit
from api.events.retention import purged_through
from api.events.types import READ_SCOPES, parse_patterns, scope_for, visible
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.platform.webhooks import fanout, queue, repository, verification
from api.platform.webhooks.filters import wants
from api.platform.webhooks.secrets import seal, unseal
from api.platform.webhooks.signing import new_secret
from api.storage.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookSecret,
)
from api.worker.jobs import enqueue
from schemas.webhooks import WebhookCreate, WebhookUpdate

MAX_REPLAY = 10_000
DISABLED_NOTICE_JOB = "webhooks.endpoint_disabled_notice"


def _patterns(principal: Principal, values: list[str]) -> list[str]:
    patterns = parse_patterns(values, param="event_types")
    if not patterns:
        raise ValidationFailed("Give at least one event type.", param="event_types")
    for p in patterns:
        domain = p.split(".", 1)[0]
        if domain != "*" and scope_for(p) not in principal.scopes:
            raise ValidationFailed(
                _(
                    "Subscribing to {pattern} needs the scope {scope}.",
                    pattern=p,
                    scope=scope_for(p),
                ), param="event_types"
            )
    return patterns


def _event_data(endpoint: WebhookEndpoint, **extra: Any) -> dict[str, Any]:
    return {"id": endpoint.id, "app_id": endpoint.app_id, "url": endpoint.url, **extra}


async def _account_ids(session: AsyncSession, org_id: str, refs: list[str]) -> list[str]:
    out: list[str] = []
    for i, ref in enumerate(refs):
        account = await find_account(session, org_id, ref)
        if account is None:
            raise ValidationFailed(_("No account {ref}.", ref=ref), param=f"account_ids[{i}]")
        if account.id not in out:
            out.append(account.id)
    return out


async def _department_ids(session: AsyncSession, org_id: str, ids: list[str]) -> list[str]:
    known = await repository.known_departments(session, org_id, ids)
    for i, dep in enumerate(ids):
        if dep not in known:
            raise ValidationFailed(_("No department {dep}.", dep=dep), param=f"department_ids[{i}]")
    return list(dict.fromkeys(ids))


def _seal(settings: Settings, endpoint: WebhookEndpoint, secret: str) -> WebhookSecret:
    return WebhookSecret(
        id=new_id("whs"),
        org_id=endpoint.org_id,
        endpoint_id=endpoint.id,
        sealed=seal(settings.signing_key(), endpoint.id, secret),
        hint=secret[-4:],
        created_at=utcnow(),
    )


async def create_endpoint(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    data: WebhookCreate,
    *,
    ip: str | None = None,
) -> tuple[WebhookEndpoint, str]:
    """Create an endpoint after it answered the challenge; the secret is returned once."""
    patterns = _patterns(principal, data.event_types)
    verification.check_destination(settings, data.url)
    secret = new_secret()
    # The challenge runs before this transaction touches the database (no lock held for 10 s).
    await verification.challenge(settings, data.url, secret)
    org_id = principal.org_id
    now = utcnow()
    endpoint = WebhookEndpoint(
        id=new_id("whk"),
        org_id=org_id,
        app_id=principal.app_id,
        owner_account_id=None if principal.kind == "app" else principal.account_id,
        url=data.url,
        description=data.description,
        event_types=patterns,
        account_ids=await _account_ids(session, org_id, data.account_ids),
        department_ids=await _department_ids(session, org_id, data.department_ids),
        scopes=sorted(READ_SCOPES & set(principal.scopes)),
        ordered=data.ordered,
        status="enabled",
        cursor=0,
        verified_at=now,
        version=1,
        created_at=now,
        updated_at=now,
    )
    session.add(endpoint)
    session.add(_seal(settings, endpoint, secret))
    await record(
        session,
        org_id=org_id,
        action="webhook.created",
        actor=principal,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
        details={"url": data.url, "event_types": patterns},
    )
    created = await emit(session, org_id, "webhook.endpoint.created", _event_data(endpoint))
    await session.flush()  # numbers the event
    endpoint.cursor = created.sequence  # it hears of events after its own creation
    return endpoint, secret


async def get_endpoint(session: AsyncSession, org_id: str, endpoint_id: str) -> WebhookEndpoint:
    endpoint = await repository.get(session, org_id, endpoint_id)
    if endpoint is None:
        raise NotFound(_("No webhook {endpoint_id}.", endpoint_id=endpoint_id), param="webhook_id")
    return endpoint


async def list_endpoints(
    session: AsyncSession, org_id: str, params: PageParams, *, app_id: str | None = None
) -> tuple[list[WebhookEndpoint], str | None]:
    return await repository.page(session, org_id, params, app_id=app_id)


async def current_secret(
    session: AsyncSession, settings: Settings, endpoint: WebhookEndpoint
) -> str:
    rows = await repository.secrets_of(session, endpoint.org_id, endpoint.id)
    live = [r for r in rows if r.expires_at is None or r.expires_at > utcnow()]
    if not live:
        raise ValidationFailed("The endpoint has no live secret; rotate it first.", param="url")
    return unseal(settings.signing_key(), endpoint.id, live[-1].sealed)


async def update_endpoint(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    endpoint: WebhookEndpoint,
    data: WebhookUpdate,
    *,
    ip: str | None = None,
    verified_url: str | None = None,
) -> WebhookEndpoint:
    """Merge-patch an endpoint; a new URL must answer the challenge first."""
    values = merge_patch.changes(data)
    for key in ("url", "event_types", "account_ids", "department_ids", "ordered", "description"):
        if key in values and values[key] is None:
            raise ValidationFailed(_("{key} cannot be null.", key=key), param=key)
    if "event_types" in values:
        values["event_types"] = _patterns(principal, values["event_types"])
    if "url" in values and values["url"] != endpoint.url:
        verification.check_destination(settings, values["url"])
        if verified_url != values["url"]:
            await verification.challenge(
                settings, values["url"], await current_secret(session, settings, endpoint)
            )
    if "account_ids" in values:
        values["account_ids"] = await _account_ids(session, endpoint.org_id, values["account_ids"])
    if "department_ids" in values:
        values["department_ids"] = await _department_ids(
            session, endpoint.org_id, values["department_ids"]
        )
    changed = merge_patch.apply(endpoint, values)
    if not changed:
        return endpoint
    endpoint.version += 1
    endpoint.updated_at = utcnow()
    if "url" in changed:
        endpoint.verified_at = endpoint.updated_at
    await record(
        session,
        org_id=endpoint.org_id,
        action="webhook.updated",
        actor=principal,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
        details={"changed": changed},
    )
    await emit(
        session, endpoint.org_id, "webhook.endpoint.updated", _event_data(endpoint, changed=changed)
    )
    return endpoint


async def delete_endpoint(
    session: AsyncSession, principal: Principal, endpoint: WebhookEndpoint, *, ip: str | None = None
) -> None:
    await repository.delete_endpoint_rows(session, endpoint.org_id, endpoint.id)
    await session.delete(endpoint)
    await record(
        session,
        org_id=endpoint.org_id,
        action="webhook.deleted",
        actor=principal,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
    )
    await emit(session, endpoint.org_id, "webhook.endpoint.deleted", _event_data(endpoint))


async def enable_endpoint(
    session: AsyncSession, principal: Principal, endpoint: WebhookEndpoint, *, ip: str | None = None
) -> WebhookEndpoint:
    """Enable again. Deliveries still pending resume; events from while it was disabled are
    not sent unless replayed (`POST /v1/webhooks/{id}/replay`)."""
    if endpoint.status == "enabled":
        return endpoint
    endpoint.status = "enabled"
    endpoint.disabled_reason = None
    endpoint.failing_since = None
    endpoint.version += 1
    endpoint.updated_at = utcnow()
    await record(
        session,
        org_id=endpoint.org_id,
        action="webhook.enabled",
        actor=principal,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
    )
    enabled = await emit(
        session, endpoint.org_id, "webhook.endpoint.enabled", _event_data(endpoint)
    )
    await session.flush()  # numbers the event
    endpoint.cursor = enabled.sequence
    return endpoint


async def disable_endpoint(
    session: AsyncSession,
    endpoint: WebhookEndpoint,
    reason: str,
    *,
    actor: Principal | None = None,
    ip: str | None = None,
    now: datetime | None = None,
) -> WebhookEndpoint:
    """Stop sending (manual, 410 Gone, or 5 days of failures); admins hear of automatic ones."""
    if endpoint.status == "disabled":
        return endpoint
    endpoint.status = "disabled"
    endpoint.disabled_reason = reason
    endpoint.version += 1
    endpoint.updated_at = now or utcnow()
    await record(
        session,
        org_id=endpoint.org_id,
        action="webhook.disabled",
        actor=actor,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
        details={"reason": reason},
    )
    await emit(
        session, endpoint.org_id, "webhook.endpoint.disabled", _event_data(endpoint, reason=reason)
    )
    if reason != "manual":
        await enqueue(
            session,
            DISABLED_NOTICE_JOB,
            {"endpoint_id": endpoint.id, "reason": reason},
            org_id=endpoint.org_id,
        )
    return endpoint


async def rotate_secret(
    session: AsyncSession,
    settings: Settings,
    principal: Principal,
    endpoint: WebhookEndpoint,
    grace_seconds: int,
    *,
    ip: str | None = None,
) -> tuple[str, datetime]:
    """A new secret; the old ones keep signing beside it for `grace_seconds`."""
    now = utcnow()
    old_until = now + timedelta(seconds=grace_seconds)
    for old in await repository.secrets_of(session, endpoint.org_id, endpoint.id):
        if old.expires_at is None or old.expires_at > old_until:
            old.expires_at = old_until
    secret = new_secret()
    session.add(_seal(settings, endpoint, secret))
    endpoint.version += 1
    endpoint.updated_at = now
    await record(
        session,
        org_id=endpoint.org_id,
        action="webhook.secret_rotated",
        actor=principal,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
        details={"grace_seconds": grace_seconds},
    )
    await emit(session, endpoint.org_id, "webhook.endpoint.secret_rotated", _event_data(endpoint))
    return secret, old_until


def _requeue(d: WebhookDelivery, now: datetime) -> None:
    d.status = "pending"
    d.retry_step = 0
    d.next_attempt_at = now
    d.lease_until = None
    d.locked_by = None
    d.finished_at = None


async def redeliver(
    session: AsyncSession,
    principal: Principal,
    endpoint: WebhookEndpoint,
    event_id: str,
    *,
    ip: str | None = None,
) -> WebhookDelivery:
    """Send one event again (same `webhook-id` if sent before), with the schedule started over."""
    event = await repository.event(session, endpoint.org_id, event_id)
    if event is None:
        raise NotFound(_("No event {event_id}.", event_id=event_id), param="event_id")
    if not visible(endpoint.scopes, endpoint.owner_account_id, event.type, event.data):
        raise ValidationFailed("This endpoint may not receive that event.", param="event_id")
    now = utcnow()
    existing = await repository.deliveries_for(session, endpoint.org_id, endpoint.id, [event.id])
    d = existing.get(event.id)
    if d is None:
        d = WebhookDelivery(**fanout.delivery_row(endpoint, event, now))
        session.add(d)
    else:
        _requeue(d, now)
    await record(
        session,
        org_id=endpoint.org_id,
        action="webhook.redelivered",
        actor=principal,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
        details={"event_id": event.id},
    )
    await session.flush()
    return d


async def send_test_event(
    session: AsyncSession, principal: Principal, endpoint: WebhookEndpoint, *, ip: str | None = None
) -> WebhookDelivery:
    """Stripe's "send test webhook": a `webhook.endpoint.test` event in the log, delivered to
    this endpoint only (signed, retried and logged like any other delivery)."""
    event = await emit(
        session, endpoint.org_id, fanout.TEST_EVENT, _event_data(endpoint)
    )
    await session.flush()  # numbers the event: the delivery row records its sequence
    d = WebhookDelivery(**fanout.delivery_row(endpoint, event, utcnow()))
    session.add(d)
    await record(
        session, org_id=endpoint.org_id, action="webhook.test_sent", actor=principal, ip=ip,
        target_type="webhook", target_id=endpoint.id, details={"event_id": event.id},
    )
    await session.flush()
    return d


async def replay(
    session: AsyncSession,
    principal: Principal,
    endpoint: WebhookEndpoint,
    first: int,
    last: int,
    *,
    ip: str | None = None,
) -> int:
    """Queue every event in `first..last` that matches the endpoint's filters."""
    if last < first:
        raise ValidationFailed("to_sequence must not be below from_sequence.", param="to_sequence")
    if last - first + 1 > MAX_REPLAY:
        raise ValidationFailed(
            _(
                "Replay at most {MAX_REPLAY} sequences at once.", MAX_REPLAY=MAX_REPLAY
            ), param="to_sequence"
        )
    gone = await purged_through(session, endpoint.org_id)
    if first <= gone:
        raise Gone(_(
            "Events up to sequence {gone} are past retention.", gone=gone
        ), param="from_sequence")
    scopes = await queue.app_scopes(session, [endpoint.app_id] if endpoint.app_id else [])
    f = await fanout.endpoint_filter(session, endpoint, scopes)
    if f is None:
        raise ValidationFailed("The endpoint's app is disabled or deleted.", param="webhook_id")
    events = [
        e
        for e in await repository.events_in_range(session, endpoint.org_id, first, last)
        if wants(f, e.type, e.data)
    ]
    existing = await repository.deliveries_for(
        session, endpoint.org_id, endpoint.id, [e.id for e in events]
    )
    now = utcnow()
    fresh = []
    for event in events:
        if event.id in existing:
            _requeue(existing[event.id], now)
        else:
            fresh.append(fanout.delivery_row(endpoint, event, now))
    await queue.insert_deliveries(session, fresh)
    await record(
        session,
        org_id=endpoint.org_id,
        action="webhook.replayed",
        actor=principal,
        ip=ip,
        target_type="webhook",
        target_id=endpoint.id,
        details={"from_sequence": first, "to_sequence": last, "queued": len(events)},
    )
    return len(events)


async def list_deliveries(
    session: AsyncSession, endpoint: WebhookEndpoint, params: PageParams, *, status: str | None
) -> tuple[list[WebhookDelivery], str | None]:
    return await repository.delivery_page(
        session, endpoint.org_id, endpoint.id, params, status=status
    )


async def require_event(session: AsyncSession, org_id: str, event_id: str) -> None:
    if await repository.event(session, org_id, event_id) is None:
        raise NotFound(_("No event {event_id}.", event_id=event_id), param="event_id")


async def list_attempts(
    session: AsyncSession,
    org_id: str,
    params: PageParams,
    *,
    endpoint_id: str | None = None,
    event_id: str | None = None,
    outcome: str | None = None,
) -> tuple[list[WebhookAttempt], str | None]:
    return await repository.attempt_page(
        session, org_id, params, endpoint_id=endpoint_id, event_id=event_id, outcome=outcome
    )
