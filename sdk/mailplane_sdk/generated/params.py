"""Typed keyword arguments of every operation, generated from the OpenAPI document by
tests/sdk_params.py (`make sdk`): do not edit. `<Schema>` is a request body's fields,
`<OperationId>Query` an operation's query parameters."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal

from typing_extensions import NotRequired, Required, TypedDict


class AccountCreate(TypedDict, total=False):
    """The fields of AccountCreate."""

    # Without `password`: set no password and return a one-time set-password link in `activation` instead of a generated password.
    activation_link: NotRequired[bool]
    # An email address.
    address: Required[str]
    # Ids of the departments it belongs to.
    department_ids: NotRequired[list[str]]
    # The name people see.
    display_name: Required[str]
    # The HR system's employee number (unique in the organisation).
    employee_number: NotRequired[str | None]
    # Left out of the address book and autocomplete.
    hidden_from_address_book: NotRequired[bool]
    # Job title.
    job_title: NotRequired[str]
    # The person's language; null follows the organisation's.
    locale: NotRequired[Literal['zh-CN', 'en'] | None]
    # The account of the person's manager.
    manager_id: NotRequired[str | None]
    # Mobile number (unique in the organisation).
    mobile: NotRequired[str | None]
    # Ask for a new password at the first sign-in.
    must_change_password: NotRequired[bool]
    # Omit to have one generated (returned once in `password`).
    password: NotRequired[str | None]
    # Mailbox quota in bytes; null for the organisation's default.
    quota_bytes: NotRequired[int | None]
    # An address outside the mailbox (activation links go there).
    recovery_email: NotRequired[str | None]
    # A phone to reach the person outside their mailbox (E.164).
    security_phone: NotRequired[str | None]
    # Whether the organisation has verified `security_phone`.
    security_phone_verified: NotRequired[bool]
    # The person's time zone; null follows the organisation's.
    time_zone: NotRequired[str | None]
    # What kind (the values are listed by the schema).
    type: NotRequired[Literal['employee', 'shared']]


class AccountMove(TypedDict, total=False):
    """The fields of AccountMove."""

    # The department to leave; omit to leave every department.
    from_department_id: NotRequired[str | None]
    # The id of the to department.
    to_department_id: Required[str]


class AccountUpdate(TypedDict, total=False):
    """JSON merge patch: send only what changes; `null` clears a nullable field."""

    # A new primary address; the old one stays as an alias.
    address: NotRequired[str | None]
    # Ids of the departments it belongs to.
    department_ids: NotRequired[list[str] | None]
    # The name people see.
    display_name: NotRequired[str | None]
    # The HR system's employee number (unique in the organisation).
    employee_number: NotRequired[str | None]
    # Left out of the address book and autocomplete.
    hidden_from_address_book: NotRequired[bool | None]
    # Job title.
    job_title: NotRequired[str | None]
    # The language of texts people read: zh-CN or en.
    locale: NotRequired[Literal['zh-CN', 'en'] | None]
    # The account of the person's manager.
    manager_id: NotRequired[str | None]
    # Mobile number (unique in the organisation).
    mobile: NotRequired[str | None]
    # A new password is asked for at the next sign-in.
    must_change_password: NotRequired[bool | None]
    # Mailbox quota in bytes; null for the organisation's default.
    quota_bytes: NotRequired[int | None]
    # An outside address for activation and recovery mail.
    recovery_email: NotRequired[str | None]
    # A new security phone (E.164); a change clears its verification.
    security_phone: NotRequired[str | None]
    # Whether the security phone has been verified (an admin sets it).
    security_phone_verified: NotRequired[bool | None]
    # An IANA time zone (`Asia/Shanghai`).
    time_zone: NotRequired[str | None]
    # What kind (the values are listed by the schema).
    type: NotRequired[Literal['employee', 'shared'] | None]


class ActivationLinkCreate(TypedDict, total=False):
    """The fields of ActivationLinkCreate."""

    # Seconds the link stays valid.
    expires_in: NotRequired[int]
    # A reset: the current password stops working and tokens are revoked now.
    revoke_password: NotRequired[bool]
    # Also mail the link to the account's `recovery_email`.
    send_to_recovery_email: NotRequired[bool]


class AddressBookCreate(TypedDict, total=False):
    """The fields of AddressBookCreate."""

    # Free text describing it.
    description: NotRequired[str]
    # Its name, as people read it.
    name: Required[str]


class AddressBookUpdate(TypedDict, total=False):
    """The fields of AddressBookUpdate."""

    # Free text describing it.
    description: NotRequired[str | None]
    # Its name, as people read it.
    name: NotRequired[str | None]


class AddressCheck(TypedDict, total=False):
    """The fields of AddressCheck."""

    # Email addresses.
    addresses: Required[list[str]]


class AddressIn(TypedDict, total=False):
    """The fields of AddressIn."""

    # An email address.
    address: Required[str]
    # Its name, as people read it.
    name: NotRequired[str]


class AliasCreate(TypedDict, total=False):
    """The fields of AliasCreate."""

    # An email address.
    address: Required[str]


class AppCreate(TypedDict, total=False):
    """The fields of AppCreate."""

    # `confidential` (has a secret) or `public` (PKCE only).
    client_type: NotRequired[Literal['confidential', 'public']]
    # Its name, as people read it.
    name: Required[str]
    # The exact redirect URIs the app may use in the authorization code flow.
    redirect_uris: NotRequired[list[str]]
    # OAuth scopes (see the `oauth2` security scheme).
    scopes: NotRequired[list[str]]


class AppPasswordCreate(TypedDict, total=False):
    """The fields of AppPasswordCreate."""

    # What it is for, e.g. `Outlook on my laptop` or `OA workflow mailer`.
    name: Required[str]


class AppUpdate(TypedDict, total=False):
    """The fields of AppUpdate."""

    # Turned off: it takes no part until turned on again.
    disabled: NotRequired[bool | None]
    # Its name, as people read it.
    name: NotRequired[str | None]
    # The exact redirect URIs the app may use in the authorization code flow.
    redirect_uris: NotRequired[list[str] | None]
    # OAuth scopes (see the `oauth2` security scheme).
    scopes: NotRequired[list[str] | None]


class AttachmentIn(TypedDict, total=False):
    """The fields of AttachmentIn."""

    # Small files inline, base64
    content_base64: NotRequired[str | None]
    # For inline images referenced as cid:
    content_id: NotRequired[str | None]
    # The MIME type.
    content_type: NotRequired[str | None]
    # The file's name.
    filename: NotRequired[str | None]
    # Shown inside the body (a `cid:` image) rather than as an attachment.
    inline: NotRequired[bool]
    # A committed upload session
    upload_id: NotRequired[str | None]


class AttendeeIn(TypedDict, total=False):
    """The fields of AttendeeIn."""

    # An email address.
    address: NotRequired[str | None]
    # Its name, as people read it.
    name: NotRequired[str | None]
    # Its role (the values are listed by the schema).
    role: NotRequired[Literal['required', 'optional', 'chair', 'non_participant']]
    # A room's id.
    room_id: NotRequired[str | None]
    # What kind (the values are listed by the schema).
    type: NotRequired[Literal['person', 'room', 'resource']]


class AutoReplyUpdate(TypedDict, total=False):
    """The fields of AutoReplyUpdate."""

    # Whether it is on.
    enabled: NotRequired[bool | None]
    # When ends (RFC 3339, UTC); null if not (yet).
    ends_at: NotRequired[datetime.datetime | str | None]
    # Interval, in days.
    interval_days: NotRequired[int | None]
    # When starts (RFC 3339, UTC); null if not (yet).
    starts_at: NotRequired[datetime.datetime | str | None]
    # The message's subject.
    subject: NotRequired[str | None]
    # The plain-text body.
    text: NotRequired[str | None]


class CalendarCreate(TypedDict, total=False):
    """The fields of CalendarCreate."""

    # A colour, `#RRGGBB`.
    color: NotRequired[str | None]
    # Free text describing it.
    description: NotRequired[str]
    # Its name, as people read it.
    name: Required[str]
    # IANA zone; default UTC.
    time_zone: NotRequired[str | None]


class CalendarShareCreate(TypedDict, total=False):
    """The fields of CalendarShareCreate."""

    # The account to share with: id or address.
    account: Required[str]
    # Access level granted.
    level: Required[Literal['freebusy', 'read', 'write']]


class CalendarUpdate(TypedDict, total=False):
    """The fields of CalendarUpdate."""

    # A colour, `#RRGGBB`.
    color: NotRequired[str | None]
    # Free text describing it.
    description: NotRequired[str | None]
    # Its name, as people read it.
    name: NotRequired[str | None]
    # An IANA time zone (`Asia/Shanghai`).
    time_zone: NotRequired[str | None]


class ContactCreate(TypedDict, total=False):
    """The fields of ContactCreate."""

    # Default book if absent.
    address_book_id: NotRequired[str | None]
    # Email addresses.
    addresses: NotRequired[list[PostalAddress | Mapping[str, Any]]]
    # YYYY-MM-DD, or --MM-DD without a year.
    birthday: NotRequired[str | None]
    # Categories (tags).
    categories: NotRequired[list[str]]
    # Department name.
    department: NotRequired[str]
    # The name people see.
    display_name: NotRequired[str]
    # Email addresses.
    emails: NotRequired[list[Email | Mapping[str, Any]]]
    # Family name (surname).
    family_name: NotRequired[str]
    # Given name.
    given_name: NotRequired[str]
    # Middle name.
    middle_name: NotRequired[str]
    # Nickname.
    nickname: NotRequired[str]
    # Notes.
    notes: NotRequired[str]
    # Organisation (company) name.
    organization: NotRequired[str]
    # Phone numbers.
    phones: NotRequired[list[Phone | Mapping[str, Any]]]
    # Honorific prefix.
    prefix: NotRequired[str]
    # Honorific suffix.
    suffix: NotRequired[str]
    # Its title.
    title: NotRequired[str]
    # Web addresses.
    urls: NotRequired[list[str]]


class ContactGroupCreate(TypedDict, total=False):
    """The fields of ContactGroupCreate."""

    # The id of the address book.
    address_book_id: NotRequired[str | None]
    # The ids of the members.
    member_ids: NotRequired[list[str]]
    # Its name, as people read it.
    name: Required[str]


class ContactGroupUpdate(TypedDict, total=False):
    """The fields of ContactGroupUpdate."""

    # The ids of the members.
    member_ids: NotRequired[list[str] | None]
    # Its name, as people read it.
    name: NotRequired[str | None]


class ContactUpdate(TypedDict, total=False):
    """The fields of ContactUpdate."""

    # Email addresses.
    addresses: NotRequired[list[PostalAddress | Mapping[str, Any]] | None]
    # Birthday, `YYYY-MM-DD` or `--MM-DD`.
    birthday: NotRequired[str | None]
    # Categories (tags).
    categories: NotRequired[list[str] | None]
    # Department name.
    department: NotRequired[str | None]
    # The name people see.
    display_name: NotRequired[str | None]
    # Email addresses.
    emails: NotRequired[list[Email | Mapping[str, Any]] | None]
    # Family name (surname).
    family_name: NotRequired[str | None]
    # Given name.
    given_name: NotRequired[str | None]
    # Middle name.
    middle_name: NotRequired[str | None]
    # Nickname.
    nickname: NotRequired[str | None]
    # Notes.
    notes: NotRequired[str | None]
    # Organisation (company) name.
    organization: NotRequired[str | None]
    # Phone numbers.
    phones: NotRequired[list[Phone | Mapping[str, Any]] | None]
    # Honorific prefix.
    prefix: NotRequired[str | None]
    # Honorific suffix.
    suffix: NotRequired[str | None]
    # Its title.
    title: NotRequired[str | None]
    # Web addresses.
    urls: NotRequired[list[str] | None]


class DepartmentCreate(TypedDict, total=False):
    """The fields of DepartmentCreate."""

    # The ids of the managers.
    manager_ids: NotRequired[list[str]]
    # Its name, as people read it.
    name: Required[str]
    # The parent department's id; omit it (or send null) to create under the root: the answer then names the root by its id. Departments name their parent by id: a top-level department has the root department's id (the root is the one department whose `parent_id` is null, listed first by `GET /v1/departme
    parent_id: NotRequired[str | None]
    # Position among its siblings (smaller first).
    sort_order: NotRequired[int | None]


class DepartmentMove(TypedDict, total=False):
    """The fields of DepartmentMove."""

    # The parent's id.
    parent_id: Required[str]
    # Place among the new siblings (0 = first); omit = last.
    position: NotRequired[int | None]


class DepartmentReorder(TypedDict, total=False):
    """The fields of DepartmentReorder."""

    # The ids of the childs.
    child_ids: Required[list[str]]


class DepartmentUpdate(TypedDict, total=False):
    """The fields of DepartmentUpdate."""

    # The ids of the managers.
    manager_ids: NotRequired[list[str] | None]
    # Its name, as people read it.
    name: NotRequired[str | None]
    # Move under this department (an id). Departments name their parent by id: a top-level department has the root department's id (the root is the one department whose `parent_id` is null, listed first by `GET /v1/departments`).
    parent_id: NotRequired[str | None]
    # Position among its siblings (smaller first).
    sort_order: NotRequired[int | None]


class DomainCreate(TypedDict, total=False):
    """The fields of DomainCreate."""

    # Make this an alias domain mirroring the primary domain with this id or name.
    alias_of: NotRequired[str | None]
    # The domain, internationalised names allowed (stored in A-label form).
    name: Required[str]


class DraftSend(TypedDict, total=False):
    """Options of sending a draft."""

    # Send at this moment instead of now (more than 5 seconds ahead: the message waits in Outbox and can be cancelled until then; this is how undo-send works)
    send_at: NotRequired[datetime.datetime | str | None]


class DraftUpdate(TypedDict, total=False):
    """Merge patch of a draft's content."""

    # The attachments.
    attachments: NotRequired[list[AttachmentIn | Mapping[str, Any]] | None]
    # `Bcc` recipients (not shown to the others).
    bcc: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    # `Cc` recipients.
    cc: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    # The `From` address.
    from_: NotRequired[str | AddressIn | Mapping[str, Any] | None]
    # Message headers, name and value.
    headers: NotRequired[dict[str, str] | None]
    # The HTML body (sanitised when shown).
    html: NotRequired[str | None]
    # Delivery priority (the values are listed by the schema).
    priority: NotRequired[Literal['low', 'normal', 'high'] | None]
    # `Reply-To` addresses.
    reply_to: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    # The message's subject.
    subject: NotRequired[str | None]
    # The plain-text body.
    text: NotRequired[str | None]
    # `To` recipients.
    to: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    # A transactional message (kept out of bulk throttling).
    transactional: NotRequired[bool | None]


class Email(TypedDict, total=False):
    """The fields of Email."""

    # An email address.
    address: Required[str]
    # The preferred one.
    primary: NotRequired[bool]
    # What kind (the values are listed by the schema).
    type: NotRequired[Literal['work', 'home', 'other']]


class EventCreate(TypedDict, total=False):
    """The fields of EventCreate."""

    # A whole-day event (dates, no times).
    all_day: NotRequired[bool]
    # The people and rooms invited.
    attendees: NotRequired[list[AttendeeIn | Mapping[str, Any]]]
    # Default calendar if absent.
    calendar_id: NotRequired[str | None]
    # Free text describing it.
    description: NotRequired[str]
    # RFC 3339 date-time (with an offset, or wall-clock time in `time_zone`), or a date (YYYY-MM-DD) for all-day events.
    end: Required[str]
    # Where it takes place.
    location: NotRequired[str]
    # Link to join the meeting online (http or https).
    online_meeting_url: NotRequired[str | None]
    # How it repeats (an RRULE), or null.
    recurrence: NotRequired[Recurrence | Mapping[str, Any] | None]
    # Reminders before it starts.
    reminders: NotRequired[list[Reminder | Mapping[str, Any]]]
    # Mail iTIP REQUESTs to attendees.
    send_invitations: NotRequired[bool]
    # RFC 3339 date-time (with an offset, or wall-clock time in `time_zone`), or a date (YYYY-MM-DD) for all-day events.
    start: Required[str]
    # Its current state (the values are listed by the schema).
    status: NotRequired[Literal['confirmed', 'tentative']]
    # IANA zone; default the calendar's.
    time_zone: NotRequired[str | None]
    # Its title.
    title: NotRequired[str]
    # `opaque` blocks the time in free/busy; `transparent` does not.
    transparency: NotRequired[Literal['opaque', 'transparent']]
    # The iCalendar UID, the same in every attendee's copy.
    uid: NotRequired[str | None]


class EventRespond(TypedDict, total=False):
    """The fields of EventRespond."""

    # A note for the people involved.
    comment: NotRequired[str | None]
    # The attendee's answer.
    response: Required[Literal['accepted', 'declined', 'tentative']]
    # Mail the organizer the answer.
    send_response: NotRequired[bool]


class EventUpdate(TypedDict, total=False):
    """The fields of EventUpdate."""

    # A whole-day event (dates, no times).
    all_day: NotRequired[bool | None]
    # The people and rooms invited.
    attendees: NotRequired[list[AttendeeIn | Mapping[str, Any]] | None]
    # Free text describing it.
    description: NotRequired[str | None]
    # End (RFC 3339 with an offset; exclusive).
    end: NotRequired[str | None]
    # Where it takes place.
    location: NotRequired[str | None]
    # Link to join the meeting online (http or https).
    online_meeting_url: NotRequired[str | None]
    # How it repeats (an RRULE), or null.
    recurrence: NotRequired[Recurrence | Mapping[str, Any] | None]
    # Reminders before it starts.
    reminders: NotRequired[list[Reminder | Mapping[str, Any]] | None]
    # Mail invitations (iTIP) to the attendees.
    send_invitations: NotRequired[bool | None]
    # Start (RFC 3339 with an offset).
    start: NotRequired[str | None]
    # Its current state (the values are listed by the schema).
    status: NotRequired[Literal['confirmed', 'tentative'] | None]
    # An IANA time zone (`Asia/Shanghai`).
    time_zone: NotRequired[str | None]
    # Its title.
    title: NotRequired[str | None]
    # `opaque` blocks the time in free/busy; `transparent` does not.
    transparency: NotRequired[Literal['opaque', 'transparent'] | None]


class FindTimeRequest(TypedDict, total=False):
    """The fields of FindTimeRequest."""

    # The people and rooms invited.
    attendees: Required[list[str]]
    # Duration, in minutes.
    duration_minutes: Required[int]
    # End (RFC 3339 with an offset; exclusive).
    end: Required[datetime.datetime | str]
    # Most suggestions to return.
    max_results: NotRequired[int]
    # Candidate rooms; one is picked per slot.
    rooms: NotRequired[list[str]]
    # Start (RFC 3339 with an offset).
    start: Required[datetime.datetime | str]
    # Step, in minutes.
    step_minutes: NotRequired[int]
    # The hours slots are taken from.
    working_hours: NotRequired[WorkingHours | Mapping[str, Any]]


class FolderCreate(TypedDict, total=False):
    """The fields of FolderCreate."""

    # Its name, as people read it.
    name: Required[str]
    # The parent's id.
    parent_id: NotRequired[str | None]


class FolderRule(TypedDict, total=False):
    """Where one source folder goes, overriding discovery: a system folder (`role`), a"""

    # Its role (the values are listed by the schema).
    role: NotRequired[Literal['inbox', 'sent', 'drafts', 'junk', 'trash', 'archive'] | None]
    # Do not copy this folder.
    skip: NotRequired[bool]
    # The source folder's decoded name, levels separated by `/`.
    source: Required[str]
    # The folder to copy into.
    target: NotRequired[str | None]


class FolderUpdate(TypedDict, total=False):
    """The fields of FolderUpdate."""

    # Its name, as people read it.
    name: NotRequired[str | None]
    # Move under another folder; null moves it to the top level.
    parent_id: NotRequired[str | None]


class ForwardingUpdate(TypedDict, total=False):
    """The fields of ForwardingUpdate."""

    # An email address.
    address: NotRequired[str | None]
    # Whether it is on.
    enabled: NotRequired[bool | None]


class FreeBusyRequest(TypedDict, total=False):
    """The fields of FreeBusyRequest."""

    # Account ids or addresses, room ids or addresses.
    attendees: Required[list[str]]
    # End (RFC 3339 with an offset; exclusive).
    end: Required[datetime.datetime | str]
    # Start (RFC 3339 with an offset).
    start: Required[datetime.datetime | str]


class GroupCreate(TypedDict, total=False):
    """The fields of GroupCreate."""

    # An email address.
    address: Required[str]
    # Free text describing it.
    description: NotRequired[str]
    # Left out of the address book and autocomplete.
    hidden_from_address_book: NotRequired[bool]
    # The members.
    members: NotRequired[list[GroupMemberCreate | Mapping[str, Any]]]
    # Its name, as people read it.
    name: Required[str]
    # Who may send to the group.
    send_policy: NotRequired[Literal['anyone', 'organization', 'members', 'moderators']]


class GroupMemberCreate(TypedDict, total=False):
    """The fields of GroupMemberCreate."""

    # What kind of object it is (the values are listed by the schema).
    kind: Required[Literal['account', 'department', 'group', 'external']]
    # Account id or address, department id, group id or address, external address.
    ref: Required[str]
    # Its role (the values are listed by the schema).
    role: NotRequired[Literal['member', 'moderator']]


class GroupUpdate(TypedDict, total=False):
    """The fields of GroupUpdate."""

    # Free text describing it.
    description: NotRequired[str | None]
    # Left out of the address book and autocomplete.
    hidden_from_address_book: NotRequired[bool | None]
    # Its name, as people read it.
    name: NotRequired[str | None]
    # Who may send to the group.
    send_policy: NotRequired[Literal['anyone', 'organization', 'members', 'moderators'] | None]


class ImportActivationLinksCreate(TypedDict, total=False):
    """The fields of ImportActivationLinksCreate."""

    # Seconds each link stays valid.
    expires_in: NotRequired[int]
    # Also mail each link to the account's recovery_email, where it has one.
    send_to_recovery_email: NotRequired[bool]


class LoginLinkCreate(TypedDict, total=False):
    """The fields of LoginLinkCreate."""

    # Where to land after signing in: a path on this Mailplane (`/mail`), never another site.
    next: NotRequired[str]


class MailSettingsUpdate(TypedDict, total=False):
    """JSON merge patch of the mail settings (nested objects merge too)."""

    # The automatic reply (vacation message): when it is on, its text and dates.
    auto_reply: NotRequired[AutoReplyUpdate | Mapping[str, Any] | None]
    # Forwarding of each message received to another address.
    forwarding: NotRequired[ForwardingUpdate | Mapping[str, Any] | None]
    # The signature added below new messages and replies (plain text).
    signature: NotRequired[str | None]


class MeUpdate(TypedDict, total=False):
    """JSON merge patch of the caller's own profile: only what a person may change about"""

    # The name people see.
    display_name: NotRequired[str | None]
    # The language of texts people read: zh-CN or en.
    locale: NotRequired[Literal['zh-CN', 'en'] | None]
    # An IANA time zone (`Asia/Shanghai`).
    time_zone: NotRequired[str | None]


class MessageUpdate(TypedDict, total=False):
    """The fields of MessageUpdate."""

    # Keywords to add.
    add_keywords: NotRequired[list[str]]
    # Replied to.
    answered: NotRequired[bool | None]
    # Flagged (starred).
    flagged: NotRequired[bool | None]
    # Move to this folder
    folder_id: NotRequired[str | None]
    # Forwarded.
    forwarded: NotRequired[bool | None]
    # Keywords to remove.
    remove_keywords: NotRequired[list[str]]
    # Read (the IMAP \\Seen flag).
    seen: NotRequired[bool | None]


class MessagesBulkDelete(TypedDict, total=False):
    """The fields of MessagesBulkDelete."""

    # Ids.
    ids: Required[list[str]]
    # Delete for good instead of moving to trash (messages already in trash always go for good)
    permanent: NotRequired[bool]


class MessagesBulkUpdate(TypedDict, total=False):
    """The fields of MessagesBulkUpdate."""

    # Keywords to add.
    add_keywords: NotRequired[list[str]]
    # Replied to.
    answered: NotRequired[bool | None]
    # Flagged (starred).
    flagged: NotRequired[bool | None]
    # Move to this folder
    folder_id: NotRequired[str | None]
    # Forwarded.
    forwarded: NotRequired[bool | None]
    # Ids.
    ids: Required[list[str]]
    # Keywords to remove.
    remove_keywords: NotRequired[list[str]]
    # Read (the IMAP \\Seen flag).
    seen: NotRequired[bool | None]


class MigrationAccountCreate(TypedDict, total=False):
    """The fields of MigrationAccountCreate."""

    # The target account: its id or address.
    account: Required[str]
    # Where it comes from (a folder name on the old server, or a data source).
    source: Required[MigrationSource | Mapping[str, Any]]


class MigrationCreate(TypedDict, total=False):
    """Accounts as a list, or as CSV text with a header row: `account,host,port,security,"""

    # Accounts.
    accounts: NotRequired[list[MigrationAccountCreate | Mapping[str, Any]] | None]
    # The accounts as CSV text (instead of `accounts`).
    csv: NotRequired[str | None]
    # Folders, each with its own state.
    folders: NotRequired[list[FolderRule | Mapping[str, Any]]]


class MigrationSource(TypedDict, total=False):
    """The mailbox to copy from. The password is stored encrypted and wiped when this"""

    # IMAP or POP3 server name or address.
    host: Required[str]
    # A password (never returned, except a generated one, once).
    password: Required[str]
    # Default: 993 (imap+tls), 143 (imap), 995 (pop3+tls), 110 (pop3).
    port: NotRequired[int | None]
    # imap, or pop3 (inbox only).
    protocol: NotRequired[Literal['imap', 'pop3']]
    # tls (implicit), starttls, or none.
    security: NotRequired[Literal['none', 'starttls', 'tls']]
    # User name on the other server.
    username: Required[str]
    # Check the server's certificate.
    verify_tls: NotRequired[bool]


class OrganizationCreate(TypedDict, total=False):
    """The fields of OrganizationCreate."""

    # The first administrator's local part.
    admin: Required[str]
    # A domain name.
    domain: Required[str]
    # Its name, as people read it.
    name: Required[str]


class OrganizationSettingsUpdate(TypedDict, total=False):
    """JSON merge patch of the organisation's settings."""

    # The language of texts people read: zh-CN or en.
    locale: NotRequired[Literal['zh-CN', 'en'] | None]
    # Where people may forward their mail automatically: `off`, `internal` (only to addresses hosted here) or `any`.
    mail_forwarding: NotRequired[Literal['off', 'internal', 'any'] | None]
    # Replaces the whole list; [] allows none.
    migration_private_networks: NotRequired[list[str] | None]
    # Its name, as people read it.
    name: NotRequired[str | None]
    # An IANA time zone (`Asia/Shanghai`).
    time_zone: NotRequired[str | None]


class PasswordChange(TypedDict, total=False):
    """The fields of PasswordChange."""

    # The password in use now.
    current_password: Required[str]
    # The password to set.
    new_password: Required[str]


class PasswordPolicyUpdate(TypedDict, total=False):
    """The fields of PasswordPolicyUpdate."""

    # A password may not contain the account's name.
    forbid_user_name: NotRequired[bool | None]
    # Mail clients (IMAP, POP3) may sign in with the account password; when false only app passwords and OAuth access tokens open the mailbox there.
    mail_clients_allow_password: NotRequired[bool | None]
    # Fewest characters a password may have.
    min_length: NotRequired[int | None]
    # A password needs a digit.
    require_digit: NotRequired[bool | None]
    # A password needs a lowercase letter.
    require_lowercase: NotRequired[bool | None]
    # A password needs a symbol.
    require_symbol: NotRequired[bool | None]
    # A password needs an uppercase letter.
    require_uppercase: NotRequired[bool | None]


class PasswordReset(TypedDict, total=False):
    """The fields of PasswordReset."""

    # A new password is asked for at the next sign-in.
    must_change_password: NotRequired[bool]
    # Omit to have one generated.
    password: NotRequired[str | None]


class Phone(TypedDict, total=False):
    """The fields of Phone."""

    # A phone number.
    number: Required[str]
    # What kind (the values are listed by the schema).
    type: NotRequired[Literal['mobile', 'work', 'home', 'fax', 'pager', 'main', 'other']]


class PostalAddress(TypedDict, total=False):
    """The fields of PostalAddress."""

    # City.
    city: NotRequired[str]
    # Country.
    country: NotRequired[str]
    # Postal code.
    postal_code: NotRequired[str]
    # Province, state or region.
    region: NotRequired[str]
    # Street address.
    street: NotRequired[str]
    # What kind (the values are listed by the schema).
    type: NotRequired[Literal['work', 'home', 'other']]


class Recurrence(TypedDict, total=False):
    """The fields of Recurrence."""

    # Occurrences removed from the series.
    exdates: NotRequired[list[str]]
    # Occurrences added to the series.
    rdates: NotRequired[list[str]]
    # An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO
    rrule: NotRequired[str | None]


class Reminder(TypedDict, total=False):
    """The fields of Reminder."""

    # How the reminder is given.
    method: NotRequired[Literal['display', 'email']]
    # Minutes before the start.
    minutes_before: Required[int]


class RoomBookingRespond(TypedDict, total=False):
    """The fields of RoomBookingRespond."""

    # A note for the people involved.
    comment: NotRequired[str | None]
    # The attendee's answer.
    response: Required[Literal['accepted', 'declined']]


class RoomCreate(TypedDict, total=False):
    """The fields of RoomCreate."""

    # An email address.
    address: NotRequired[str | None]
    # Whether it allows conflicts.
    allow_conflicts: NotRequired[bool]
    # `auto_accept` books at once; `approval` waits for a delegate.
    booking_policy: NotRequired[Literal['auto_accept', 'approval']]
    # Booking window, in days.
    booking_window_days: NotRequired[int]
    # The building.
    building: NotRequired[str]
    # How many people it seats.
    capacity: NotRequired[int]
    # Accounts that approve bookings.
    delegates: NotRequired[list[str]]
    # Free text describing it.
    description: NotRequired[str]
    # What the room has (projector, video).
    equipment: NotRequired[list[str]]
    # The floor.
    floor: NotRequired[str]
    # What kind of object it is (the values are listed by the schema).
    kind: NotRequired[Literal['room', 'resource']]
    # Max duration, in minutes.
    max_duration_minutes: NotRequired[int | None]
    # Its name, as people read it.
    name: Required[str]


class RoomUpdate(TypedDict, total=False):
    """The fields of RoomUpdate."""

    # An email address.
    address: NotRequired[str | None]
    # Whether it allows conflicts.
    allow_conflicts: NotRequired[bool | None]
    # `auto_accept` books at once; `approval` waits for a delegate.
    booking_policy: NotRequired[Literal['auto_accept', 'approval'] | None]
    # Booking window, in days.
    booking_window_days: NotRequired[int | None]
    # The building.
    building: NotRequired[str | None]
    # How many people it seats.
    capacity: NotRequired[int | None]
    # Accounts that approve bookings.
    delegates: NotRequired[list[str] | None]
    # Free text describing it.
    description: NotRequired[str | None]
    # What the room has (projector, video).
    equipment: NotRequired[list[str] | None]
    # The floor.
    floor: NotRequired[str | None]
    # Max duration, in minutes.
    max_duration_minutes: NotRequired[int | None]
    # Its name, as people read it.
    name: NotRequired[str | None]


class SecretRotation(TypedDict, total=False):
    """The fields of SecretRotation."""

    # Grace, in seconds.
    grace_seconds: NotRequired[int | None]


class SendRequest(TypedDict, total=False):
    """A message to send (or a draft's content). Header fields reject line breaks."""

    # The attachments.
    attachments: NotRequired[list[AttachmentIn | Mapping[str, Any]]]
    # `Bcc` recipients (not shown to the others).
    bcc: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    # `Cc` recipients.
    cc: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    # Forward this message of the mailbox (attached as message/rfc822)
    forward_message_id: NotRequired[str | None]
    # Defaults to the account's own address
    from_: NotRequired[str | AddressIn | Mapping[str, Any] | None]
    # Extra `X-` headers
    headers: NotRequired[dict[str, str]]
    # The HTML body (sanitised when shown).
    html: NotRequired[str | None]
    # Delivery priority (the values are listed by the schema).
    priority: NotRequired[Literal['low', 'normal', 'high']]
    # `Reply-To` addresses.
    reply_to: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    # Reply to this message of the mailbox: In-Reply-To and References are set
    reply_to_message_id: NotRequired[str | None]
    # Keep a copy in Sent.
    save_to_sent: NotRequired[bool]
    # Schedule the send
    send_at: NotRequired[datetime.datetime | str | None]
    # The message's subject.
    subject: NotRequired[str]
    # The plain-text body.
    text: NotRequired[str | None]
    # `To` recipients.
    to: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    # System notification mail: marked Auto-Submitted, queued ahead of other mail
    transactional: NotRequired[bool]


class SenderEntryCreate(TypedDict, total=False):
    """The fields of SenderEntryCreate."""

    # block list: where the sender's next messages are filed
    action: NotRequired[Literal['junk', 'trash']]
    # A sender address, or a domain (covering its subdomains)
    value: Required[str]


class SpamListEntryCreate(TypedDict, total=False):
    """The fields of SpamListEntryCreate."""

    # Why the entry exists
    note: NotRequired[str]
    # A sender address (`news@example.com`) or a domain (`example.com`, which also covers its subdomains). Internationalised domains are accepted.
    value: Required[str]


class UploadCreate(TypedDict, total=False):
    """The fields of UploadCreate."""

    # The MIME type.
    content_type: NotRequired[str]
    # The file's name.
    filename: Required[str]
    # The exact size in bytes
    size: Required[int]


class WebhookCreate(TypedDict, total=False):
    """The fields of WebhookCreate."""

    # Only events about these accounts (ids or addresses); empty: all.
    account_ids: NotRequired[list[str]]
    # Only events about these departments or their members; empty: all.
    department_ids: NotRequired[list[str]]
    # Free text describing it.
    description: NotRequired[str]
    # Event types or patterns: `mail.*`, `directory.account.created`, `*`.
    event_types: NotRequired[list[str]]
    # Deliver one at a time in sequence order: a failing event holds back the ones after it until it succeeds or runs out of retries.
    ordered: NotRequired[bool]
    # Where events are POSTed; https (http only in development).
    url: Required[str]


class WebhookRedelivery(TypedDict, total=False):
    """The fields of WebhookRedelivery."""

    # The id of the event.
    event_id: Required[str]


class WebhookReplay(TypedDict, total=False):
    """The fields of WebhookReplay."""

    # First event sequence to send again.
    from_sequence: Required[int]
    # Last event sequence (inclusive).
    to_sequence: Required[int]


class WebhookSecretRotation(TypedDict, total=False):
    """The fields of WebhookSecretRotation."""

    # How long the old secret keeps signing beside the new one (default 24 h).
    grace_seconds: NotRequired[int | None]


class WebhookUpdate(TypedDict, total=False):
    """The fields of WebhookUpdate."""

    # The ids of the accounts.
    account_ids: NotRequired[list[str] | None]
    # Ids of the departments it belongs to.
    department_ids: NotRequired[list[str] | None]
    # Free text describing it.
    description: NotRequired[str | None]
    # Event types or patterns it receives (`mail.*`).
    event_types: NotRequired[list[str] | None]
    # Whether the list keeps its order.
    ordered: NotRequired[bool | None]
    # A URL.
    url: NotRequired[str | None]


class WorkingHours(TypedDict, total=False):
    """The fields of WorkingHours."""

    # ISO weekdays 1-7.
    days: NotRequired[list[int]]
    # End (RFC 3339 with an offset; exclusive).
    end: NotRequired[str]
    # Start (RFC 3339 with an offset).
    start: NotRequired[str]
    # IANA zone of `start`/`end`. Default: the asking person's time zone, else the organisation's, else the server's `MAILPLANE_DEFAULT_TIME_ZONE` (UTC).
    time_zone: NotRequired[str | None]


class ListAccountsQuery(TypedDict, total=False):
    """Query parameters of list_accounts."""

    # Only accounts in this state (default: active and frozen).
    status: NotRequired[Literal['active', 'frozen', 'deleted'] | None]
    # Only members of this department.
    department_id: NotRequired[str | None]
    # With `department_id`: members of its sub-departments too.
    include_subdepartments: NotRequired[bool]
    # Old name of `include_subdepartments`.
    recursive: NotRequired[bool]
    # Only the account with this employee number.
    employee_number: NotRequired[str | None]
    # Only the account with this mobile number.
    mobile: NotRequired[str | None]
    # Only accounts with this role (`admin`: the organisation's admins).
    role: NotRequired[Literal['member', 'admin', 'operator'] | None]
    # Prefix search, case-insensitive: the name or any word of it, the address or its local part, pinyin initials or full pinyin of a Chinese name (`zs`, `zhangsan` for 张三), an employee number or a mobile.
    q: NotRequired[str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListAccountChangesQuery(TypedDict, total=False):
    """Query parameters of list_account_changes."""

    # A state from an earlier answer; omit it to get the current state.
    since: NotRequired[str | None]
    # Most changes in one answer (1-2000).
    limit: NotRequired[int]


class ListAppPasswordsQuery(TypedDict, total=False):
    """Query parameters of list_app_passwords."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListCalendarEventsQuery(TypedDict, total=False):
    """Query parameters of list_calendar_events."""

    # Window start, RFC 3339 with an offset.
    start: Required[datetime.datetime | str]
    # Window end (exclusive); at most 400 days after start.
    end: Required[datetime.datetime | str]
    calendar_id: NotRequired[str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListCalendarEventChangesQuery(TypedDict, total=False):
    """Query parameters of list_calendar_event_changes."""

    # A state from an earlier answer; omit it to get the current state.
    since: NotRequired[str | None]
    # Most changes in one answer (1-2000).
    limit: NotRequired[int]


class CancelCalendarEventQuery(TypedDict, total=False):
    """Query parameters of cancel_calendar_event."""

    # For an instance id: this instance (default), this and following, or the series.
    scope: NotRequired[Literal['this', 'following', 'series'] | None]
    # Mail iTIP CANCEL to attendees.
    send_cancellations: NotRequired[bool]


class UpdateCalendarEventQuery(TypedDict, total=False):
    """Query parameters of update_calendar_event."""

    # For an instance id: this instance (default), this and following, or the series.
    scope: NotRequired[Literal['this', 'following', 'series'] | None]


class ListCalendarEventInstancesQuery(TypedDict, total=False):
    """Query parameters of list_calendar_event_instances."""

    # Window start, RFC 3339 with an offset.
    start: Required[datetime.datetime | str]
    # Window end (exclusive); at most 400 days after start.
    end: Required[datetime.datetime | str]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListContactsQuery(TypedDict, total=False):
    """Query parameters of list_contacts."""

    # Search names, organisation, emails.
    q: NotRequired[str | None]
    address_book_id: NotRequired[str | None]
    group_id: NotRequired[str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ExportContactsQuery(TypedDict, total=False):
    """Query parameters of export_contacts."""

    # vCard version.
    version: NotRequired[Literal['3.0', '4.0']]


class ListContactChangesQuery(TypedDict, total=False):
    """Query parameters of list_contact_changes."""

    # A state from an earlier answer; omit it to get the current state.
    since: NotRequired[str | None]
    # Most changes in one answer (1-2000).
    limit: NotRequired[int]


class ListContactGroupsQuery(TypedDict, total=False):
    """Query parameters of list_contact_groups."""

    address_book_id: NotRequired[str | None]


class GetContactVcardQuery(TypedDict, total=False):
    """Query parameters of get_contact_vcard."""

    version: NotRequired[Literal['3.0', '4.0']]


class ListMailMessagesQuery(TypedDict, total=False):
    """Query parameters of list_mail_messages."""

    # One folder
    folder_id: NotRequired[str | None]
    # Full-text search with operators: from: to: subject: has:attachment is:unread is:flagged before:YYYY-MM-DD after:YYYY-MM-DD in:<role>, "phrases", -negation
    q: NotRequired[str | None]
    unread: NotRequired[bool | None]
    flagged: NotRequired[bool | None]
    from_: NotRequired[str | None]
    to: NotRequired[str | None]
    since: NotRequired[datetime.datetime | str | None]
    before: NotRequired[datetime.datetime | str | None]
    has_attachments: NotRequired[bool | None]
    thread_id: NotRequired[str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListMailMessageChangesQuery(TypedDict, total=False):
    """Query parameters of list_mail_message_changes."""

    # A state from an earlier answer; omit it to get the current state.
    since: NotRequired[str | None]
    # Most changes in one answer (1-2000).
    limit: NotRequired[int]


class DeleteMailMessageQuery(TypedDict, total=False):
    """Query parameters of delete_mail_message."""

    permanent: NotRequired[bool]


class ListScheduledMessagesQuery(TypedDict, total=False):
    """Query parameters of list_scheduled_messages."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListMailSenderEntriesQuery(TypedDict, total=False):
    """Query parameters of list_mail_sender_entries."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListMailThreadsQuery(TypedDict, total=False):
    """Query parameters of list_mail_threads."""

    unread: NotRequired[bool | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListAppsQuery(TypedDict, total=False):
    """Query parameters of list_apps."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListAppTokensQuery(TypedDict, total=False):
    """Query parameters of list_app_tokens."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListAuditEntriesQuery(TypedDict, total=False):
    """Query parameters of list_audit_entries."""

    # Exact action, or a prefix ending in `*`.
    action: NotRequired[str | None]
    # Only these categories (repeat the parameter). Default: `admin`, `security` and `data_access`, or every category when `action` is given; `all` shows every one.
    category: NotRequired[list[Literal['admin', 'security', 'data_access', 'auth', 'token', 'all']] | None]
    actor_id: NotRequired[str | None]
    app_id: NotRequired[str | None]
    target_id: NotRequired[str | None]
    since: NotRequired[datetime.datetime | str | None]
    until: NotRequired[datetime.datetime | str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListRoomsQuery(TypedDict, total=False):
    """Query parameters of list_rooms."""

    # Search name, building, address.
    q: NotRequired[str | None]
    min_capacity: NotRequired[int | None]
    building: NotRequired[str | None]
    floor: NotRequired[str | None]
    kind: NotRequired[Literal['room', 'resource'] | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListRoomBookingsQuery(TypedDict, total=False):
    """Query parameters of list_room_bookings."""

    start: Required[datetime.datetime | str]
    end: Required[datetime.datetime | str]
    # pending: awaiting a delegate's approval.
    status: NotRequired[Literal['pending', 'accepted'] | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class AutocompleteContactsQuery(TypedDict, total=False):
    """Query parameters of autocomplete_contacts."""

    # What the user typed.
    q: Required[str]
    # Whose personal contacts and mail to use (id, address or `me`); a token acting for a user always uses that user.
    account: NotRequired[str | None]
    limit: NotRequired[int]


class ListDepartmentsQuery(TypedDict, total=False):
    """Query parameters of list_departments."""

    # Only the children of this department, in their order.
    parent_id: NotRequired[str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListDepartmentChangesQuery(TypedDict, total=False):
    """Query parameters of list_department_changes."""

    # A state from an earlier answer; omit it to get the current state.
    since: NotRequired[str | None]
    # Most changes in one answer (1-2000).
    limit: NotRequired[int]


class ListDepartmentMembersQuery(TypedDict, total=False):
    """Query parameters of list_department_members."""

    # Include members of sub-departments.
    recursive: NotRequired[bool]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ExportAccountsQuery(TypedDict, total=False):
    """Query parameters of export_accounts."""

    format: NotRequired[Literal['csv', 'xlsx']]
    # CSV only: gbk or gb18030 for Excel on Chinese Windows.
    encoding: NotRequired[Literal['utf-8', 'gb18030', 'gbk']]
    # Header names.
    lang: NotRequired[Literal['en', 'zh-CN']]


class GetImportTemplateQuery(TypedDict, total=False):
    """Query parameters of get_import_template."""

    # csv (UTF-8) or xlsx.
    format: NotRequired[Literal['csv', 'xlsx']]
    # Header names: English column names, or the Chinese ones (邮箱地址, 姓名, 部门, 工号, 手机, 初次登录修改密码 …).
    lang: NotRequired[Literal['en', 'zh-CN']]


class CreateImportQuery(TypedDict, total=False):
    """Query parameters of create_import."""

    # Report what would happen; change nothing.
    dry_run: NotRequired[bool]
    # Default: detected.
    format: NotRequired[Literal['csv', 'xlsx'] | None]
    filename: NotRequired[str | None]


class CreateImportActivationLinksQuery(TypedDict, total=False):
    """Query parameters of create_import_activation_links."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListImportRowsQuery(TypedDict, total=False):
    """Query parameters of list_import_rows."""

    status: NotRequired[Literal['created', 'updated', 'unchanged', 'error'] | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListMigrationsQuery(TypedDict, total=False):
    """Query parameters of list_migrations."""

    # Only jobs in this state.
    status: NotRequired[Literal['queued', 'running', 'completed', 'failed', 'cancelled'] | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListMigrationAccountsQuery(TypedDict, total=False):
    """Query parameters of list_migration_accounts."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListMigrationFailuresQuery(TypedDict, total=False):
    """Query parameters of list_migration_failures."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListSignInLocksQuery(TypedDict, total=False):
    """Query parameters of list_sign_in_locks."""

    # Only locks in force now (else every remembered failure).
    locked_only: NotRequired[bool]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListDomainsQuery(TypedDict, total=False):
    """Query parameters of list_domains."""

    kind: NotRequired[Literal['primary', 'alias'] | None]
    status: NotRequired[Literal['pending', 'verified', 'failing'] | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListEventsQuery(TypedDict, total=False):
    """Query parameters of list_events."""

    # Event types or patterns (`mail.*`), repeated or comma-separated.
    types: NotRequired[list[str] | None]
    # Only events with a larger sequence.
    after: NotRequired[int | None]
    limit: NotRequired[int]
    cursor: NotRequired[str | None]


class StreamEventsQuery(TypedDict, total=False):
    """Query parameters of stream_events."""

    # Event types or patterns (`mail.*`), repeated or comma-separated.
    types: NotRequired[list[str] | None]
    # Only events with a larger sequence.
    after: NotRequired[int | None]


class ListEventAttemptsQuery(TypedDict, total=False):
    """Query parameters of list_event_attempts."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListGroupsQuery(TypedDict, total=False):
    """Query parameters of list_groups."""

    # Name or address contains.
    q: NotRequired[str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListGroupChangesQuery(TypedDict, total=False):
    """Query parameters of list_group_changes."""

    # A state from an earlier answer; omit it to get the current state.
    since: NotRequired[str | None]
    # Most changes in one answer (1-2000).
    limit: NotRequired[int]


class ListGroupMembersQuery(TypedDict, total=False):
    """Query parameters of list_group_members."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListSpamAllowlistQuery(TypedDict, total=False):
    """Query parameters of list_spam_allowlist."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListSpamBlocklistQuery(TypedDict, total=False):
    """Query parameters of list_spam_blocklist."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListOrganizationsQuery(TypedDict, total=False):
    """Query parameters of list_organizations."""

    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class CommitMailUploadQuery(TypedDict, total=False):
    """Query parameters of commit_mail_upload."""

    # Verify the content's SHA-256
    sha256: NotRequired[str | None]


class ListWebhooksQuery(TypedDict, total=False):
    """Query parameters of list_webhooks."""

    # Only this app's.
    app_id: NotRequired[str | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListWebhookAttemptsQuery(TypedDict, total=False):
    """Query parameters of list_webhook_attempts."""

    event_id: NotRequired[str | None]
    outcome: NotRequired[Literal['succeeded', 'failed'] | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


class ListWebhookDeliveriesQuery(TypedDict, total=False):
    """Query parameters of list_webhook_deliveries."""

    status: NotRequired[Literal['pending', 'succeeded', 'failed'] | None]
    # Page size (1-500).
    limit: NotRequired[int]
    # Opaque cursor.
    cursor: NotRequired[str | None]


__all__ = [
    "AccountCreate",
    "AccountMove",
    "AccountUpdate",
    "ActivationLinkCreate",
    "AddressBookCreate",
    "AddressBookUpdate",
    "AddressCheck",
    "AddressIn",
    "AliasCreate",
    "AppCreate",
    "AppPasswordCreate",
    "AppUpdate",
    "AttachmentIn",
    "AttendeeIn",
    "AutoReplyUpdate",
    "CalendarCreate",
    "CalendarShareCreate",
    "CalendarUpdate",
    "ContactCreate",
    "ContactGroupCreate",
    "ContactGroupUpdate",
    "ContactUpdate",
    "DepartmentCreate",
    "DepartmentMove",
    "DepartmentReorder",
    "DepartmentUpdate",
    "DomainCreate",
    "DraftSend",
    "DraftUpdate",
    "Email",
    "EventCreate",
    "EventRespond",
    "EventUpdate",
    "FindTimeRequest",
    "FolderCreate",
    "FolderRule",
    "FolderUpdate",
    "ForwardingUpdate",
    "FreeBusyRequest",
    "GroupCreate",
    "GroupMemberCreate",
    "GroupUpdate",
    "ImportActivationLinksCreate",
    "LoginLinkCreate",
    "MailSettingsUpdate",
    "MeUpdate",
    "MessageUpdate",
    "MessagesBulkDelete",
    "MessagesBulkUpdate",
    "MigrationAccountCreate",
    "MigrationCreate",
    "MigrationSource",
    "OrganizationCreate",
    "OrganizationSettingsUpdate",
    "PasswordChange",
    "PasswordPolicyUpdate",
    "PasswordReset",
    "Phone",
    "PostalAddress",
    "Recurrence",
    "Reminder",
    "RoomBookingRespond",
    "RoomCreate",
    "RoomUpdate",
    "SecretRotation",
    "SendRequest",
    "SenderEntryCreate",
    "SpamListEntryCreate",
    "UploadCreate",
    "WebhookCreate",
    "WebhookRedelivery",
    "WebhookReplay",
    "WebhookSecretRotation",
    "WebhookUpdate",
    "WorkingHours",
    "AutocompleteContactsQuery",
    "CancelCalendarEventQuery",
    "CommitMailUploadQuery",
    "CreateImportActivationLinksQuery",
    "CreateImportQuery",
    "DeleteMailMessageQuery",
    "ExportAccountsQuery",
    "ExportContactsQuery",
    "GetContactVcardQuery",
    "GetImportTemplateQuery",
    "ListAccountChangesQuery",
    "ListAccountsQuery",
    "ListAppPasswordsQuery",
    "ListAppTokensQuery",
    "ListAppsQuery",
    "ListAuditEntriesQuery",
    "ListCalendarEventChangesQuery",
    "ListCalendarEventInstancesQuery",
    "ListCalendarEventsQuery",
    "ListContactChangesQuery",
    "ListContactGroupsQuery",
    "ListContactsQuery",
    "ListDepartmentChangesQuery",
    "ListDepartmentMembersQuery",
    "ListDepartmentsQuery",
    "ListDomainsQuery",
    "ListEventAttemptsQuery",
    "ListEventsQuery",
    "ListGroupChangesQuery",
    "ListGroupMembersQuery",
    "ListGroupsQuery",
    "ListImportRowsQuery",
    "ListMailMessageChangesQuery",
    "ListMailMessagesQuery",
    "ListMailSenderEntriesQuery",
    "ListMailThreadsQuery",
    "ListMigrationAccountsQuery",
    "ListMigrationFailuresQuery",
    "ListMigrationsQuery",
    "ListOrganizationsQuery",
    "ListRoomBookingsQuery",
    "ListRoomsQuery",
    "ListScheduledMessagesQuery",
    "ListSignInLocksQuery",
    "ListSpamAllowlistQuery",
    "ListSpamBlocklistQuery",
    "ListWebhookAttemptsQuery",
    "ListWebhookDeliveriesQuery",
    "ListWebhooksQuery",
    "StreamEventsQuery",
    "UpdateCalendarEventQuery",
]
