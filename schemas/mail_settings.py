"""A person's mail settings: signature, auto-reply (vacation) and forwarding; and the
options of sending a draft (scheduled send)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, Field

from schemas.base import RequestModel, ResponseModel
from schemas.directory import normalise_address
from schemas.text import SingleLine

ForwardingPolicy = Literal["off", "internal", "any"]


class AutoReply(ResponseModel):
    enabled: bool = Field(description="Answer incoming mail automatically")
    subject: str = Field(description="The reply's subject; empty: `Auto:` and the original's")
    text: str = Field(description="The reply's plain-text body")
    starts_at: datetime | None = Field(description="Reply from this moment (none: at once)")
    ends_at: datetime | None = Field(description="Stop replying at this moment (none: never)")
    interval_days: int = Field(
        description="Answer each sender at most once in this many days (RFC 3834)"
    )


class Forwarding(ResponseModel):
    enabled: bool = Field(description="Send a copy of each message received to `address`")
    address: str | None = Field(description="Where to forward")


class MailSettings(ResponseModel):
    """The mail settings of one account."""

    account_id: str
    signature: str = Field(description="Added below new messages and replies (plain text)")
    auto_reply: AutoReply
    forwarding: Forwarding
    forwarding_policy: ForwardingPolicy = Field(
        description="What the organisation allows: `off`, `internal` (addresses hosted here) "
        "or `any` (read-only)"
    )
    updated_at: datetime | None


class AutoReplyUpdate(RequestModel):
    enabled: bool | None = None
    subject: Annotated[str, Field(max_length=998), SingleLine] | None = None
    text: str | None = Field(default=None, max_length=20_000)
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    interval_days: int | None = Field(default=None, ge=1, le=365)


class ForwardingUpdate(RequestModel):
    enabled: bool | None = None
    address: (
        Annotated[str, Field(min_length=3, max_length=320), AfterValidator(normalise_address)]
        | None
    ) = None


class MailSettingsUpdate(RequestModel):
    """JSON merge patch of the mail settings (nested objects merge too)."""

    signature: str | None = Field(default=None, max_length=10_000)
    auto_reply: AutoReplyUpdate | None = None
    forwarding: ForwardingUpdate | None = None


class DraftSend(RequestModel):
    """Options of sending a draft."""

    send_at: datetime | None = Field(
        default=None,
        description="Send at this moment instead of now (more than 5 seconds ahead: the "
        "message waits in Outbox and can be cancelled until then; this is how undo-send works)",
    )
