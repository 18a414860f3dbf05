"""Webhook background work: the dispatcher (started once per worker process and stopped
with it), the mail to administrators when an endpoint is disabled automatically, and the
purge of old delivery records."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from sqlalchemy import delete, select

import api.events.tasks  # noqa: F401  (the event log's retention purge)
from api.kit.clock import utcnow
from api.mail import deliver
from api.platform.webhooks.dispatcher import Dispatcher
from api.platform.webhooks.service import DISABLED_NOTICE_JOB
from api.runtime import Runtime
from api.storage.models import Account, Domain, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from api.worker.runner import PERIODIC, handler

log = logging.getLogger("mailplane.webhooks")
TASK_KEY = "webhooks.dispatcher"


async def ensure_dispatcher(runtime: Runtime) -> None:
    """Start this process's dispatcher if it is not running; it stops with the worker loop."""
    task = runtime.extras.get(TASK_KEY)
    if isinstance(task, asyncio.Task) and not task.done():
        return
    stop = asyncio.Event()
    dispatcher = Dispatcher(runtime)
    task = asyncio.create_task(dispatcher.run(stop), name="webhook-dispatcher")
    runtime.extras[TASK_KEY] = task
    parent = asyncio.current_task()
    if parent is not None:
        # The worker loop calls us: when it ends, the dispatcher winds down too.
        parent.add_done_callback(lambda _t: stop.set())


async def purge_old_deliveries(runtime: Runtime) -> None:
    cutoff = utcnow() - timedelta(days=runtime.settings.event_retention_days)
    async with runtime.db.session() as session:
        await session.execute(delete(WebhookAttempt).where(WebhookAttempt.started_at < cutoff))
        await session.execute(
            delete(WebhookDelivery).where(
                WebhookDelivery.status != "pending", WebhookDelivery.finished_at < cutoff
            )
        )


PERIODIC.extend([(5.0, ensure_dispatcher), (3600.0, purge_old_deliveries)])

REASONS = {
    "gone": "it answered 410 Gone",
    "failing": "every delivery to it failed for 5 days",
}


def notice(sender: str, admins: list[str], endpoint: WebhookEndpoint, reason: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(admins)
    msg["Subject"] = f"Webhook endpoint disabled: {endpoint.url}"[:200]
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    msg.set_content(
        f"Mailplane disabled the webhook endpoint {endpoint.id} ({endpoint.url}) because "
        f"{REASONS.get(reason, reason)}.\n\nNo events are sent to it until an administrator "
        "enables it again (POST /v1/webhooks/{id}/enable). Events from the time it was "
        "disabled can be sent with POST /v1/webhooks/{id}/replay.\n"
    )
    return bytes(msg)


@handler(DISABLED_NOTICE_JOB)
async def send_disabled_notice(runtime: Runtime, payload: dict[str, Any]) -> None:
    """Mail the organisation's administrators that an endpoint was disabled automatically."""
    async with runtime.db.session() as session:
        endpoint = await session.get(WebhookEndpoint, payload["endpoint_id"])
        if endpoint is None:
            return
        admins = list(
            (
                await session.execute(
                    select(Account.address).where(
                        Account.org_id == endpoint.org_id,
                        Account.role == "admin",
                        Account.status == "active",
                    )
                )
            )
            .scalars()
            .all()
        )
        domain = await session.scalar(
            select(Domain.name).where(Domain.org_id == endpoint.org_id).order_by(Domain.created_at)
        )
        if not admins or domain is None:
            log.warning("no administrator to tell about disabled webhook %s", endpoint.id)
            return
        sender = f"postmaster@{domain}"
        await deliver(
            session,
            runtime,
            notice(sender, admins, endpoint, payload["reason"]),
            sender,
            admins,
            org_id=endpoint.org_id,
        )
