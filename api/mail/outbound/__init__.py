"""Outbound delivery: the queue (`queue_remote` puts remote recipients on it in the
caller's transaction), the worker that claims it (`worker.OutboundWorker`, `run_outbound`:
MX or smarthost, DKIM, retries, bounces) and per-recipient delivery status.

The face stays light (the worker is imported from `api.mail.outbound.worker` by the process
that runs it): the delivery core queues through it, and the worker's DSNs go back through
the delivery core."""

from api.mail.outbound.enqueue import queue_remote

__all__ = ["queue_remote"]
