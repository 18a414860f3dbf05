"""The event catalogue (every event type with the JSON Schema of its `data`), event
envelopes as webhooks carry them, and the delta-sync answer.

Teams that add an event type register it here with `register(...)`, so it shows up at
`GET /v1/events/types` and in the OpenAPI document's `webhooks` section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from schemas.base import ResponseModel
from schemas.platform import PlatformEvent

__all__ = [
    "CATALOGUE",
    "Changes",
    "PlatformEvent",
    "EventTypeInfo",
    "EventTypeSpec",
    "ThinEvent",
    "envelope_model",
    "register",
]


class ResourceData(BaseModel):
    """What every event's `data` carries: the id of the resource it is about."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(description="The id of the resource the event is about.")


class PersonalData(ResourceData):
    """Events about one person's data also carry the owning account."""

    account_id: str = Field(description="The account that owns the resource.")


class AccountData(ResourceData):
    address: str | None = Field(default=None, description="The account's primary address.")
    changed: list[str] | None = Field(default=None, description="Fields that changed.")


class ChangedData(ResourceData):
    changed: list[str] | None = Field(default=None, description="Fields that changed.")


class MessageData(PersonalData):
    folder_id: str | None = None
    thread_id: str | None = None
    subject: str | None = None
    from_: str | None = Field(default=None, alias="from")


class CalendarEventData(PersonalData):
    calendar_id: str | None = None


class SignInLockData(ResourceData):
    kind: str | None = Field(default=None, description="`address` or `ip`.")
    address: str | None = Field(default=None, description="The address whose lock was cleared.")
    ip: str | None = Field(default=None, description="The client IP whose lock was cleared.")


class JobData(ResourceData):
    status: str | None = None
    counts: dict[str, int] | None = None


class DomainData(ResourceData):
    name: str | None = None


class EndpointData(ResourceData):
    app_id: str | None = None
    url: str | None = None
    reason: str | None = Field(
        default=None, description="Why it was disabled: failing | gone | manual."
    )


class AppData(ResourceData):
    app_id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class EventTypeSpec:
    type: str
    description: str
    data: type[BaseModel]

    @property
    def domain(self) -> str:
        return self.type.split(".", 1)[0]


CATALOGUE: dict[str, EventTypeSpec] = {}


def register(type_: str, description: str, data: type[BaseModel] = ResourceData) -> EventTypeSpec:
    """Add (or replace) an event type in the catalogue."""
    spec = EventTypeSpec(type_, description, data)
    CATALOGUE[type_] = spec
    return spec


_BUILTIN: list[tuple[str, str, type[BaseModel]]] = [
    ("directory.account.created", "An account was created.", AccountData),
    (
        "directory.account.updated",
        "An account's profile, role, departments or aliases changed.",
        AccountData,
    ),
    (
        "directory.account.frozen",
        "An account was frozen: it can no longer sign in or receive mail.",
        AccountData,
    ),
    ("directory.account.unfrozen", "A frozen account was reactivated.", AccountData),
    ("directory.account.deleted", "An account was deleted.", AccountData),
    ("directory.account.restored", "A deleted account was restored.", AccountData),
    ("directory.department.created", "A department was created.", ChangedData),
    ("directory.department.updated", "A department was renamed, moved or changed.", ChangedData),
    ("directory.department.deleted", "A department was deleted.", ChangedData),
    ("directory.group.created", "A group (distribution list) was created.", ChangedData),
    ("directory.group.updated", "A group or its membership changed.", ChangedData),
    ("directory.group.deleted", "A group was deleted.", ChangedData),
    ("directory.domain.created", "A mail domain was added.", DomainData),
    ("directory.domain.verified", "A domain's DNS records were verified.", DomainData),
    ("directory.domain.dns_changed", "A domain's DNS check result changed.", DomainData),
    ("directory.domain.deleted", "A mail domain was removed.", DomainData),
    ("directory.import.completed", "A bulk account import finished.", JobData),
    ("directory.migration.progress", "A mailbox migration made progress.", JobData),
    ("directory.migration.completed", "A mailbox migration finished.", JobData),
    ("directory.migration.failed", "A mailbox migration failed.", JobData),
    ("mail.message.received", "A message arrived in a mailbox.", MessageData),
    ("mail.message.sent", "A message was sent from a mailbox.", MessageData),
    ("mail.message.updated", "A message's flags, labels or folder changed.", MessageData),
    ("mail.message.deleted", "A message was deleted.", MessageData),
    (
        "mail.message.delivered",
        "An outgoing message was accepted by the recipient's server.",
        MessageData,
    ),
    ("mail.message.bounced", "An outgoing message bounced.", MessageData),
    ("mail.message.imported", "A message was imported by a migration.", MessageData),
    ("calendar.event.created", "A calendar event was created.", CalendarEventData),
    ("calendar.event.updated", "A calendar event changed.", CalendarEventData),
    ("calendar.event.cancelled", "A calendar event was cancelled.", CalendarEventData),
    ("calendar.event.deleted", "A calendar event was deleted.", CalendarEventData),
    ("calendar.invitation.replied", "An attendee answered an invitation.", CalendarEventData),
    ("calendar.room.booked", "A room was booked.", CalendarEventData),
    ("calendar.calendar.created", "A calendar was created.", PersonalData),
    ("calendar.calendar.updated", "A calendar was renamed or changed.", PersonalData),
    ("calendar.calendar.deleted", "A calendar was deleted.", PersonalData),
    ("calendar.calendar.shared", "A calendar was shared with another account.", PersonalData),
    ("calendar.calendar.unshared", "A calendar share was removed.", PersonalData),
    ("calendar.room.created", "A meeting room or resource was added.", ResourceData),
    ("calendar.room.updated", "A meeting room or resource changed.", ResourceData),
    ("contacts.address_book.created", "An address book was created.", PersonalData),
    ("contacts.address_book.updated", "An address book changed.", PersonalData),
    ("contacts.address_book.deleted", "An address book was deleted.", PersonalData),
    ("directory.account.purged", "A deleted account's data was removed for good.", AccountData),
    (
        "directory.account.activation_link_created",
        "A one-time set-password link was issued for an account (the link itself is never "
        "in the event).",
        AccountData,
    ),
    ("directory.account.activated", "A person set their password through an activation link.",
     AccountData),
    (
        "directory.account.login_link_created",
        "A single-use sign-in link (login link) was issued for an account.",
        AccountData,
    ),
    (
        "directory.organization.updated",
        "The organisation's settings changed (language, time zone, migration networks).",
        ChangedData,
    ),
    ("directory.password_policy.updated", "The organisation's password policy changed.", ResourceData),
    ("directory.sign_in_lock.cleared",
     "An administrator cleared a sign-in lock (the failed sign-ins of an address or client IP).",
     SignInLockData),
    ("directory.app_password.created", "An app password for SMTP was created.", PersonalData),
    ("directory.app_password.revoked", "An app password was revoked.", PersonalData),
    ("calendar.room.deleted", "A meeting room or resource was removed.", ResourceData),
    ("contacts.group.created", "A contact group was created.", PersonalData),
    ("contacts.group.updated", "A contact group changed.", PersonalData),
    ("contacts.group.deleted", "A contact group was deleted.", PersonalData),
    ("mail.folder.created", "A mail folder was created.", PersonalData),
    ("mail.folder.updated", "A mail folder was renamed or moved.", PersonalData),
    ("mail.folder.deleted", "A mail folder was deleted (its mail moved to trash).", PersonalData),
    ("mail.spam_list_entry.created", "A sender was added to the allow or block list.", ResourceData),
    ("mail.spam_list_entry.deleted", "A sender was removed from the allow or block list.", ResourceData),
    ("mail.sender_entry.created", "A person put a sender on their own allow, block or images list.", PersonalData),
    ("mail.sender_entry.deleted", "A person took a sender off their own allow, block or images list.", PersonalData),
    ("mail.settings.updated", "A person's mail settings changed (signature, auto-reply or forwarding; `changed` names them).", PersonalData),
    ("directory.domain.updated", "A domain changed (for example its DKIM key rotated).", DomainData),
    ("contacts.contact.created", "A contact was created.", PersonalData),
    ("contacts.contact.updated", "A contact changed.", PersonalData),
    ("contacts.contact.deleted", "A contact was deleted.", PersonalData),
    ("platform.app.created", "An OAuth app was registered.", AppData),
    ("platform.app.updated", "An OAuth app changed.", AppData),
    ("platform.app.deleted", "An OAuth app was deleted.", AppData),
    ("platform.app.secret_rotated", "An OAuth app's client secret was rotated.", AppData),
    ("webhook.endpoint.created", "A webhook endpoint was created.", EndpointData),
    ("webhook.endpoint.updated", "A webhook endpoint changed.", EndpointData),
    ("webhook.endpoint.deleted", "A webhook endpoint was deleted.", EndpointData),
    ("webhook.endpoint.enabled", "A webhook endpoint was enabled.", EndpointData),
    (
        "webhook.endpoint.disabled",
        "A webhook endpoint was disabled: by hand, after 410 Gone, or after 5 days of failures.",
        EndpointData,
    ),
    (
        "webhook.endpoint.test",
        "A test event sent on request to one endpoint only (\"send test event\").",
        EndpointData,
    ),
    (
        "webhook.endpoint.secret_rotated",
        "A webhook endpoint's signing secret was rotated.",
        EndpointData,
    ),
]
for _type, _description, _data in _BUILTIN:
    register(_type, _description, _data)


class EventTypeInfo(ResponseModel):
    type: str
    domain: str
    description: str
    scope: str = Field(description="The scope a caller needs to see events of this type.")
    data_schema: dict[str, Any] = Field(description="JSON Schema of the event's `data`.")


class ThinEvent(ResponseModel):
    """Sent instead of the full event when it is larger than 256 KB: fetch `url` for all of it."""

    id: str
    type: str
    occurred_at: datetime
    org_id: str
    sequence: int
    data: dict[str, Any] = Field(description="Only `id` and `account_id` of the full data.")
    thin: bool = True
    url: str


_ENVELOPES: dict[str, type[BaseModel]] = {}


def envelope_model(spec: EventTypeSpec) -> type[BaseModel]:
    """The full event as a webhook delivers it, with `data` typed for this event type."""
    if spec.type not in _ENVELOPES:

        name = "".join(part.title().replace("_", "") for part in spec.type.split(".")) + "Event"
        _ENVELOPES[spec.type] = create_model(  # type: ignore[call-overload]
            name,
            __base__=ResponseModel,
            __doc__=spec.description,
            id=(str, ...),
            type=(str, Field(..., json_schema_extra={"const": spec.type})),
            occurred_at=(datetime, ...),
            org_id=(str, ...),
            sequence=(int, ...),
            data=(spec.data, ...),
        )
    return _ENVELOPES[spec.type]


class Changes(ResponseModel):
    """What changed in a collection since a state: ids only; fetch the resources you need."""

    since_state: str | None = Field(description="The state you asked from (null: none given).")
    new_state: str = Field(description="Pass as `since` next time.")
    created: list[str]
    updated: list[str]
    deleted: list[str]
    has_more: bool = Field(description="More changes wait: call again with `new_state` at once.")
