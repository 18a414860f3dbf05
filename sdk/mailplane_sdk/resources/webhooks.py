"""`mp.webhooks`: signed webhook endpoints, their deliveries and attempts."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import (
    Webhook,
    WebhookAttempt,
    WebhookDelivery,
    WebhookReplayResult,
    WebhookWithSecret,
)
from mailplane_sdk.pagination import Page, page_of


class Webhooks(Namespace[R]):
    """`mp.webhooks`. Verify what they send with `mailplane_sdk.verify_webhook`."""

    @paged("GET", "/v1/webhooks", "list_webhooks")
    def list(self, /, **query: Unpack[params.ListWebhooksQuery]) -> Spec[Page[Webhook]]:
        return Spec(page_of(Webhook.from_dict), params=query)

    @endpoint("POST", "/v1/webhooks", "create_webhook")
    def create(self, /, **body: Unpack[params.WebhookCreate]) -> Spec[WebhookWithSecret]:
        """Body: WebhookCreate (url, event_types, …). The `whsec_` secret is shown once."""
        return Spec(model(WebhookWithSecret), json=body)

    @endpoint("GET", "/v1/webhooks/{webhook_id}", "get_webhook")
    def get(self, webhook_id: str) -> Spec[Webhook]:
        return Spec(model(Webhook), path={"webhook_id": webhook_id})

    @endpoint("PATCH", "/v1/webhooks/{webhook_id}", "update_webhook")
    def update(self, webhook_id: str, /, **fields: Unpack[params.WebhookUpdate]) -> Spec[Webhook]:
        return Spec(model(Webhook), path={"webhook_id": webhook_id}, json=fields)

    @endpoint("DELETE", "/v1/webhooks/{webhook_id}", "delete_webhook")
    def delete(self, webhook_id: str) -> Spec[None]:
        return Spec(nothing, path={"webhook_id": webhook_id})

    @endpoint("POST", "/v1/webhooks/{webhook_id}/enable", "enable_webhook")
    def enable(self, webhook_id: str) -> Spec[Webhook]:
        return Spec(model(Webhook), path={"webhook_id": webhook_id})

    @endpoint("POST", "/v1/webhooks/{webhook_id}/disable", "disable_webhook")
    def disable(self, webhook_id: str) -> Spec[Webhook]:
        return Spec(model(Webhook), path={"webhook_id": webhook_id})

    @endpoint("POST", "/v1/webhooks/{webhook_id}/secrets", "rotate_webhook_secret")
    def rotate_secret(
        self, webhook_id: str, /, **body: Unpack[params.WebhookSecretRotation]
    ) -> Spec[WebhookWithSecret]:
        """Body: WebhookSecretRotation (how long the old secret still signs)."""
        return Spec(model(WebhookWithSecret), path={"webhook_id": webhook_id}, json=body or None)

    @endpoint("POST", "/v1/webhooks/{webhook_id}/redeliver", "redeliver_webhook_event")
    def redeliver(
        self, webhook_id: str, /, **body: Unpack[params.WebhookRedelivery]
    ) -> Spec[WebhookDelivery]:
        """Body: WebhookRedelivery (`event_id`)."""
        return Spec(model(WebhookDelivery), path={"webhook_id": webhook_id}, json=body)

    @endpoint("POST", "/v1/webhooks/{webhook_id}/test", "send_webhook_test_event")
    def send_test(self, webhook_id: str) -> Spec[WebhookDelivery]:
        """Send a `webhook.endpoint.test` event to this endpoint only."""
        return Spec(model(WebhookDelivery), path={"webhook_id": webhook_id})

    @endpoint("POST", "/v1/webhooks/{webhook_id}/replay", "replay_webhook_events")
    def replay(
        self, webhook_id: str, /, **body: Unpack[params.WebhookReplay]
    ) -> Spec[WebhookReplayResult]:
        """Body: WebhookReplay (a time or sequence range to send again)."""
        return Spec(model(WebhookReplayResult), path={"webhook_id": webhook_id}, json=body)

    @paged("GET", "/v1/webhooks/{webhook_id}/deliveries", "list_webhook_deliveries")
    def deliveries(
        self, webhook_id: str, /, **query: Unpack[params.ListWebhookDeliveriesQuery]
    ) -> Spec[Page[WebhookDelivery]]:
        return Spec(
            page_of(WebhookDelivery.from_dict), path={"webhook_id": webhook_id}, params=query
        )

    @paged("GET", "/v1/webhooks/{webhook_id}/attempts", "list_webhook_attempts")
    def attempts(
        self, webhook_id: str, /, **query: Unpack[params.ListWebhookAttemptsQuery]
    ) -> Spec[Page[WebhookAttempt]]:
        """Filters: event_id, outcome."""
        return Spec(
            page_of(WebhookAttempt.from_dict), path={"webhook_id": webhook_id}, params=query
        )
