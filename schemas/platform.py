"""Apps, the caller's identity and audit entries."""

from __future__ import annotations

import ipaddress
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AnyUrl, Field, field_validator

from schemas.base import RequestModel, ResponseModel
from schemas.directory import DisplayName, LocaleTag, TimeZone, check_time_zone
from schemas.text import SingleLine

Name = Annotated[str, Field(min_length=1, max_length=200), SingleLine]
RedirectUri = Annotated[str, Field(min_length=1, max_length=2000)]


def _check_redirect_uris(uris: list[str] | None) -> list[str] | None:
    if uris is None:
        return uris
    for uri in uris:
        parsed = AnyUrl(uri)
        if "#" in uri:
            raise ValueError("redirect URIs must not contain a fragment")
        if parsed.scheme == "http" and parsed.host not in ("127.0.0.1", "localhost", "[::1]", "::1"):
            raise ValueError("http redirect URIs are allowed only for loopback hosts")
    if len(set(uris)) != len(uris):
        raise ValueError("redirect URIs must be unique")
    return uris


class AppCreate(RequestModel):
    name: Name
    client_type: Literal["confidential", "public"] = "confidential"
    redirect_uris: list[RedirectUri] = Field(default_factory=list, max_length=20)
    scopes: list[str] = Field(default_factory=list, max_length=50)

    _uris = field_validator("redirect_uris")(_check_redirect_uris)


class AppUpdate(RequestModel):
    name: Name | None = None
    redirect_uris: list[RedirectUri] | None = Field(default=None, max_length=20)
    scopes: list[str] | None = Field(default=None, max_length=50)
    disabled: bool | None = None

    _uris = field_validator("redirect_uris")(_check_redirect_uris)


class App(ResponseModel):
    id: str
    client_id: str
    name: str
    client_type: str
    redirect_uris: list[str]
    scopes: list[str]
    disabled: bool
    created_at: datetime
    updated_at: datetime


class AppCredentials(App):
    """Returned once, when an app is created or its secret rotated."""

    client_secret: str | None = None
    secret_expires_previous_at: datetime | None = None


class SecretRotation(RequestModel):
    grace_seconds: int | None = Field(default=None, ge=0, le=30 * 24 * 3600)


class Me(ResponseModel):
    kind: Literal["app", "app_user", "account"]
    org_id: str
    org_name: str
    scopes: list[str]
    app_id: str | None = None
    app_name: str | None = None
    account_id: str | None = None
    address: str | None = None
    display_name: str | None = None
    role: str | None = None
    time_zone: str | None = Field(
        default=None,
        description="The person's IANA time zone (their own, else their organisation's); "
        "null for an app acting for itself.",
    )
    locale: str | None = Field(
        default=None,
        description="The person's language (`en` or `zh-CN`; their own, else their "
        "organisation's); null for an app acting for itself.",
    )


class MeUpdate(RequestModel):
    """JSON merge patch of the caller's own profile: only what a person may change about
    themselves (Microsoft Graph's `PATCH /me`). `null` for `time_zone` or `locale` goes back
    to the organisation's."""

    display_name: DisplayName | None = None
    time_zone: TimeZone | None = None
    locale: LocaleTag | None = None


class AuditEntry(ResponseModel):
    id: str
    occurred_at: datetime
    actor_type: str
    actor_id: str | None
    app_id: str | None
    ip: str | None
    action: str
    category: str = Field(
        description="admin | security | data_access | auth | token (see `list_audit_entries`)."
    )
    target_type: str | None
    target_id: str | None
    result: str
    details: dict[str, Any]


class PlatformEvent(ResponseModel):
    id: str
    type: str
    occurred_at: datetime
    org_id: str
    sequence: int
    data: dict[str, Any]


class TokenResponse(ResponseModel):
    """RFC 6749 §5.1."""

    access_token: str
    token_type: str
    expires_in: int
    scope: str
    refresh_token: str | None = None


class OAuthError(ResponseModel):
    """RFC 6749 §5.2 error response."""

    error: str
    error_description: str | None = None
    error_uri: str | None = None


class Introspection(ResponseModel):
    """RFC 7662 §2.2 (inactive tokens carry only `active: false`)."""

    active: bool
    client_id: str | None = None
    token_type: str | None = None
    scope: str | None = None
    exp: int | None = None
    iat: int | None = None
    iss: str | None = None
    sub: str | None = None
    org_id: str | None = None


class OrganizationCreate(RequestModel):
    name: Name
    domain: Annotated[str, Field(min_length=3, max_length=253, pattern=r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,63}$")]
    admin: Annotated[str, Field(min_length=1, max_length=320)]


class Organization(ResponseModel):
    id: str
    name: str
    created_at: datetime


class OrganizationCreated(Organization):
    """Returned once: the first administrator's one-time password and the admin app."""

    domain: str
    admin_address: str
    admin_password: str
    client_id: str
    client_secret: str


# --- the organisation's own settings ------------------------------------------------------

_MIGRATION_NETWORK_ROOTS = (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
    "198.18.0.0/15", "fc00::/7", "::1/128",
)


def check_private_network(value: str) -> str:
    """A CIDR inside the private, shared or loopback ranges (RFC 1918, RFC 6598, RFC 4193,
    127/8, ::1). Link-local (cloud metadata) and anything public are refused: public
    sources need no listing and link-local must never be reachable."""

    try:
        network = ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        raise ValueError("not a CIDR (for example 10.20.0.0/16)") from None
    roots = [ipaddress.ip_network(r) for r in _MIGRATION_NETWORK_ROOTS]
    inside = any(
        network.version == root.version and network.subnet_of(root)  # type: ignore[arg-type]
        for root in roots
    )
    if not inside:
        raise ValueError(
            "only private, shared or loopback networks may be listed (10/8, 172.16/12, "
            "192.168/16, 100.64/10, 198.18/15, 127/8, fc00::/7, ::1)"
        )
    return str(network)


def _time_zone(value: str) -> str:

    return check_time_zone(value)


PrivateNetwork = Annotated[
    str,
    Field(min_length=3, max_length=64, description="A CIDR in a private range."),
    AfterValidator(check_private_network),
]


class OrganizationSettings(ResponseModel):
    """The caller's organisation: its name, default language and time zone, and the
    private networks migration sources may be in."""

    id: str
    name: str
    locale: Literal["zh-CN", "en"] = Field(
        description="The language of people who chose none (pages, mails, errors)."
    )
    time_zone: str = Field(description="The IANA time zone of people who chose none.")
    migration_private_networks: list[str] = Field(
        description="Private networks (CIDRs) mailbox migrations may connect to; every other "
        "private, loopback or link-local address stays refused."
    )
    mail_forwarding: Literal["off", "internal", "any"] = Field(
        default="internal",
        description="Where people may forward their mail automatically: `off`, `internal` "
        "(only to addresses hosted here) or `any`.",
    )
    created_at: datetime


class OrganizationSettingsUpdate(RequestModel):
    """JSON merge patch of the organisation's settings."""

    name: Name | None = None
    locale: Literal["zh-CN", "en"] | None = None
    time_zone: Annotated[
        str, Field(min_length=1, max_length=64), AfterValidator(_time_zone)
    ] | None = None
    migration_private_networks: list[PrivateNetwork] | None = Field(
        default=None, max_length=50, description="Replaces the whole list; [] allows none."
    )
    mail_forwarding: Literal["off", "internal", "any"] | None = None


class AccountTotals(ResponseModel):
    total: int = Field(description="Accounts not deleted (active and frozen).")
    active: int = Field(description="Active accounts.")
    frozen: int = Field(description="Frozen accounts (cannot sign in or receive).")
    deleted: int = Field(description="Deleted accounts still inside the restore window.")
    admins: int = Field(description="Administrators and operators among the accounts not deleted.")
    must_change_password: int = Field(
        description="Accounts not deleted that must set a new password at their next sign-in."
    )


class StorageTotals(ResponseModel):
    used_bytes: int = Field(description="Bytes stored in the organisation's mailboxes.")
    message_count: int = Field(description="Messages stored in the organisation's mailboxes.")
    quota_bytes: int = Field(description="Sum of the quotas of accounts that have one.")
    unlimited_accounts: int = Field(description="Accounts not deleted without a quota.")
    accounts_near_quota: int = Field(description="Accounts using 90 % or more of their quota.")


class DomainTotals(ResponseModel):
    total: int = Field(description="Domains of the organisation (primary and alias).")
    verified: int = Field(description="Domains whose DNS records were found in effect.")
    pending: int = Field(description="Domains not checked successfully yet.")
    failing: int = Field(description="Verified domains whose last periodic DNS check failed.")


class MailVolume(ResponseModel):
    since: datetime = Field(description="Start of the counted period (the last 24 hours).")
    received: int = Field(description="Messages delivered into the organisation's mailboxes.")
    sent: int = Field(description="Messages sent from the organisation's mailboxes.")
    bounced: int = Field(description="Outgoing messages that bounced.")


class OrganizationStats(ResponseModel):
    """Totals for the admin console's overview, computed when asked."""

    accounts: AccountTotals = Field(description="Accounts by state.")
    storage: StorageTotals = Field(description="Mailbox storage and quota use.")
    domains: DomainTotals = Field(description="Domains by DNS state.")
    mail: MailVolume = Field(description="Mail volume over the last 24 hours (from the event log).")
    generated_at: datetime = Field(description="When these totals were computed (RFC 3339, UTC).")


class AppUsage(ResponseModel):
    """An app's tokens and requests: how much it is used and how near its rate limit is."""

    app_id: str = Field(description="The app.")
    active_tokens: int = Field(description="Access tokens not expired and not revoked.")
    active_refresh_tokens: int = Field(description="Refresh tokens not expired and not revoked.")
    tokens_issued_24h: int = Field(description="Tokens issued in the last 24 hours.")
    last_token_at: datetime | None = Field(description="When the latest token was issued.")
    requests_this_minute: int = Field(description="API requests counted in the current window.")
    requests_last_hour: int = Field(description="API requests in the last 60 one-minute windows.")
    requests_last_day: int = Field(description="API requests in the last 1,440 one-minute windows.")
    rate_limit: int = Field(description="Requests allowed per minute for this app.")
    rate_limit_remaining: int = Field(description="Requests left in the current window.")
    rate_limit_reset_seconds: int = Field(description="Seconds until the current window ends.")


class AppToken(ResponseModel):
    """An OAuth token issued to an app (never the token itself)."""

    id: str = Field(description="The token's id (`tok_…`).")
    grant_type: str = Field(description="How it was obtained (`client_credentials`, `authorization_code`, `refresh_token`).")
    account_id: str | None = Field(description="The person it acts for; null for an app acting for the organisation.")
    address: str | None = Field(description="That person's address.")
    scope: str = Field(description="The scopes granted, space-separated.")
    issued_at: datetime = Field(description="When it was issued (RFC 3339, UTC).")
    expires_at: datetime = Field(description="When the access token expires.")
    revoked: bool = Field(description="Whether it was revoked.")
    active: bool = Field(description="Whether it can still be used (not expired, not revoked).")
