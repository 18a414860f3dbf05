"""The audit log of admin mutations and token issuance."""

from api.platform.audit.service import record

__all__ = ["record"]
