"""Mail: folders, messages, threads, sending, drafts, uploads."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from schemas.base import RequestModel, ResponseModel
from schemas.numbers import INT64_MAX
from schemas.text import SingleLine

FolderName = Annotated[str, Field(min_length=1, max_length=200), SingleLine]
Keyword = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\s()\]{%*\"\\]+$")]
MessageId = Annotated[str, Field(min_length=1, max_length=40)]


# --- folders ------------------------------------------------------------------------------


class Folder(ResponseModel):
    id: str
    account_id: str
    parent_id: str | None
    name: str
    role: str | None = Field(
        description="inbox, drafts, sent, outbox, archive, junk or trash; null for custom folders"
    )
    display_name: str = Field(
        default="",
        description="The name to show: a system folder's in the reader's language (收件箱, "
        "已发送, 草稿箱, 已删除, 垃圾邮件 for zh-CN; Accept-Language, else the owner's), a "
        "custom folder's own name. `name` and `role` never change with the language.",
    )
    total_count: int
    unread_count: int
    size_bytes: int
    created_at: datetime
    updated_at: datetime


class FolderCreate(RequestModel):
    name: FolderName
    parent_id: str | None = None


class FolderUpdate(RequestModel):
    name: FolderName | None = None
    parent_id: str | None = Field(
        default=None, description="Move under another folder; null moves it to the top level."
    )


class FolderCounts(ResponseModel):
    id: str
    role: str | None
    name: str
    display_name: str = Field(default="", description="The name to show, as in Folder.")
    total_count: int
    unread_count: int


class MailCounts(ResponseModel):
    unread_count: int = Field(description="Unread messages in the inbox")
    total_unread: int = Field(description="Unread messages in all folders but junk and trash")
    folders: list[FolderCounts]


# --- messages ------------------------------------------------------------------------------


class EmailAddress(ResponseModel):
    name: str = ""
    address: str


class Attachment(ResponseModel):
    id: str = Field(description="The MIME part path, e.g. `2` or `1.3`")
    filename: str
    content_type: str
    size: int
    content_id: str | None = None
    inline: bool = False
    calendar: bool = False


class MessageSummary(ResponseModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: str
    account_id: str
    folder_id: str
    thread_id: str
    subject: str
    from_: EmailAddress | None = Field(default=None, alias="from")
    to: list[EmailAddress]
    cc: list[EmailAddress]
    bcc: list[EmailAddress]
    reply_to: list[EmailAddress]
    received_at: datetime
    sent_at: datetime | None
    size: int
    snippet: str
    seen: bool
    flagged: bool
    answered: bool
    forwarded: bool
    draft: bool
    keywords: list[str]
    priority: str
    has_attachments: bool
    attachments: list[Attachment]
    message_id: str = Field(description="The Message-ID header")
    in_reply_to: str
    references: list[str]
    parse_status: Literal["ok", "defects", "failed"]
    parse_problems: list[str]
    send_at: datetime | None = None
    thread_count: int | None = Field(
        default=None,
        description="Messages in its conversation (filled in lists; null elsewhere)",
    )


class Header(ResponseModel):
    name: str
    value: str


class Message(MessageSummary):
    text: str | None = Field(description="The plain-text body (or the HTML rendered as text)")
    html: str | None = Field(description="The HTML body, sanitised for display")
    headers: list[Header]
    body_truncated: bool = False


class MessageUpdate(RequestModel):
    seen: bool | None = None
    flagged: bool | None = None
    answered: bool | None = None
    forwarded: bool | None = None
    folder_id: str | None = Field(default=None, description="Move to this folder")
    add_keywords: list[Keyword] = Field(default_factory=list, max_length=50)
    remove_keywords: list[Keyword] = Field(default_factory=list, max_length=50)


class MessagesBulkUpdate(MessageUpdate):
    ids: list[MessageId] = Field(min_length=1, max_length=1000)


class MessagesBulkDelete(RequestModel):
    ids: list[MessageId] = Field(min_length=1, max_length=1000)
    permanent: bool = Field(
        default=False,
        description="Delete for good instead of moving to "
        "trash (messages already in trash always "
        "go for good)",
    )


class BulkResult(ResponseModel):
    updated: list[str] = Field(default_factory=list)
    deleted: list[str] = Field(default_factory=list)
    not_found: list[str] = Field(default_factory=list)


# --- threads -------------------------------------------------------------------------------


class Thread(ResponseModel):
    id: str
    account_id: str
    subject: str
    snippet: str
    message_count: int
    unread_count: int
    has_attachments: bool
    participants: list[EmailAddress]
    last_received_at: datetime


class ThreadDetail(Thread):
    messages: list[MessageSummary]


# --- sending -------------------------------------------------------------------------------


class AddressIn(RequestModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    address: str = Field(min_length=3, max_length=320)
    name: str = Field(default="", max_length=200)


Recipient = Annotated[str, Field(min_length=3, max_length=400)] | AddressIn


class AttachmentIn(RequestModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    upload_id: str | None = Field(
        default=None, max_length=40, description="A committed upload session"
    )
    content_base64: str | None = Field(default=None, description="Small files inline, base64")
    filename: str | None = Field(default=None, max_length=255)
    content_type: str | None = Field(default=None, max_length=255)
    content_id: str | None = Field(
        default=None, max_length=255, description="For inline images referenced as cid:"
    )
    inline: bool = False


class SendRequest(RequestModel):
    """A message to send (or a draft's content). Header fields reject line breaks."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, populate_by_name=True)

    from_: Recipient | None = Field(
        default=None, alias="from", description="Defaults to the account's own address"
    )
    to: list[Recipient] = Field(default_factory=list)
    cc: list[Recipient] = Field(default_factory=list)
    bcc: list[Recipient] = Field(default_factory=list)
    reply_to: list[Recipient] = Field(default_factory=list)
    subject: str = Field(default="", max_length=998)
    text: str | None = None
    html: str | None = None
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=100)
    reply_to_message_id: str | None = Field(
        default=None,
        max_length=40,
        description=("Reply to this message of the mailbox: In-Reply-To and References are set"),
    )
    forward_message_id: str | None = Field(
        default=None,
        max_length=40,
        description=("Forward this message of the mailbox (attached as message/rfc822)"),
    )
    priority: Literal["low", "normal", "high"] = "normal"
    transactional: bool = Field(
        default=False,
        description=("System notification mail: marked Auto-Submitted, queued ahead of other mail"),
    )
    send_at: datetime | None = Field(default=None, description="Schedule the send")
    save_to_sent: bool = True
    headers: dict[str, str] = Field(
        default_factory=dict, max_length=20, description=("Extra `X-` headers")
    )


class DraftUpdate(RequestModel):
    """Merge patch of a draft's content."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, populate_by_name=True)

    from_: Recipient | None = Field(default=None, alias="from")
    to: list[Recipient] | None = None
    cc: list[Recipient] | None = None
    bcc: list[Recipient] | None = None
    reply_to: list[Recipient] | None = None
    subject: str | None = Field(default=None, max_length=998)
    text: str | None = None
    html: str | None = None
    attachments: list[AttachmentIn] | None = Field(default=None, max_length=100)
    priority: Literal["low", "normal", "high"] | None = None
    transactional: bool | None = None
    headers: dict[str, str] | None = Field(default=None, max_length=20)


class RejectedRecipient(ResponseModel):
    address: str
    code: str


class GroupDelivery(ResponseModel):
    address: str = Field(description="The group's address, as sent to")
    delivered: list[str] = Field(description="Members' addresses whose inbox has it")


class SendResult(ResponseModel):
    id: str | None = Field(description="The copy in Sent (or Outbox when scheduled)")
    message_id: str = Field(description="The Message-ID header")
    thread_id: str | None
    status: Literal["sent", "scheduled"]
    send_at: datetime | None = None
    delivered: list[str] = Field(
        description=(
            "Local mailboxes whose inbox has it, once each: an address as you sent it, and for"
            " a group its members' own addresses"
        )
    )
    queued: list[str] = Field(description="Remote recipients waiting for SMTP delivery")
    rejected: list[RejectedRecipient] = Field(
        description="Recipients refused, each with the problem `code`"
    )
    groups: list[GroupDelivery] = Field(
        default_factory=list, description="Each group addressed, with the members it reached"
    )


# --- uploads -------------------------------------------------------------------------------


class UploadCreate(RequestModel):
    filename: str = Field(min_length=1, max_length=255)
    content_type: str = Field(default="application/octet-stream", max_length=255)
    size: int = Field(ge=0, le=INT64_MAX, description="The exact size in bytes")


class Upload(ResponseModel):
    id: str
    account_id: str
    filename: str
    content_type: str
    size: int
    received: list[list[int]] = Field(description="Byte ranges held, [start, end) each")
    received_bytes: int
    state: Literal["open", "committed"]
    upload_url: str
    sha256: str | None = None
    expires_at: datetime
    created_at: datetime
