"""Webhook endpoints: signed (Standard Webhooks) delivery of the event log, with retries,
leases, SSRF defence, replay and per-endpoint filters."""
