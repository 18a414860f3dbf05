"""The event log: rows written in the caller's transaction, read by webhooks, streams and sync."""

import api.events.notify  # noqa: F401  (wakes streams and dispatchers when events commit)
from api.events.outbox import emit, emit_many, list_events

__all__ = ["emit", "emit_many", "list_events"]
