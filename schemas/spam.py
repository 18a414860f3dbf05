"""Spam filtering: allow and block lists, user feedback, a message's spam verdict."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from schemas.base import RequestModel, ResponseModel


class SpamListEntryCreate(RequestModel):
    value: str = Field(
        min_length=3, max_length=320,
        description="A sender address (`news@example.com`) or a domain (`example.com`, which "
                    "also covers its subdomains). Internationalised domains are accepted.",
    )
    note: str = Field(default="", max_length=500, description="Why the entry exists")


class SpamListEntry(ResponseModel):
    id: str
    kind: Literal["allow", "block"] = Field(description="Which list the entry is on")
    value: str = Field(description="Normalised: lower case, domains in ASCII (punycode)")
    scope: Literal["address", "domain"]
    note: str
    created_by: str | None
    created_at: datetime


class SpamFeedback(ResponseModel):
    message_id: str
    account_id: str
    label: Literal["spam", "ham"]
    folder_id: str = Field(description="Where the message is now")
    learned: bool = Field(description="False when the message was already learned this way")


class SpamVerdict(ResponseModel):
    message_id: str
    scored: bool = Field(description="False when the message never went through the filter")
    score: float | None = None
    action: Literal["inbox", "junk", "reject"] | None = None
    tests: list[str] = Field(default_factory=list, description="Names of the rules that fired")
    report: str | None = Field(default=None, description="The X-Spam-Report text")
    feedback: Literal["spam", "ham"] | None = Field(
        default=None, description="What a person reported the message as, if anything"
    )


SenderListKind = Literal["allow", "block", "images"]


class SenderEntryCreate(RequestModel):
    value: str = Field(min_length=1, max_length=320,
                       description="A sender address, or a domain (covering its subdomains)")
    action: Literal["junk", "trash"] = Field(
        default="junk", description="block list: where the sender's next messages are filed"
    )


class SenderEntry(ResponseModel):
    id: str
    account_id: str
    list: SenderListKind = Field(
        description="allow: never junk (authenticated senders only); block: filed as "
        "`action` says; images: remote images shown without asking"
    )
    value: str = Field(description="Normalised: lower case, domains in ASCII (punycode)")
    scope: Literal["address", "domain"]
    action: Literal["junk", "trash"] = Field(description="block list only: where mail goes")
    created_at: datetime
