"""App passwords' public contract: create one (its secret is in that one response), list
them without secrets, revoke one."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from schemas.base import RequestModel, ResponseModel

AppPasswordName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=100,
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="What it is for, e.g. `Outlook on my laptop` or `OA workflow mailer`.",
    ),
]


class AppPasswordCreate(RequestModel):
    name: AppPasswordName


class AppPassword(ResponseModel):
    id: str
    account_id: str
    name: str
    created_at: datetime
    last_used_at: datetime | None = Field(
        default=None, description="The last successful SMTP sign-in with it."
    )
    last_used_ip: str | None = Field(default=None, description="Where that sign-in came from.")


class AppPasswordCreated(AppPassword):
    password: str = Field(
        description="The secret, shown only in this response: 16 lower-case letters in four "
        "groups (`abcd efgh ijkl mnop`; the spaces are optional when typing it)."
    )
