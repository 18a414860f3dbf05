"""Mailplane's Python SDK: a hand-written client over the generated layer."""

from mailplane_sdk.client import Mailplane
from mailplane_sdk.errors import MailplaneError

__all__ = ["Mailplane", "MailplaneError"]
