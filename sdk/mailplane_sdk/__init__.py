"""Mailplane's Python SDK: a hand-written client over the generated layer."""

from mailplane_sdk.client import Mailplane
from mailplane_sdk.errors import MailplaneError
from mailplane_sdk.events import EventStream
from mailplane_sdk.webhooks import WebhookVerificationError, verify_webhook

__all__ = ["EventStream", "Mailplane", "MailplaneError", "WebhookVerificationError", "verify_webhook"]
