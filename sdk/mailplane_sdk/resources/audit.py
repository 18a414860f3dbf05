"""`mp.audit`: the audit log."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec
from mailplane_sdk.endpoints import Namespace, R, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import AuditEntry
from mailplane_sdk.pagination import Page, page_of


class Audit(Namespace[R]):
    """`mp.audit`."""

    @paged("GET", "/v1/audit/entries", "list_audit_entries")
    def list(self, /, **query: Unpack[params.ListAuditEntriesQuery]) -> Spec[Page[AuditEntry]]:
        """Filters: action, actor_id, app_id, target_id, since, until, limit."""
        return Spec(page_of(AuditEntry.from_dict), params=query)
