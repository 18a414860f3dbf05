"""Personal address books, contacts, contact groups and autocomplete."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, field_validator

from schemas.base import RequestModel, ResponseModel
from schemas.text import SingleLine

Name = Annotated[str, Field(min_length=1, max_length=200), SingleLine]
Short = Annotated[str, Field(max_length=200), SingleLine]
EmailType = Literal["work", "home", "other"]
PhoneType = Literal["mobile", "work", "home", "fax", "pager", "main", "other"]
BIRTHDAY = re.compile(r"^(\d{4}|--)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])$")


class Email(RequestModel):
    address: Annotated[str, Field(min_length=3, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$")]
    type: EmailType = "other"
    primary: bool = False


class Phone(RequestModel):
    number: Annotated[
        str, Field(min_length=1, max_length=64, pattern=r"^[0-9+()\-.\s#*a-zA-Z:;=,/]+$")
    ]
    type: PhoneType = "other"


class PostalAddress(RequestModel):
    type: Literal["work", "home", "other"] = "other"
    street: Short = ""
    city: Short = ""
    region: Short = ""
    postal_code: Annotated[str, Field(max_length=40)] = ""
    country: Short = ""


def _birthday(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not BIRTHDAY.match(value):
        raise ValueError("birthday is YYYY-MM-DD (or --MM-DD without a year)")
    return value


class ContactCreate(RequestModel):
    address_book_id: str | None = Field(
        default=None, max_length=40, description="Default book if absent."
    )
    display_name: Annotated[str, Field(max_length=300), SingleLine] = ""
    given_name: Short = ""
    family_name: Short = ""
    middle_name: Short = ""
    prefix: Annotated[str, Field(max_length=50)] = ""
    suffix: Annotated[str, Field(max_length=50)] = ""
    nickname: Short = ""
    emails: list[Email] = Field(default_factory=list, max_length=20)
    phones: list[Phone] = Field(default_factory=list, max_length=20)
    addresses: list[PostalAddress] = Field(default_factory=list, max_length=10)
    urls: list[Annotated[str, Field(min_length=1, max_length=2000)]] = Field(
        default_factory=list, max_length=10
    )
    organization: Annotated[str, Field(max_length=300)] = ""
    department: Annotated[str, Field(max_length=300)] = ""
    title: Annotated[str, Field(max_length=300), SingleLine] = ""
    birthday: str | None = Field(default=None, description="YYYY-MM-DD, or --MM-DD without a year.")
    notes: Annotated[str, Field(max_length=10_000)] = ""
    categories: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=20
    )

    _bday = field_validator("birthday")(_birthday)


class ContactUpdate(RequestModel):
    display_name: Annotated[str, Field(max_length=300), SingleLine] | None = None
    given_name: Short | None = None
    family_name: Short | None = None
    middle_name: Short | None = None
    prefix: Annotated[str, Field(max_length=50)] | None = None
    suffix: Annotated[str, Field(max_length=50)] | None = None
    nickname: Short | None = None
    emails: list[Email] | None = Field(default=None, max_length=20)
    phones: list[Phone] | None = Field(default=None, max_length=20)
    addresses: list[PostalAddress] | None = Field(default=None, max_length=10)
    urls: list[Annotated[str, Field(min_length=1, max_length=2000)]] | None = Field(
        default=None, max_length=10
    )
    organization: Annotated[str, Field(max_length=300)] | None = None
    department: Annotated[str, Field(max_length=300)] | None = None
    title: Annotated[str, Field(max_length=300), SingleLine] | None = None
    birthday: str | None = None
    notes: Annotated[str, Field(max_length=10_000)] | None = None
    categories: list[Annotated[str, Field(min_length=1, max_length=100)]] | None = Field(
        default=None, max_length=20
    )

    _bday = field_validator("birthday")(_birthday)


class EmailOut(ResponseModel):
    address: str
    type: str
    primary: bool


class PhoneOut(ResponseModel):
    number: str
    type: str


class PostalAddressOut(ResponseModel):
    type: str
    street: str
    city: str
    region: str
    postal_code: str
    country: str


class Contact(ResponseModel):
    id: str
    account_id: str
    address_book_id: str
    uid: str
    display_name: str
    given_name: str
    family_name: str
    middle_name: str
    prefix: str
    suffix: str
    nickname: str
    emails: list[EmailOut]
    phones: list[PhoneOut]
    addresses: list[PostalAddressOut]
    urls: list[str]
    organization: str
    department: str
    title: str
    birthday: str | None
    notes: str
    categories: list[str]
    has_photo: bool
    group_ids: list[str]
    created_at: datetime
    updated_at: datetime


class AddressBookCreate(RequestModel):
    name: Name
    description: Annotated[str, Field(max_length=2000)] = ""


class AddressBookUpdate(RequestModel):
    name: Name | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None


class AddressBook(ResponseModel):
    id: str
    account_id: str
    name: str
    description: str
    is_default: bool
    created_at: datetime
    updated_at: datetime


class ContactGroupCreate(RequestModel):
    name: Name
    address_book_id: str | None = Field(default=None, max_length=40)
    member_ids: list[Annotated[str, Field(max_length=40)]] = Field(
        default_factory=list, max_length=5000
    )


class ContactGroupUpdate(RequestModel):
    name: Name | None = None
    member_ids: list[Annotated[str, Field(max_length=40)]] | None = Field(
        default=None, max_length=5000
    )


class ContactGroup(ResponseModel):
    id: str
    account_id: str
    address_book_id: str
    uid: str
    name: str
    member_ids: list[str]
    created_at: datetime
    updated_at: datetime


class ContactImportResult(ResponseModel):
    created: int
    updated: int
    groups: int
    contact_ids: list[str]


class Suggestion(ResponseModel):
    kind: Literal["contact", "account", "group"]
    id: str
    name: str
    address: str
    source: Literal["personal", "directory"]
    recent_messages: int = Field(
        description="Messages exchanged with this address in the last 180 days."
    )


class AutocompleteResult(ResponseModel):
    data: list[Suggestion]
