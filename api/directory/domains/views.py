"""Domain rows to the public response models (shared by REST and GraphQL)."""

from __future__ import annotations

from api.directory.dns import dkim
from api.directory.dns.names import to_unicode
from api.storage.models import DkimKey as DkimKeyRow
from api.storage.models import Domain as DomainRow
from schemas.domains import DkimKey, Domain


def domain_view(row: DomainRow, selector: str | None) -> Domain:
    return Domain.model_validate(
        {
            "id": row.id,
            "name": row.name,
            "unicode_name": to_unicode(row.name),
            "kind": row.kind,
            "alias_of": row.alias_of,
            "status": row.status,
            "dkim_selector": selector,
            "verified_at": row.verified_at,
            "last_checked_at": row.last_checked_at,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
        }
    )


def key_view(row: DkimKeyRow, domain_name: str) -> DkimKey:
    return DkimKey.model_validate(
        {
            "id": row.id,
            "selector": row.selector,
            "status": row.status,
            "bits": row.bits,
            "record_name": dkim.record_name(row.selector, domain_name),
            "record_value": dkim.txt_value(row.public_key_b64),
            "created_at": row.created_at,
            "activated_at": row.activated_at,
            "retired_at": row.retired_at,
        }
    )
