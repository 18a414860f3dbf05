"""Outbound delivery: the queue worker (MX or smarthost, DKIM, retries, bounces) and the
per-recipient delivery status of sent messages."""

from api.mail.outbound.worker import OutboundWorker, run_outbound

__all__ = ["OutboundWorker", "run_outbound"]
