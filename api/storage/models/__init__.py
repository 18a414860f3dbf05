"""Every table, imported here so Alembic and `Base.metadata` see them all."""

from api.storage.models.base import Base
from api.storage.models.oauth import App, AppSecret, AuthorizationCode, Token
from api.storage.models.platform import (
    AuditEntry,
    BlobRecord,
    Event,
    IdempotencyRecord,
    Job,
    OrgSequence,
    RateLimitWindow,
)
from api.storage.models.tenancy import Account, Domain, Organization

__all__ = [
    "Account",
    "App",
    "AppSecret",
    "AuditEntry",
    "AuthorizationCode",
    "Base",
    "BlobRecord",
    "Domain",
    "Event",
    "IdempotencyRecord",
    "Job",
    "OrgSequence",
    "Organization",
    "RateLimitWindow",
    "Token",
]
