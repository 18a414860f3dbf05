"""GraphQL for mail settings and scheduled sends: the same services as REST."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.graphql_kit import Context, checked_page, require, unit_of_work, validated
from api.mail.access import mailbox_account
from api.mail.graphql import MailMessagePage, MailMessageType
from api.mail.sending import scheduled
from api.mail.settings import service
from schemas.mail_settings import MailSettings, MailSettingsUpdate


@strawberry.type
class AutoReplyType:
    enabled: bool
    subject: str
    text: str
    starts_at: datetime | None
    ends_at: datetime | None
    interval_days: int


@strawberry.type
class ForwardingType:
    enabled: bool
    address: str | None


@strawberry.type
class MailSettingsType:
    account_id: str
    signature: str
    auto_reply: AutoReplyType
    forwarding: ForwardingType
    forwarding_policy: str
    updated_at: datetime | None

    @classmethod
    def of(cls, s: MailSettings) -> MailSettingsType:
        return cls(
            account_id=s.account_id,
            signature=s.signature,
            auto_reply=AutoReplyType(**s.auto_reply.model_dump()),
            forwarding=ForwardingType(**s.forwarding.model_dump()),
            forwarding_policy=s.forwarding_policy,
            updated_at=s.updated_at,
        )


@strawberry.input
class AutoReplyInput:
    enabled: bool | None = strawberry.UNSET
    subject: str | None = strawberry.UNSET
    text: str | None = strawberry.UNSET
    starts_at: datetime | None = strawberry.UNSET
    ends_at: datetime | None = strawberry.UNSET
    interval_days: int | None = strawberry.UNSET


@strawberry.input
class ForwardingInput:
    enabled: bool | None = strawberry.UNSET
    address: str | None = strawberry.UNSET


@strawberry.input
class MailSettingsInput:
    signature: str | None = strawberry.UNSET
    auto_reply: AutoReplyInput | None = strawberry.UNSET
    forwarding: ForwardingInput | None = strawberry.UNSET


def _sent(data: Any) -> Any:
    """The fields the caller sent, nested inputs included (UNSET left out)."""
    if hasattr(data, "__strawberry_definition__"):
        return {k: _sent(v) for k, v in vars(data).items() if v is not strawberry.UNSET}
    return data


@strawberry.type
class MailSettingsQuery:
    @strawberry.field(description="An account's signature, auto-reply and forwarding.")
    async def mail_settings(self, info: Info[Context, Any], account: str) -> MailSettingsType:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            return MailSettingsType.of(await service.get_settings(session, owner))

    @strawberry.field(description="Messages waiting in Outbox to be sent at their sendAt.")
    async def scheduled_mail(
        self, info: Info[Context, Any], account: str, limit: int = 50, cursor: str | None = None
    ) -> MailMessagePage:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            rows, nxt = await scheduled.list_scheduled(session, owner, checked_page(limit, cursor))
            return MailMessagePage(data=[MailMessageType.of(m) for m in rows], next_cursor=nxt)


@strawberry.type
class MailSettingsMutation:
    @strawberry.mutation(description="Change an account's mail settings (merge patch).")
    async def update_mail_settings(
        self, info: Info[Context, Any], account: str, input: MailSettingsInput
    ) -> MailSettingsType:
        principal = require(info, "mail:write")
        data = validated(MailSettingsUpdate, _sent(input))
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            return MailSettingsType.of(await service.update_settings(session, owner, data))

    @strawberry.mutation(description="Cancel a scheduled send; the message goes back to Drafts.")
    async def cancel_scheduled_mail(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> MailMessageType:
        principal = require(info, "mail:send")
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            return MailMessageType.of(await scheduled.cancel_scheduled(session, owner, str(id)))
