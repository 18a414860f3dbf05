"""Every table, imported here so Alembic and `Base.metadata` see them all."""

from api.storage.models.account_search import AccountSearchTerm
from api.storage.models.app_passwords import AppPassword
from api.storage.models.base import Base
from api.storage.models.blob_chunks import BlobChunk, BlobObject
from api.storage.models.calendar import Calendar, CalendarEvent, CalendarShare, Room
from api.storage.models.contacts import (
    AddressBook,
    Contact,
    ContactGroup,
    ContactGroupMember,
)
from api.storage.models.directory import (
    AccountDepartment,
    Department,
    DepartmentManager,
    DirectoryAddress,
    DirectoryImport,
    DirectoryImportRow,
    Group,
    GroupMember,
    LoginThrottle,
    PasswordPolicy,
)
from api.storage.models.domains import DkimKey
from api.storage.models.mail import (
    Mailbox,
    MailFolder,
    MailLink,
    MailMessage,
    MailOutbound,
    MailThread,
    MailUpload,
    new_uid_validity,
)
from api.storage.models.mail_client_connections import MailClientConnection
from api.storage.models.mail_settings import MailAutoReplyLog, MailSettings
from api.storage.models.migration import (
    Migration,
    MigrationAccount,
    MigrationCursor,
    MigrationFailure,
    MigrationFolder,
    MigrationHostSlot,
    MigrationMessage,
)
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
from api.storage.models.spam import (
    PersonalSenderEntry,
    SpamFeedback,
    SpamListEntry,
    SpamToken,
)
from api.storage.models.tenancy import Account, AccountLink, Domain, Organization
from api.storage.models.web_sessions import WebSession
from api.storage.models.webhooks import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookSecret,
)

__all__ = [
    "MailAutoReplyLog",
    "MailSettings",
    "AccountSearchTerm",
    "AccountLink",
    "WebSession",
    "AddressBook",
    "BlobChunk",
    "BlobObject",
    "Calendar",
    "CalendarEvent",
    "CalendarShare",
    "Contact",
    "ContactGroup",
    "ContactGroupMember",
    "Room",
    "Mailbox",
    "MailClientConnection",
    "MailFolder",
    "MailLink",
    "MailMessage",
    "MailOutbound",
    "MailThread",
    "MailUpload",
    "new_uid_validity",
    "Account",
    "AccountDepartment",
    "Department",
    "DepartmentManager",
    "DirectoryAddress",
    "DirectoryImport",
    "DirectoryImportRow",
    "Group",
    "GroupMember",
    "LoginThrottle",
    "PasswordPolicy",
    "Migration",
    "MigrationAccount",
    "MigrationCursor",
    "MigrationFailure",
    "MigrationFolder",
    "MigrationHostSlot",
    "MigrationMessage",
    "App",
    "AppPassword",
    "AppSecret",
    "AuditEntry",
    "AuthorizationCode",
    "Base",
    "BlobRecord",
    "DkimKey",
    "Domain",
    "Event",
    "IdempotencyRecord",
    "Job",
    "OrgSequence",
    "Organization",
    "RateLimitWindow",
    "SpamFeedback",
    "PersonalSenderEntry",
    "SpamListEntry",
    "SpamToken",
    "Token",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookSecret",
]
