"""Mailplane's Python SDK: a hand-written client over the generated layer.

from mailplane_sdk import Mailplane, errors

mp = Mailplane.from_env()
try:
    mp.accounts.get("nobody@corp.example")
except errors.NotFound as exc:
    print(exc.request_id)
"""

from mailplane_sdk import errors
from mailplane_sdk.async_client import AsyncMailplane
from mailplane_sdk.authorization_code import AuthorizationCodeFlow, AuthorizationRequest
from mailplane_sdk.client import Mailplane
from mailplane_sdk.errors import MailplaneError
from mailplane_sdk.events import AsyncEventStream, EventStream
from mailplane_sdk.models import PlatformEvent
from mailplane_sdk.transport import AsyncRetryTransport, RetryPolicy, RetryTransport
from mailplane_sdk.user_tokens import UserTokens
from mailplane_sdk.webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "AsyncEventStream",
    "AsyncMailplane",
    "AsyncRetryTransport",
    "AuthorizationCodeFlow",
    "AuthorizationRequest",
    "EventStream",
    "Mailplane",
    "MailplaneError",
    "PlatformEvent",
    "RetryPolicy",
    "RetryTransport",
    "UserTokens",
    "WebhookVerificationError",
    "errors",
    "verify_webhook",
]
