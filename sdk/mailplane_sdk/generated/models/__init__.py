""" Contains all the data models used in inputs/outputs """

from .app import App
from .app_create import AppCreate
from .app_create_client_type import AppCreateClientType
from .app_credentials import AppCredentials
from .app_update import AppUpdate
from .audit_entry import AuditEntry
from .audit_entry_details import AuditEntryDetails
from .get_health_response_get_health import GetHealthResponseGetHealth
from .http_validation_error import HTTPValidationError
from .introspect_token_body import IntrospectTokenBody
from .issue_token_body import IssueTokenBody
from .me import Me
from .me_kind import MeKind
from .page_app import PageApp
from .page_audit_entry import PageAuditEntry
from .revoke_token_body import RevokeTokenBody
from .secret_rotation import SecretRotation
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext

__all__ = (
    "App",
    "AppCreate",
    "AppCreateClientType",
    "AppCredentials",
    "AppUpdate",
    "AuditEntry",
    "AuditEntryDetails",
    "GetHealthResponseGetHealth",
    "HTTPValidationError",
    "IntrospectTokenBody",
    "IssueTokenBody",
    "Me",
    "MeKind",
    "PageApp",
    "PageAuditEntry",
    "RevokeTokenBody",
    "SecretRotation",
    "ValidationError",
    "ValidationErrorContext",
)
