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

    address: Required[str]
    department_ids: NotRequired[list[str]]
    display_name: Required[str]
    employee_number: NotRequired[str | None]
    hidden_from_address_book: NotRequired[bool]
    job_title: NotRequired[str]
    manager_id: NotRequired[str | None]
    mobile: NotRequired[str | None]
    # Ask for a new password at the first sign-in.
    must_change_password: NotRequired[bool]
    # Omit to have one generated (returned once in `password`).
    password: NotRequired[str | None]
    quota_bytes: NotRequired[int | None]
    type: NotRequired[Literal['employee', 'shared']]


class AccountMove(TypedDict, total=False):
    """The fields of AccountMove."""

    # The department to leave; omit to leave every department.
    from_department_id: NotRequired[str | None]
    to_department_id: Required[str]


class AccountUpdate(TypedDict, total=False):
    """JSON merge patch: send only what changes; `null` clears a nullable field."""

    # A new primary address; the old one stays as an alias.
    address: NotRequired[str | None]
    department_ids: NotRequired[list[str] | None]
    display_name: NotRequired[str | None]
    employee_number: NotRequired[str | None]
    hidden_from_address_book: NotRequired[bool | None]
    job_title: NotRequired[str | None]
    manager_id: NotRequired[str | None]
    mobile: NotRequired[str | None]
    must_change_password: NotRequired[bool | None]
    quota_bytes: NotRequired[int | None]
    type: NotRequired[Literal['employee', 'shared'] | None]


class AddressBookCreate(TypedDict, total=False):
    """The fields of AddressBookCreate."""

    description: NotRequired[str]
    name: Required[str]


class AddressBookUpdate(TypedDict, total=False):
    """The fields of AddressBookUpdate."""

    description: NotRequired[str | None]
    name: NotRequired[str | None]


class AddressCheck(TypedDict, total=False):
    """The fields of AddressCheck."""

    addresses: Required[list[str]]


class AddressIn(TypedDict, total=False):
    """The fields of AddressIn."""

    address: Required[str]
    name: NotRequired[str]


class AliasCreate(TypedDict, total=False):
    """The fields of AliasCreate."""

    address: Required[str]


class AppCreate(TypedDict, total=False):
    """The fields of AppCreate."""

    client_type: NotRequired[Literal['confidential', 'public']]
    name: Required[str]
    redirect_uris: NotRequired[list[str]]
    scopes: NotRequired[list[str]]


class AppPasswordCreate(TypedDict, total=False):
    """The fields of AppPasswordCreate."""

    # What it is for, e.g. `Outlook on my laptop` or `OA workflow mailer`.
    name: Required[str]


class AppUpdate(TypedDict, total=False):
    """The fields of AppUpdate."""

    disabled: NotRequired[bool | None]
    name: NotRequired[str | None]
    redirect_uris: NotRequired[list[str] | None]
    scopes: NotRequired[list[str] | None]


class AttachmentIn(TypedDict, total=False):
    """The fields of AttachmentIn."""

    # Small files inline, base64
    content_base64: NotRequired[str | None]
    # For inline images referenced as cid:
    content_id: NotRequired[str | None]
    content_type: NotRequired[str | None]
    filename: NotRequired[str | None]
    inline: NotRequired[bool]
    # A committed upload session
    upload_id: NotRequired[str | None]


class AttendeeIn(TypedDict, total=False):
    """The fields of AttendeeIn."""

    address: NotRequired[str | None]
    name: NotRequired[str | None]
    role: NotRequired[Literal['required', 'optional', 'chair', 'non_participant']]
    room_id: NotRequired[str | None]
    type: NotRequired[Literal['person', 'room', 'resource']]


class CalendarCreate(TypedDict, total=False):
    """The fields of CalendarCreate."""

    color: NotRequired[str | None]
    description: NotRequired[str]
    name: Required[str]
    # IANA zone; default UTC.
    time_zone: NotRequired[str | None]


class CalendarShareCreate(TypedDict, total=False):
    """The fields of CalendarShareCreate."""

    # The account to share with: id or address.
    account: Required[str]
    level: Required[Literal['freebusy', 'read', 'write']]


class CalendarUpdate(TypedDict, total=False):
    """The fields of CalendarUpdate."""

    color: NotRequired[str | None]
    description: NotRequired[str | None]
    name: NotRequired[str | None]
    time_zone: NotRequired[str | None]


class ContactCreate(TypedDict, total=False):
    """The fields of ContactCreate."""

    # Default book if absent.
    address_book_id: NotRequired[str | None]
    addresses: NotRequired[list[PostalAddress | Mapping[str, Any]]]
    # YYYY-MM-DD, or --MM-DD without a year.
    birthday: NotRequired[str | None]
    categories: NotRequired[list[str]]
    department: NotRequired[str]
    display_name: NotRequired[str]
    emails: NotRequired[list[Email | Mapping[str, Any]]]
    family_name: NotRequired[str]
    given_name: NotRequired[str]
    middle_name: NotRequired[str]
    nickname: NotRequired[str]
    notes: NotRequired[str]
    organization: NotRequired[str]
    phones: NotRequired[list[Phone | Mapping[str, Any]]]
    prefix: NotRequired[str]
    suffix: NotRequired[str]
    title: NotRequired[str]
    urls: NotRequired[list[str]]


class ContactGroupCreate(TypedDict, total=False):
    """The fields of ContactGroupCreate."""

    address_book_id: NotRequired[str | None]
    member_ids: NotRequired[list[str]]
    name: Required[str]


class ContactGroupUpdate(TypedDict, total=False):
    """The fields of ContactGroupUpdate."""

    member_ids: NotRequired[list[str] | None]
    name: NotRequired[str | None]


class ContactUpdate(TypedDict, total=False):
    """The fields of ContactUpdate."""

    addresses: NotRequired[list[PostalAddress | Mapping[str, Any]] | None]
    birthday: NotRequired[str | None]
    categories: NotRequired[list[str] | None]
    department: NotRequired[str | None]
    display_name: NotRequired[str | None]
    emails: NotRequired[list[Email | Mapping[str, Any]] | None]
    family_name: NotRequired[str | None]
    given_name: NotRequired[str | None]
    middle_name: NotRequired[str | None]
    nickname: NotRequired[str | None]
    notes: NotRequired[str | None]
    organization: NotRequired[str | None]
    phones: NotRequired[list[Phone | Mapping[str, Any]] | None]
    prefix: NotRequired[str | None]
    suffix: NotRequired[str | None]
    title: NotRequired[str | None]
    urls: NotRequired[list[str] | None]


class DepartmentCreate(TypedDict, total=False):
    """The fields of DepartmentCreate."""

    manager_ids: NotRequired[list[str]]
    name: Required[str]
    # The parent department's id; omit it to create under the root. Departments name their parent by id: a top-level department has the root department's id (the root is the one department whose `parent_id` is null, listed first by `GET /v1/departments`).
    parent_id: NotRequired[str | None]
    sort_order: NotRequired[int | None]


class DepartmentMove(TypedDict, total=False):
    """The fields of DepartmentMove."""

    parent_id: Required[str]
    # Place among the new siblings (0 = first); omit = last.
    position: NotRequired[int | None]


class DepartmentReorder(TypedDict, total=False):
    """The fields of DepartmentReorder."""

    child_ids: Required[list[str]]


class DepartmentUpdate(TypedDict, total=False):
    """The fields of DepartmentUpdate."""

    manager_ids: NotRequired[list[str] | None]
    name: NotRequired[str | None]
    # Move under this department (an id). Departments name their parent by id: a top-level department has the root department's id (the root is the one department whose `parent_id` is null, listed first by `GET /v1/departments`).
    parent_id: NotRequired[str | None]
    sort_order: NotRequired[int | None]


class DomainCreate(TypedDict, total=False):
    """The fields of DomainCreate."""

    # Make this an alias domain mirroring the primary domain with this id or name.
    alias_of: NotRequired[str | None]
    # The domain, internationalised names allowed (stored in A-label form).
    name: Required[str]


class DraftUpdate(TypedDict, total=False):
    """Merge patch of a draft's content."""

    attachments: NotRequired[list[AttachmentIn | Mapping[str, Any]] | None]
    bcc: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    cc: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    headers: NotRequired[dict[str, str] | None]
    html: NotRequired[str | None]
    priority: NotRequired[Literal['low', 'normal', 'high'] | None]
    reply_to: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    subject: NotRequired[str | None]
    text: NotRequired[str | None]
    to: NotRequired[list[str | AddressIn | Mapping[str, Any]] | None]
    transactional: NotRequired[bool | None]


class Email(TypedDict, total=False):
    """The fields of Email."""

    address: Required[str]
    primary: NotRequired[bool]
    type: NotRequired[Literal['work', 'home', 'other']]


class EventCreate(TypedDict, total=False):
    """The fields of EventCreate."""

    all_day: NotRequired[bool]
    attendees: NotRequired[list[AttendeeIn | Mapping[str, Any]]]
    # Default calendar if absent.
    calendar_id: NotRequired[str | None]
    description: NotRequired[str]
    # RFC 3339 date-time (with an offset, or wall-clock time in `time_zone`), or a date (YYYY-MM-DD) for all-day events.
    end: Required[str]
    location: NotRequired[str]
    online_meeting_url: NotRequired[str | None]
    recurrence: NotRequired[Recurrence | Mapping[str, Any] | None]
    reminders: NotRequired[list[Reminder | Mapping[str, Any]]]
    # Mail iTIP REQUESTs to attendees.
    send_invitations: NotRequired[bool]
    # RFC 3339 date-time (with an offset, or wall-clock time in `time_zone`), or a date (YYYY-MM-DD) for all-day events.
    start: Required[str]
    status: NotRequired[Literal['confirmed', 'tentative']]
    # IANA zone; default the calendar's.
    time_zone: NotRequired[str | None]
    title: NotRequired[str]
    transparency: NotRequired[Literal['opaque', 'transparent']]
    uid: NotRequired[str | None]


class EventRespond(TypedDict, total=False):
    """The fields of EventRespond."""

    comment: NotRequired[str | None]
    response: Required[Literal['accepted', 'declined', 'tentative']]
    send_response: NotRequired[bool]


class EventUpdate(TypedDict, total=False):
    """The fields of EventUpdate."""

    all_day: NotRequired[bool | None]
    attendees: NotRequired[list[AttendeeIn | Mapping[str, Any]] | None]
    description: NotRequired[str | None]
    end: NotRequired[str | None]
    location: NotRequired[str | None]
    online_meeting_url: NotRequired[str | None]
    recurrence: NotRequired[Recurrence | Mapping[str, Any] | None]
    reminders: NotRequired[list[Reminder | Mapping[str, Any]] | None]
    send_invitations: NotRequired[bool | None]
    start: NotRequired[str | None]
    status: NotRequired[Literal['confirmed', 'tentative'] | None]
    time_zone: NotRequired[str | None]
    title: NotRequired[str | None]
    transparency: NotRequired[Literal['opaque', 'transparent'] | None]


class FindTimeRequest(TypedDict, total=False):
    """The fields of FindTimeRequest."""

    attendees: Required[list[str]]
    duration_minutes: Required[int]
    end: Required[datetime.datetime | str]
    max_results: NotRequired[int]
    # Candidate rooms; one is picked per slot.
    rooms: NotRequired[list[str]]
    start: Required[datetime.datetime | str]
    step_minutes: NotRequired[int]
    working_hours: NotRequired[WorkingHours | Mapping[str, Any]]


class FolderCreate(TypedDict, total=False):
    """The fields of FolderCreate."""

    name: Required[str]
    parent_id: NotRequired[str | None]


class FolderRule(TypedDict, total=False):
    """Where one source folder goes, overriding discovery: a system folder (`role`), a"""

    role: NotRequired[Literal['inbox', 'sent', 'drafts', 'junk', 'trash', 'archive'] | None]
    skip: NotRequired[bool]
    # The source folder's decoded name, levels separated by `/`.
    source: Required[str]
    target: NotRequired[str | None]


class FolderUpdate(TypedDict, total=False):
    """The fields of FolderUpdate."""

    name: NotRequired[str | None]
    # Move under another folder; null moves it to the top level.
    parent_id: NotRequired[str | None]


class FreeBusyRequest(TypedDict, total=False):
    """The fields of FreeBusyRequest."""

    # Account ids or addresses, room ids or addresses.
    attendees: Required[list[str]]
    end: Required[datetime.datetime | str]
    start: Required[datetime.datetime | str]


class GroupCreate(TypedDict, total=False):
    """The fields of GroupCreate."""

    address: Required[str]
    description: NotRequired[str]
    hidden_from_address_book: NotRequired[bool]
    members: NotRequired[list[GroupMemberCreate | Mapping[str, Any]]]
    name: Required[str]
    send_policy: NotRequired[Literal['anyone', 'organization', 'members', 'moderators']]


class GroupMemberCreate(TypedDict, total=False):
    """The fields of GroupMemberCreate."""

    kind: Required[Literal['account', 'department', 'group', 'external']]
    # Account id or address, department id, group id or address, external address.
    ref: Required[str]
    role: NotRequired[Literal['member', 'moderator']]


class GroupUpdate(TypedDict, total=False):
    """The fields of GroupUpdate."""

    description: NotRequired[str | None]
    hidden_from_address_book: NotRequired[bool | None]
    name: NotRequired[str | None]
    send_policy: NotRequired[Literal['anyone', 'organization', 'members', 'moderators'] | None]


class MessageUpdate(TypedDict, total=False):
    """The fields of MessageUpdate."""

    add_keywords: NotRequired[list[str]]
    answered: NotRequired[bool | None]
    flagged: NotRequired[bool | None]
    # Move to this folder
    folder_id: NotRequired[str | None]
    forwarded: NotRequired[bool | None]
    remove_keywords: NotRequired[list[str]]
    seen: NotRequired[bool | None]


class MessagesBulkDelete(TypedDict, total=False):
    """The fields of MessagesBulkDelete."""

    ids: Required[list[str]]
    # Delete for good instead of moving to trash (messages already in trash always go for good)
    permanent: NotRequired[bool]


class MessagesBulkUpdate(TypedDict, total=False):
    """The fields of MessagesBulkUpdate."""

    add_keywords: NotRequired[list[str]]
    answered: NotRequired[bool | None]
    flagged: NotRequired[bool | None]
    # Move to this folder
    folder_id: NotRequired[str | None]
    forwarded: NotRequired[bool | None]
    ids: Required[list[str]]
    remove_keywords: NotRequired[list[str]]
    seen: NotRequired[bool | None]


class MigrationAccountCreate(TypedDict, total=False):
    """The fields of MigrationAccountCreate."""

    # The target account: its id or address.
    account: Required[str]
    source: Required[MigrationSource | Mapping[str, Any]]


class MigrationCreate(TypedDict, total=False):
    """Accounts as a list, or as CSV text with a header row: `account,host,port,security,"""

    accounts: NotRequired[list[MigrationAccountCreate | Mapping[str, Any]] | None]
    csv: NotRequired[str | None]
    folders: NotRequired[list[FolderRule | Mapping[str, Any]]]


class MigrationSource(TypedDict, total=False):
    """The mailbox to copy from. The password is stored encrypted and wiped when this"""

    # IMAP or POP3 server name or address.
    host: Required[str]
    password: Required[str]
    # Default: 993 (imap+tls), 143 (imap), 995 (pop3+tls), 110 (pop3).
    port: NotRequired[int | None]
    # imap, or pop3 (inbox only).
    protocol: NotRequired[Literal['imap', 'pop3']]
    # tls (implicit), starttls, or none.
    security: NotRequired[Literal['none', 'starttls', 'tls']]
    username: Required[str]
    # Check the server's certificate.
    verify_tls: NotRequired[bool]


class OrganizationCreate(TypedDict, total=False):
    """The fields of OrganizationCreate."""

    admin: Required[str]
    domain: Required[str]
    name: Required[str]


class PasswordChange(TypedDict, total=False):
    """The fields of PasswordChange."""

    current_password: Required[str]
    new_password: Required[str]


class PasswordPolicyUpdate(TypedDict, total=False):
    """The fields of PasswordPolicyUpdate."""

    forbid_user_name: NotRequired[bool | None]
    min_length: NotRequired[int | None]
    require_digit: NotRequired[bool | None]
    require_lowercase: NotRequired[bool | None]
    require_symbol: NotRequired[bool | None]
    require_uppercase: NotRequired[bool | None]


class PasswordReset(TypedDict, total=False):
    """The fields of PasswordReset."""

    must_change_password: NotRequired[bool]
    # Omit to have one generated.
    password: NotRequired[str | None]


class Phone(TypedDict, total=False):
    """The fields of Phone."""

    number: Required[str]
    type: NotRequired[Literal['mobile', 'work', 'home', 'fax', 'pager', 'main', 'other']]


class PostalAddress(TypedDict, total=False):
    """The fields of PostalAddress."""

    city: NotRequired[str]
    country: NotRequired[str]
    postal_code: NotRequired[str]
    region: NotRequired[str]
    street: NotRequired[str]
    type: NotRequired[Literal['work', 'home', 'other']]


class Recurrence(TypedDict, total=False):
    """The fields of Recurrence."""

    exdates: NotRequired[list[str]]
    rdates: NotRequired[list[str]]
    # An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO
    rrule: NotRequired[str | None]


class Reminder(TypedDict, total=False):
    """The fields of Reminder."""

    method: NotRequired[Literal['display', 'email']]
    minutes_before: Required[int]


class RoomBookingRespond(TypedDict, total=False):
    """The fields of RoomBookingRespond."""

    comment: NotRequired[str | None]
    response: Required[Literal['accepted', 'declined']]


class RoomCreate(TypedDict, total=False):
    """The fields of RoomCreate."""

    address: NotRequired[str | None]
    allow_conflicts: NotRequired[bool]
    booking_policy: NotRequired[Literal['auto_accept', 'approval']]
    booking_window_days: NotRequired[int]
    building: NotRequired[str]
    capacity: NotRequired[int]
    delegates: NotRequired[list[str]]
    description: NotRequired[str]
    equipment: NotRequired[list[str]]
    floor: NotRequired[str]
    kind: NotRequired[Literal['room', 'resource']]
    max_duration_minutes: NotRequired[int | None]
    name: Required[str]


class RoomUpdate(TypedDict, total=False):
    """The fields of RoomUpdate."""

    address: NotRequired[str | None]
    allow_conflicts: NotRequired[bool | None]
    booking_policy: NotRequired[Literal['auto_accept', 'approval'] | None]
    booking_window_days: NotRequired[int | None]
    building: NotRequired[str | None]
    capacity: NotRequired[int | None]
    delegates: NotRequired[list[str] | None]
    description: NotRequired[str | None]
    equipment: NotRequired[list[str] | None]
    floor: NotRequired[str | None]
    max_duration_minutes: NotRequired[int | None]
    name: NotRequired[str | None]


class SecretRotation(TypedDict, total=False):
    """The fields of SecretRotation."""

    grace_seconds: NotRequired[int | None]


class SendRequest(TypedDict, total=False):
    """A message to send (or a draft's content). Header fields reject line breaks."""

    attachments: NotRequired[list[AttachmentIn | Mapping[str, Any]]]
    bcc: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    cc: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    # Forward this message of the mailbox (attached as message/rfc822)
    forward_message_id: NotRequired[str | None]
    # Extra `X-` headers
    headers: NotRequired[dict[str, str]]
    html: NotRequired[str | None]
    priority: NotRequired[Literal['low', 'normal', 'high']]
    reply_to: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    # Reply to this message of the mailbox: In-Reply-To and References are set
    reply_to_message_id: NotRequired[str | None]
    save_to_sent: NotRequired[bool]
    # Schedule the send
    send_at: NotRequired[datetime.datetime | str | None]
    subject: NotRequired[str]
    text: NotRequired[str | None]
    to: NotRequired[list[str | AddressIn | Mapping[str, Any]]]
    # System notification mail: marked Auto-Submitted, queued ahead of other mail
    transactional: NotRequired[bool]


class SpamListEntryCreate(TypedDict, total=False):
    """The fields of SpamListEntryCreate."""

    # Why the entry exists
    note: NotRequired[str]
    # A sender address (`news@example.com`) or a domain (`example.com`, which also covers its subdomains). Internationalised domains are accepted.
    value: Required[str]


class UploadCreate(TypedDict, total=False):
    """The fields of UploadCreate."""

    content_type: NotRequired[str]
    filename: Required[str]
    # The exact size in bytes
    size: Required[int]


class WebhookCreate(TypedDict, total=False):
    """The fields of WebhookCreate."""

    # Only events about these accounts (ids or addresses); empty: all.
    account_ids: NotRequired[list[str]]
    # Only events about these departments or their members; empty: all.
    department_ids: NotRequired[list[str]]
    description: NotRequired[str]
    # Event types or patterns: `mail.*`, `directory.account.created`, `*`.
    event_types: NotRequired[list[str]]
    # Deliver one at a time in sequence order: a failing event holds back the ones after it until it succeeds or runs out of retries.
    ordered: NotRequired[bool]
    # Where events are POSTed; https (http only in development).
    url: Required[str]


class WebhookRedelivery(TypedDict, total=False):
    """The fields of WebhookRedelivery."""

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

    account_ids: NotRequired[list[str] | None]
    department_ids: NotRequired[list[str] | None]
    description: NotRequired[str | None]
    event_types: NotRequired[list[str] | None]
    ordered: NotRequired[bool | None]
    url: NotRequired[str | None]


class WorkingHours(TypedDict, total=False):
    """The fields of WorkingHours."""

    # ISO weekdays 1-7.
    days: NotRequired[list[int]]
    end: NotRequired[str]
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
    # CSV only.
    encoding: NotRequired[Literal['utf-8', 'gb18030']]


class GetImportTemplateQuery(TypedDict, total=False):
    """Query parameters of get_import_template."""

    # csv (UTF-8) or xlsx.
    format: NotRequired[Literal['csv', 'xlsx']]


class CreateImportQuery(TypedDict, total=False):
    """Query parameters of create_import."""

    # Report what would happen; change nothing.
    dry_run: NotRequired[bool]
    # Default: detected.
    format: NotRequired[Literal['csv', 'xlsx'] | None]
    filename: NotRequired[str | None]


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
    "DraftUpdate",
    "Email",
    "EventCreate",
    "EventRespond",
    "EventUpdate",
    "FindTimeRequest",
    "FolderCreate",
    "FolderRule",
    "FolderUpdate",
    "FreeBusyRequest",
    "GroupCreate",
    "GroupMemberCreate",
    "GroupUpdate",
    "MessageUpdate",
    "MessagesBulkDelete",
    "MessagesBulkUpdate",
    "MigrationAccountCreate",
    "MigrationCreate",
    "MigrationSource",
    "OrganizationCreate",
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
    "CreateImportQuery",
    "DeleteMailMessageQuery",
    "ExportAccountsQuery",
    "ExportContactsQuery",
    "GetContactVcardQuery",
    "GetImportTemplateQuery",
    "ListAccountChangesQuery",
    "ListAccountsQuery",
    "ListAppPasswordsQuery",
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
    "ListMailThreadsQuery",
    "ListMigrationAccountsQuery",
    "ListMigrationFailuresQuery",
    "ListMigrationsQuery",
    "ListOrganizationsQuery",
    "ListRoomBookingsQuery",
    "ListRoomsQuery",
    "ListSpamAllowlistQuery",
    "ListSpamBlocklistQuery",
    "ListWebhookAttemptsQuery",
    "ListWebhookDeliveriesQuery",
    "ListWebhooksQuery",
    "StreamEventsQuery",
    "UpdateCalendarEventQuery",
]
