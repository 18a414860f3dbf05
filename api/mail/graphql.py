"""GraphQL types and resolvers for mail: the same services as REST. Lists take the
`account` (id, address or `me`); single messages, threads and folders take their id."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.errors import NotFound
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from api.graphql_kit import validated as _validated
from api.i18n import _
from api.kit.pagination import PageParams
from api.mail.access import account_by_id, mailbox_account, may_reach
from api.mail.drafts import service as drafts
from api.mail.folders import repository as folder_repo
from api.mail.folders import service as folders
from api.mail.folders.names import display_name, reader_locale
from api.mail.messages import repository as message_repo
from api.mail.messages import service as messages
from api.mail.messages import views
from api.mail.messages.repository import MessageFilters
from api.mail.sending import scheduled
from api.mail.sending import service as sending
from api.mail.threads import service as threads
from api.storage.models import MailFolder, MailMessage, MailThread
from schemas.mail import (
    FolderCreate,
    FolderUpdate,
    MessageSummary,
    MessageUpdate,
    SendRequest,
    SendResult,
)


def _params(limit: int, cursor: str | None) -> PageParams:
    return checked_page(limit, cursor)


@strawberry.type
class MailAddressType:
    name: str
    address: str


@strawberry.type
class MailAttachmentType:
    id: str
    filename: str
    content_type: str
    size: float
    content_id: str | None
    inline: bool
    calendar: bool


@strawberry.type
class MailFolderType:
    id: strawberry.ID
    account_id: str
    parent_id: str | None
    name: str
    role: str | None
    display_name: str = strawberry.field(
        description="A system folder's name in the reader's language; a custom folder's name."
    )
    total_count: int
    unread_count: int
    size_bytes: float

    @classmethod
    def of(cls, f: MailFolder, locale: str = "en") -> MailFolderType:
        return cls(
            id=strawberry.ID(f.id),
            account_id=f.account_id,
            parent_id=f.parent_id,
            name=f.name,
            role=f.role,
            display_name=display_name(f.role, f.name, locale),
            total_count=f.total_count,
            unread_count=f.unread_count,
            size_bytes=float(f.size_bytes),
        )


@strawberry.type
class MailMessageType:
    id: strawberry.ID
    account_id: str
    folder_id: str
    thread_id: str
    subject: str
    sender: MailAddressType | None
    to: list[MailAddressType]
    cc: list[MailAddressType]
    bcc: list[MailAddressType]
    received_at: datetime
    sent_at: datetime | None
    size: float
    snippet: str
    seen: bool
    flagged: bool
    answered: bool
    forwarded: bool
    draft: bool
    keywords: list[str]
    priority: str
    has_attachments: bool
    attachments: list[MailAttachmentType]
    message_id: str
    parse_status: str

    @strawberry.field(description="The plain-text body (loaded on demand).")
    async def text(self, info: Info[Context, Any]) -> str | None:
        return (await self._full(info)).text

    @strawberry.field(description="The HTML body, sanitised (loaded on demand).")
    async def html(self, info: Info[Context, Any]) -> str | None:
        return (await self._full(info)).html

    async def _full(self, info: Info[Context, Any]) -> Any:
        cache = info.context.__dict__.setdefault("_mail_full", {})
        if self.id not in cache:
            async with unit_of_work(info, write=False) as session:
                row = await message_repo.get(session, self.account_id, str(self.id))
                if row is None:
                    raise as_graphql_error(NotFound(_("No message {id}.", id=self.id)))
                cache[self.id] = await views.full(info.context.runtime.blobs, row)
        return cache[self.id]

    @classmethod
    def of(cls, m: MailMessage) -> MailMessageType:
        s: MessageSummary = views.summary(m)

        def addr(a: Any) -> MailAddressType:
            return MailAddressType(name=a.name, address=a.address)

        return cls(
            id=strawberry.ID(s.id),
            account_id=s.account_id,
            folder_id=s.folder_id,
            thread_id=s.thread_id,
            subject=s.subject,
            sender=addr(s.from_) if s.from_ else None,
            to=[addr(a) for a in s.to],
            cc=[addr(a) for a in s.cc],
            bcc=[addr(a) for a in s.bcc],
            received_at=s.received_at,
            sent_at=s.sent_at,
            size=float(s.size),
            snippet=s.snippet,
            seen=s.seen,
            flagged=s.flagged,
            answered=s.answered,
            forwarded=s.forwarded,
            draft=s.draft,
            keywords=s.keywords,
            priority=s.priority,
            has_attachments=s.has_attachments,
            attachments=[
                MailAttachmentType(
                    id=a.id,
                    filename=a.filename,
                    content_type=a.content_type,
                    size=float(a.size),
                    content_id=a.content_id,
                    inline=a.inline,
                    calendar=a.calendar,
                )
                for a in s.attachments
            ],
            message_id=s.message_id,
            parse_status=s.parse_status,
        )


@strawberry.type
class MailMessagePage:
    data: list[MailMessageType]
    next_cursor: str | None


@strawberry.type
class MailThreadType:
    id: strawberry.ID
    account_id: str
    subject: str
    snippet: str
    message_count: int
    unread_count: int
    has_attachments: bool
    last_received_at: datetime
    messages: list[MailMessageType] | None = None

    @classmethod
    def of(cls, t: MailThread, msgs: list[MailMessage] | None = None) -> MailThreadType:
        return cls(
            id=strawberry.ID(t.id),
            account_id=t.account_id,
            subject=t.subject,
            snippet=t.snippet,
            message_count=t.message_count,
            unread_count=t.unread_count,
            has_attachments=t.has_attachments,
            last_received_at=t.last_received_at,
            messages=[MailMessageType.of(m) for m in msgs] if msgs is not None else None,
        )


@strawberry.type
class MailThreadPage:
    data: list[MailThreadType]
    next_cursor: str | None


@strawberry.type
class MailCountsType:
    unread_count: int
    total_unread: int
    folders: list[MailFolderType]


@strawberry.type
class RejectedRecipientType:
    address: str
    code: str


@strawberry.type(description="A group addressed by a send, with the members it reached.")
class GroupDeliveryType:
    address: str
    delivered: list[str]


@strawberry.type
class SendResultType:
    id: str | None
    message_id: str
    thread_id: str | None
    status: str
    send_at: datetime | None
    delivered: list[str]
    queued: list[str]
    rejected: list[RejectedRecipientType]
    groups: list[GroupDeliveryType]

    @classmethod
    def of(cls, r: SendResult) -> SendResultType:
        return cls(
            id=r.id,
            message_id=r.message_id,
            thread_id=r.thread_id,
            status=r.status,
            send_at=r.send_at,
            delivered=r.delivered,
            queued=r.queued,
            rejected=[RejectedRecipientType(address=x.address, code=x.code) for x in r.rejected],
            groups=[GroupDeliveryType(address=g.address, delivered=g.delivered) for g in r.groups],
        )


@strawberry.input
class MailAttachmentInput:
    upload_id: str | None = None
    content_base64: str | None = None
    filename: str | None = None
    content_type: str | None = None
    content_id: str | None = None
    inline: bool = False


@strawberry.input
class MailHeaderInput:
    name: str
    value: str


@strawberry.input
class SendMailInput:
    sender: str | None = strawberry.field(default=None, description="The From address")
    to: list[str] = strawberry.field(default_factory=list)
    cc: list[str] = strawberry.field(default_factory=list)
    bcc: list[str] = strawberry.field(default_factory=list)
    reply_to: list[str] = strawberry.field(default_factory=list)
    subject: str = ""
    text: str | None = None
    html: str | None = None
    attachments: list[MailAttachmentInput] = strawberry.field(default_factory=list)
    reply_to_message_id: str | None = None
    forward_message_id: str | None = None
    priority: str = "normal"
    transactional: bool = False
    send_at: datetime | None = None
    save_to_sent: bool = True
    headers: list[MailHeaderInput] = strawberry.field(default_factory=list)

    def to_request(self) -> SendRequest:
        data: dict[str, Any] = {
            "to": self.to,
            "cc": self.cc,
            "bcc": self.bcc,
            "reply_to": self.reply_to,
            "subject": self.subject,
            "text": self.text,
            "html": self.html,
            "attachments": [vars(a) for a in self.attachments],
            "reply_to_message_id": self.reply_to_message_id,
            "forward_message_id": self.forward_message_id,
            "priority": self.priority,
            "transactional": self.transactional,
            "send_at": self.send_at,
            "save_to_sent": self.save_to_sent,
            "headers": {h.name: h.value for h in self.headers},
        }
        if self.sender is not None:
            data["from"] = self.sender
        return _validated(SendRequest, data)  # type: ignore[no-any-return]


@strawberry.input
class MailMessageUpdateInput:
    seen: bool | None = None
    flagged: bool | None = None
    answered: bool | None = None
    forwarded: bool | None = None
    folder_id: str | None = None
    add_keywords: list[str] = strawberry.field(default_factory=list)
    remove_keywords: list[str] = strawberry.field(default_factory=list)


async def _message(info: Info[Context, Any], session: Any, message_id: str) -> MailMessage:
    principal = info.context.principal
    assert principal is not None
    row = await message_repo.get_in_org(session, principal.org_id, message_id)
    if row is None or not may_reach(principal, row.account_id):
        raise NotFound(_("No message {message_id}.", message_id=message_id), param="id")
    return row


async def _folder_locale(info: Info[Context, Any], session: Any, owner: Any) -> str:
    return await reader_locale(session, owner, info.context.req.headers.get("accept-language"))


async def _folder(info: Info[Context, Any], session: Any, folder_id: str) -> MailFolder:
    principal = info.context.principal
    assert principal is not None
    row = await folder_repo.get_in_org(session, principal.org_id, folder_id)
    if row is None or not may_reach(principal, row.account_id):
        raise NotFound(_("No folder {folder_id}.", folder_id=folder_id), param="id")
    return row


@strawberry.type
class MailQuery:
    @strawberry.field(description="The folders of a mailbox with their counts.")
    async def mail_folders(self, info: Info[Context, Any], account: str) -> list[MailFolderType]:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            locale = await _folder_locale(info, session, owner)
            return [
                MailFolderType.of(f, locale) for f in await folders.list_folders(session, owner)
            ]

    @strawberry.field(description="Unread counts of a mailbox.")
    async def mail_counts(self, info: Info[Context, Any], account: str) -> MailCountsType:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            rows = await folders.list_folders(session, owner)
            c = await folders.counts(session, owner)
            return MailCountsType(
                unread_count=c.unread_count,
                total_unread=c.total_unread,
                folders=[
                    MailFolderType.of(f, await _folder_locale(info, session, owner)) for f in rows
                ],
            )

    @strawberry.field(description="Messages newest first; `q` searches like the REST API.")
    async def mail_messages(
        self,
        info: Info[Context, Any],
        account: str,
        folder_id: str | None = None,
        q: str | None = None,
        unread: bool | None = None,
        flagged: bool | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> MailMessagePage:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            rows, nxt = await messages.list_messages(
                session,
                owner,
                _params(limit, cursor),
                folder_id=folder_id,
                q=q,
                filters=MessageFilters(
                    seen=None if unread is None else not unread, flagged=flagged
                ),
            )
            return MailMessagePage(data=[MailMessageType.of(m) for m in rows], next_cursor=nxt)

    @strawberry.field(description="One message.")
    async def mail_message(self, info: Info[Context, Any], id: strawberry.ID) -> MailMessageType:
        require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            return MailMessageType.of(await _message(info, session, str(id)))

    @strawberry.field(description="Conversations, most recent first.")
    async def mail_threads(
        self,
        info: Info[Context, Any],
        account: str,
        unread: bool | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> MailThreadPage:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            owner = await mailbox_account(session, principal, account)
            rows, nxt = await threads.list_threads(
                session, owner, _params(limit, cursor), unread=unread
            )
            return MailThreadPage(data=[MailThreadType.of(t) for t in rows], next_cursor=nxt)

    @strawberry.field(description="One conversation with its messages.")
    async def mail_thread(self, info: Info[Context, Any], id: strawberry.ID) -> MailThreadType:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            row = await session.get(MailThread, str(id))
            if (
                row is None
                or row.org_id != principal.org_id
                or not may_reach(principal, row.account_id)
            ):
                raise NotFound(_("No thread {id}.", id=id), param="id")
            owner = await account_by_id(session, principal, row.account_id)
            thread, msgs = await threads.get_thread(session, owner, row.id)
            return MailThreadType.of(thread, msgs)

    @strawberry.field(description="One folder.")
    async def mail_folder(self, info: Info[Context, Any], id: strawberry.ID) -> MailFolderType:
        principal = require(info, "mail:read")
        async with unit_of_work(info, write=False) as session:
            folder = await _folder(info, session, str(id))
            owner = await account_by_id(session, principal, folder.account_id)
            return MailFolderType.of(folder, await _folder_locale(info, session, owner))


@strawberry.type
class MailMutation:
    @strawberry.mutation(description="Send a message (or schedule it with sendAt).")
    async def send_mail(
        self, info: Info[Context, Any], account: str, input: SendMailInput
    ) -> SendResultType:
        principal = require(info, "mail:send")
        request = input.to_request()
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            result = await sending.send_message(
                session, info.context.runtime, owner, request, actor=principal, ip=info.context.ip
            )
            return SendResultType.of(result)

    @strawberry.mutation(description="Save a draft.")
    async def create_mail_draft(
        self, info: Info[Context, Any], account: str, input: SendMailInput
    ) -> MailMessageType:
        principal = require(info, "mail:write")
        request = input.to_request()
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            draft = await drafts.create_draft(session, info.context.runtime, owner, request)
            return MailMessageType.of(draft)

    @strawberry.mutation(description="Send a draft (or schedule it with sendAt).")
    async def send_mail_draft(
        self, info: Info[Context, Any], id: strawberry.ID, send_at: datetime | None = None
    ) -> SendResultType:
        principal = require(info, "mail:send")
        async with unit_of_work(info, write=True) as session:
            row = await _message(info, session, str(id))
            owner = await account_by_id(session, principal, row.account_id)
            draft = await drafts.get_draft(session, owner, row.id)
            if send_at is not None and scheduled.is_later(send_at):
                return SendResultType.of(
                    await scheduled.schedule_draft(
                        session, info.context.runtime, owner, draft, send_at
                    )
                )
            result = await drafts.send_draft(
                session, info.context.runtime, owner, draft, actor=principal, ip=info.context.ip
            )
            return SendResultType.of(result)

    @strawberry.mutation(description="Change a message's flags, keywords or folder.")
    async def update_mail_message(
        self, info: Info[Context, Any], id: strawberry.ID, input: MailMessageUpdateInput
    ) -> MailMessageType:
        principal = require(info, "mail:write")
        data = _validated(MessageUpdate, {k: v for k, v in vars(input).items() if v is not None})
        async with unit_of_work(info, write=True) as session:
            row = await _message(info, session, str(id))
            owner = await account_by_id(session, principal, row.account_id)
            await messages.update_messages(session, owner, [row], data)
            return MailMessageType.of(row)

    @strawberry.mutation(description="Change up to 1,000 messages of one mailbox at once.")
    async def update_mail_messages(
        self,
        info: Info[Context, Any],
        account: str,
        ids: list[strawberry.ID],
        input: MailMessageUpdateInput,
    ) -> list[str]:
        principal = require(info, "mail:write")
        data = _validated(MessageUpdate, {k: v for k, v in vars(input).items() if v is not None})
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            result = await messages.bulk_update(session, owner, [str(i) for i in ids], data)
            return result.updated

    @strawberry.mutation(description="Move a message to trash, or delete it for good.")
    async def delete_mail_message(
        self, info: Info[Context, Any], id: strawberry.ID, permanent: bool = False
    ) -> bool:
        principal = require(info, "mail:write")
        async with unit_of_work(info, write=True) as session:
            row = await _message(info, session, str(id))
            owner = await account_by_id(session, principal, row.account_id)
            await messages.delete_messages(
                session, info.context.runtime.blobs, owner, [row], permanent=permanent
            )
        return True

    @strawberry.mutation(description="Create a custom folder.")
    async def create_mail_folder(
        self, info: Info[Context, Any], account: str, name: str, parent_id: str | None = None
    ) -> MailFolderType:
        principal = require(info, "mail:write")
        data = _validated(FolderCreate, {"name": name, "parent_id": parent_id})
        async with unit_of_work(info, write=True) as session:
            owner = await mailbox_account(session, principal, account)
            return MailFolderType.of(
                await folders.create_folder(session, owner, data),
                await _folder_locale(info, session, owner),
            )

    @strawberry.mutation(description="Rename or move a custom folder.")
    async def update_mail_folder(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        name: str | None = None,
        parent_id: str | None = strawberry.UNSET,
    ) -> MailFolderType:
        principal = require(info, "mail:write")
        values: dict[str, Any] = {}
        if name is not None:
            values["name"] = name
        if parent_id is not strawberry.UNSET:
            values["parent_id"] = parent_id
        data = _validated(FolderUpdate, values)
        async with unit_of_work(info, write=True) as session:
            folder = await _folder(info, session, str(id))
            owner = await account_by_id(session, principal, folder.account_id)
            return MailFolderType.of(
                await folders.update_folder(session, owner, folder, data),
                await _folder_locale(info, session, owner),
            )

    @strawberry.mutation(description="Delete a custom folder; its messages go to trash.")
    async def delete_mail_folder(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, "mail:write")
        async with unit_of_work(info, write=True) as session:
            folder = await _folder(info, session, str(id))
            owner = await account_by_id(session, principal, folder.account_id)
            await folders.delete_folder(session, owner, folder)
        return True
