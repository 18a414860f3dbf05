"""Fan-out: turn newly committed events into one delivery per interested endpoint.

Each endpoint keeps a cursor into its organisation's event sequence. Sequences commit in
order, so everything up to the organisation's head has committed and the cursor can move
to it without ever skipping an event that commits late.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.events.types import READ_SCOPES
from api.kit.ids import new_id
from api.platform.webhooks import queue
from api.platform.webhooks.filters import EndpointFilter, wants
from api.storage.models import Event, WebhookEndpoint

EVENTS_PER_ROUND = 1000
TEST_EVENT = "webhook.endpoint.test"
ENDPOINTS_PER_ROUND = 200


async def endpoint_filter(
    session: AsyncSession, endpoint: WebhookEndpoint, app_scopes: dict[str, frozenset[str]]
) -> EndpointFilter | None:
    """The endpoint's filter, or None when its app is gone or disabled (nothing is sent)."""
    scopes = frozenset(endpoint.scopes) & READ_SCOPES
    if endpoint.app_id is not None:
        if endpoint.app_id not in app_scopes:
            return None
        scopes &= app_scopes[endpoint.app_id]  # an app narrowed later narrows its webhooks
    departments: set[str] = set()
    members: set[str] = set()
    if endpoint.department_ids:
        departments = await queue.department_closure(
            session, endpoint.org_id, endpoint.department_ids
        )
        members = await queue.members_of(session, endpoint.org_id, departments)
    return EndpointFilter(
        patterns=list(endpoint.event_types),
        scopes=scopes,
        owner_account_id=endpoint.owner_account_id,
        account_ids=frozenset(endpoint.account_ids),
        department_ids=frozenset(departments),
        department_members=frozenset(members),
        filter_departments=bool(endpoint.department_ids),
    )


def delivery_row(endpoint: WebhookEndpoint, event: Event, now: datetime) -> dict[str, Any]:
    return {
        "id": new_id("dlv"),
        "org_id": endpoint.org_id,
        "endpoint_id": endpoint.id,
        "event_id": event.id,
        "event_sequence": event.sequence,
        "event_type": event.type,
        "status": "pending",
        "attempts": 0,
        "retry_step": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


async def fan_out(
    session: AsyncSession, *, now: datetime, remember: Callable[[Event], None] | None = None
) -> int:
    """One round: deliveries for events past each endpoint's cursor; returns how many.
    `remember` sees each event that got a delivery (the dispatcher caches their bodies)."""
    behind = await queue.endpoints_behind(session, ENDPOINTS_PER_ROUND)
    if not behind:
        return 0
    scopes = await queue.app_scopes(session, [ep.app_id for ep, _ in behind if ep.app_id])
    by_org: dict[str, list[WebhookEndpoint]] = defaultdict(list)
    heads: dict[str, int] = {}
    for endpoint, head in behind:
        by_org[endpoint.org_id].append(endpoint)
        heads[endpoint.org_id] = head
    rows: list[dict[str, Any]] = []
    cursors: dict[str, int] = {}
    for org_id, endpoints in by_org.items():
        low = min(ep.cursor for ep in endpoints)
        events = await queue.events_between(session, org_id, low, heads[org_id], EVENTS_PER_ROUND)
        top = events[-1].sequence if len(events) == EVENTS_PER_ROUND else heads[org_id]
        wanted_any = False
        filters = [(ep, await endpoint_filter(session, ep, scopes)) for ep in endpoints]
        # Event-major order: a claimed batch spreads over endpoints instead of hammering one.
        for ev in events:
            if ev.type == TEST_EVENT:
                continue  # queued by send_test_event for its one endpoint, never fanned out
            for endpoint, f in filters:
                if f is not None and ev.sequence > endpoint.cursor and wants(f, ev.type, ev.data):
                    rows.append(delivery_row(endpoint, ev, now))
                    wanted_any = True
        for endpoint in endpoints:
            cursors[endpoint.id] = max(endpoint.cursor, top)
        if remember is not None and wanted_any:
            for ev in events:
                remember(ev)
    await queue.insert_deliveries(session, rows)
    await queue.advance_cursors(session, cursors)
    return len(rows)
