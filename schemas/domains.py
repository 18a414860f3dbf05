"""Hosted domains, the DNS records they need, verification results and DKIM keys."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from schemas.base import RequestModel, ResponseModel


class DomainCreate(RequestModel):
    name: str = Field(
        min_length=1,
        max_length=300,
        description="The domain, internationalised names allowed (stored in A-label form).",
    )
    alias_of: str | None = Field(
        default=None,
        min_length=1,
        max_length=300,
        description="Make this an alias domain mirroring the primary domain with this id or name.",
    )


class Domain(ResponseModel):
    id: str
    name: str = Field(description="A-label (ASCII) form, as used in addresses and DNS.")
    unicode_name: str = Field(description="The display form of an internationalised name.")
    kind: Literal["primary", "alias"]
    alias_of: str | None = Field(description="The primary domain's id, for an alias domain.")
    status: Literal["pending", "verified", "failing"] = Field(
        description="`verified` while MX and SPF are right; `failing` once a verified domain "
        "stops being so; `pending` before it ever was."
    )
    dkim_selector: str | None = Field(description="The selector of the key that signs mail.")
    verified_at: datetime | None
    last_checked_at: datetime | None
    created_at: datetime
    updated_at: datetime


class DnsRecord(ResponseModel):
    key: str = Field(description="Stable key within the domain: mx, spf, dkim:<selector>, …")
    purpose: Literal["mx", "spf", "dkim", "dmarc", "mail_cname", "autoconfig_cname"]
    type: Literal["MX", "TXT", "CNAME"]
    name: str
    value: str = Field(description="The exact value to publish (MX: the exchange host).")
    priority: int | None = None
    ttl: int
    required: bool = Field(description="MX and SPF are required for the domain to verify.")
    selector: str | None = None
    zone_line: str = Field(description="The record in zone-file syntax.")
    status: Literal["ok", "missing", "mismatch", "unchecked"]
    found: list[str] = Field(description="What DNS returned at the last check.")
    detail: str | None = None
    checked_at: datetime | None = None


class DomainVerification(ResponseModel):
    domain: Domain
    verified: bool
    records: list[DnsRecord]


class DkimKey(ResponseModel):
    id: str
    selector: str
    status: Literal["pending", "active", "retired"] = Field(
        description="`active` signs; `pending` waits for its record to verify while the "
        "active key stays published; `retired` is no longer published."
    )
    bits: int
    record_name: str
    record_value: str
    created_at: datetime
    activated_at: datetime | None
    retired_at: datetime | None
