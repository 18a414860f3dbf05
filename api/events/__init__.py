"""The event log: rows written in the caller's transaction, read by webhooks, streams and sync."""

from api.events.outbox import emit, emit_many, list_events
from api.storage import notify  # noqa: F401  (wakes streams and dispatchers when events commit)

__all__ = ["emit", "emit_many", "list_events"]
