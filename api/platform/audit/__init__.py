"""The audit log of admin mutations and token issuance: reading it (recording is
api.identity.audit, below every domain)."""

from api.identity.audit import record

__all__ = ["record"]
