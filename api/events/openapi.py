"""The event catalogue in the OpenAPI document's `webhooks` section: one operation per
event type, its request body the event as a webhook delivers it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Response

from schemas.events import CATALOGUE, EventTypeSpec, envelope_model

SIGNING = (
    "\n\nSigned per Standard Webhooks: `webhook-id` (stable across retries), "
    "`webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`. "
    "Answer 2xx within 15 s; anything else is retried. Bodies over 256 KB arrive thin "
    "(`thin: true` and a `url` to fetch the full event)."
)


def _receiver(spec: EventTypeSpec) -> Callable[..., Awaitable[None]]:
    model = envelope_model(spec)

    async def receive(body: Any) -> None:
        return None

    receive.__annotations__ = {"body": model, "return": None}
    receive.__name__ = "on_" + spec.type.replace(".", "_")
    receive.__doc__ = spec.description + SIGNING
    return receive


def install_webhooks(app: FastAPI) -> None:
    """Document every catalogued event type under `webhooks` (OpenAPI 3.1)."""
    for spec in sorted(CATALOGUE.values(), key=lambda s: s.type):
        app.webhooks.add_api_route(
            spec.type,
            _receiver(spec),
            methods=["POST"],
            tags=[f"events: {spec.domain}"],
            summary=spec.type,
            status_code=200,
            response_model=None,
            response_class=Response,
            generate_unique_id_function=lambda route: route.name,
            responses={200: {"description": "Any 2xx acknowledges the event."}},
        )
