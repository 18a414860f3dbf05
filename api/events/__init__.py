"""The event log: rows written in the caller's transaction, read by webhooks, streams and sync."""

from api.events.outbox import emit, list_events

__all__ = ["emit", "list_events"]
