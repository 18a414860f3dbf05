"""GraphQL types and resolvers for spam filtering, over the same services as REST: the
allow and block lists, reporting messages as spam or not, and a message's verdict."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from pydantic import ValidationError
from strawberry.types import Info

from api.errors import ValidationFailed
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from api.kit.pagination import PageParams
from api.mail.access import mailbox_account
from api.mail.spam import personal, service
from api.storage.models import PersonalSenderEntry, SpamListEntry
from schemas.spam import SenderEntryCreate, SpamListEntryCreate, SpamVerdict

LISTS_READ = "directory:read"
LISTS_WRITE = "directory:write"


@strawberry.enum
class SpamListKind(Enum):
    ALLOW = "allow"
    BLOCK = "block"


@strawberry.type
class SpamListEntryType:
    id: strawberry.ID
    kind: SpamListKind
    value: str
    scope: str
    note: str
    created_by: str | None
    created_at: datetime

    @classmethod
    def of(cls, row: SpamListEntry) -> SpamListEntryType:
        return cls(id=strawberry.ID(row.id), kind=SpamListKind(row.kind), value=row.value,
                   scope=service.scope_of(row), note=row.note, created_by=row.created_by,
                   created_at=row.created_at)


@strawberry.enum
class SenderListKind(Enum):
    ALLOW = "allow"
    BLOCK = "block"
    IMAGES = "images"


@strawberry.type
class MailSenderEntryType:
    id: strawberry.ID
    account_id: str
    list: SenderListKind
    value: str
    scope: str
    action: str
    created_at: datetime

    @classmethod
    def of(cls, row: PersonalSenderEntry) -> MailSenderEntryType:
        view = personal.entry_view(row)
        return cls(id=strawberry.ID(row.id), account_id=row.account_id,
                   list=SenderListKind(row.kind), value=row.value, scope=view.scope,
                   action=row.action, created_at=row.created_at)


@strawberry.type
class MailSenderEntryPage:
    data: list[MailSenderEntryType]
    next_cursor: str | None


@strawberry.type
class SpamListEntryPage:
    data: list[SpamListEntryType]
    next_cursor: str | None


@strawberry.type
class SpamFeedbackType:
    message_id: strawberry.ID
    account_id: str
    label: str
    folder_id: str
    learned: bool

    @classmethod
    def of(cls, result: service.FeedbackResult) -> SpamFeedbackType:
        m = result.message
        return cls(message_id=strawberry.ID(m.id), account_id=m.account_id, label=result.label,
                   folder_id=m.folder_id, learned=result.learned)


@strawberry.type
class SpamVerdictType:
    message_id: strawberry.ID
    scored: bool
    score: float | None
    action: str | None
    tests: list[str]
    report: str | None
    feedback: str | None

    @classmethod
    def of(cls, v: SpamVerdict) -> SpamVerdictType:
        return cls(message_id=strawberry.ID(v.message_id), scored=v.scored, score=v.score,
                   action=v.action, tests=list(v.tests), report=v.report, feedback=v.feedback)


def _params(limit: int, cursor: str | None) -> PageParams:
    return checked_page(limit, cursor)


async def _page(info: Info[Context, Any], kind: str, limit: int, cursor: str | None
                ) -> SpamListEntryPage:
    principal = require(info, LISTS_READ, admin=True)
    async with unit_of_work(info, write=False) as session:
        rows, next_cursor = await service.list_entries(session, principal.org_id, kind,
                                                       _params(limit, cursor))
    return SpamListEntryPage(data=[SpamListEntryType.of(r) for r in rows],
                             next_cursor=next_cursor)


@strawberry.type
class SpamQuery:
    @strawberry.field(description="The organisation's spam allow list.")
    async def spam_allowlist(self, info: Info[Context, Any], limit: int = 50,
                             cursor: str | None = None) -> SpamListEntryPage:
        return await _page(info, "allow", limit, cursor)

    @strawberry.field(description="The organisation's spam block list.")
    async def spam_blocklist(self, info: Info[Context, Any], limit: int = 50,
                             cursor: str | None = None) -> SpamListEntryPage:
        return await _page(info, "block", limit, cursor)

    @strawberry.field(description="One allow- or block-list entry.")
    async def spam_list_entry(self, info: Info[Context, Any], id: strawberry.ID
                              ) -> SpamListEntryType:
        principal = require(info, LISTS_READ, admin=True)
        async with unit_of_work(info, write=False) as session:
            row = await service.get_entry(session, principal.org_id, None, str(id))
            return SpamListEntryType.of(row)

    @strawberry.field(description="One of a person's own sender lists (allow, block, images).")
    async def mail_sender_entries(self, info: Info[Context, Any], account: str,
                                  list: SenderListKind, limit: int = 50,
                                  cursor: str | None = None) -> MailSenderEntryPage:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            rows, next_cursor = await personal.page(session, owner, list.value,
                                                    _params(limit, cursor))
            return MailSenderEntryPage(data=[MailSenderEntryType.of(r) for r in rows],
                                       next_cursor=next_cursor)

    @strawberry.field(description="The spam verdict a message carries, and its feedback.")
    async def mail_message_spam(self, info: Info[Context, Any], id: strawberry.ID
                                ) -> SpamVerdictType:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            _, message = await service.message_for(session, principal, str(id))
            verdict = await service.verdict_of(session, info.context.runtime.blobs, message)
            return SpamVerdictType.of(verdict)


@strawberry.type
class SpamMutation:
    @strawberry.mutation(description="Add a sender address or domain to the allow or block list.")
    async def add_spam_list_entry(self, info: Info[Context, Any], kind: SpamListKind,
                                  value: str, note: str = "") -> SpamListEntryType:
        principal = require(info, LISTS_WRITE, admin=True)
        try:
            data = SpamListEntryCreate.model_validate({"value": value, "note": note})
        except ValidationError as exc:
            first = exc.errors()[0]
            raise as_graphql_error(ValidationFailed(
                first["msg"], param=".".join(str(p) for p in first["loc"]))) from None
        async with unit_of_work(info, write=True) as session:
            row = await service.create_entry(session, principal.org_id, kind.value, data,
                                             actor=principal, ip=info.context.ip)
            return SpamListEntryType.of(row)

    @strawberry.mutation(description="Remove an allow- or block-list entry.")
    async def delete_spam_list_entry(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, LISTS_WRITE, admin=True)
        async with unit_of_work(info, write=True) as session:
            row = await service.get_entry(session, principal.org_id, None, str(id))
            await service.delete_entry(session, principal.org_id, row, actor=principal,
                                       ip=info.context.ip)
        return True

    @strawberry.mutation(description="Put a sender on one of a person's own lists.")
    async def add_mail_sender_entry(self, info: Info[Context, Any], account: str,
                                    list: SenderListKind, value: str, action: str = "junk"
                                    ) -> MailSenderEntryType:
        principal = require(info, "mail:write")
        try:
            data = SenderEntryCreate.model_validate({"value": value, "action": action})
        except ValidationError as exc:
            first = exc.errors()[0]
            raise as_graphql_error(ValidationFailed(
                first["msg"], param=".".join(str(p) for p in first["loc"]))) from None
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            return MailSenderEntryType.of(await personal.create(session, owner, list.value,
                                                                data))

    @strawberry.mutation(description="Take a sender off one of a person's own lists.")
    async def delete_mail_sender_entry(self, info: Info[Context, Any], account: str,
                                       list: SenderListKind, id: strawberry.ID) -> bool:
        principal = require(info, "mail:write")
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            row = await personal.get(session, owner, list.value, str(id))
            await personal.remove(session, owner, row)
        return True

    @strawberry.mutation(description="Report a message as spam: moves it to Junk and learns.")
    async def report_mail_spam(self, info: Info[Context, Any], id: strawberry.ID
                               ) -> SpamFeedbackType:
        return await _report(info, str(id), "spam")

    @strawberry.mutation(description="Report a message as not spam: out of Junk, and learns.")
    async def report_mail_not_spam(self, info: Info[Context, Any], id: strawberry.ID
                                   ) -> SpamFeedbackType:
        return await _report(info, str(id), "ham")


async def _report(info: Info[Context, Any], message_id: str, label: str) -> SpamFeedbackType:
    principal = require(info, "mail:write")
    async with unit_of_work(info, write=True) as session:
        account, message = await service.message_for(session, principal, message_id)
        result = await service.report(session, info.context.runtime.blobs, account, message,
                                      label)
        return SpamFeedbackType.of(result)
