"""The event log: rows written in the caller's transaction, read by webhooks, streams and sync."""

import api.events.notify  # noqa: F401  (wakes streams and dispatchers when events commit)
from api.events.outbox import emit, list_events

__all__ = ["emit", "list_events"]
