"""GraphQL types and resolvers for address books, contacts, groups and autocomplete,
calling the same services as REST."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from api.calendar.graphql import from_model, to_dict, validated
from api.contacts.address_books import service as books
from api.contacts.contacts import groups, repository, service
from api.contacts.contacts.service import ensure_default_book
from api.contacts.contacts.views import contacts_out, group_out
from api.contacts.gal import service as gal
from api.directory import resolve_account
from api.errors import ValidationFailed
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from api.kit.pagination import PageParams
from schemas import contacts as s


@strawberry.type
class ContactEmail:
    address: str
    type: str
    primary: bool


@strawberry.type
class ContactPhone:
    number: str
    type: str


@strawberry.type
class ContactAddress:
    type: str
    street: str
    city: str
    region: str
    postal_code: str
    country: str


@strawberry.type(name="Contact")
class ContactType:
    id: strawberry.ID
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
    emails: list[ContactEmail]
    phones: list[ContactPhone]
    addresses: list[ContactAddress]
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

    @classmethod
    def of(cls, c: s.Contact) -> ContactType:
        d = {name: getattr(c, name) for name in cls.__annotations__}
        d["emails"] = [from_model(ContactEmail, e) for e in c.emails]
        d["phones"] = [from_model(ContactPhone, p) for p in c.phones]
        d["addresses"] = [from_model(ContactAddress, a) for a in c.addresses]
        return cls(**d)


@strawberry.type
class ContactPage:
    data: list[ContactType]
    next_cursor: str | None


@strawberry.type(name="AddressBook")
class AddressBookType:
    id: strawberry.ID
    account_id: str
    name: str
    description: str
    is_default: bool
    created_at: datetime
    updated_at: datetime


@strawberry.type(name="ContactGroup")
class ContactGroupType:
    id: strawberry.ID
    account_id: str
    address_book_id: str
    uid: str
    name: str
    member_ids: list[str]
    created_at: datetime
    updated_at: datetime


@strawberry.type(name="AutocompleteSuggestion")
class SuggestionType:
    kind: str
    id: str
    name: str
    address: str
    source: str
    recent_messages: int


@strawberry.input
class ContactEmailInput:
    address: str
    type: str | None = strawberry.UNSET
    primary: bool | None = strawberry.UNSET


@strawberry.input
class ContactPhoneInput:
    number: str
    type: str | None = strawberry.UNSET


@strawberry.input
class ContactAddressInput:
    type: str | None = strawberry.UNSET
    street: str | None = strawberry.UNSET
    city: str | None = strawberry.UNSET
    region: str | None = strawberry.UNSET
    postal_code: str | None = strawberry.UNSET
    country: str | None = strawberry.UNSET


@strawberry.input
class ContactInput:
    address_book_id: str | None = strawberry.UNSET
    display_name: str | None = strawberry.UNSET
    given_name: str | None = strawberry.UNSET
    family_name: str | None = strawberry.UNSET
    middle_name: str | None = strawberry.UNSET
    prefix: str | None = strawberry.UNSET
    suffix: str | None = strawberry.UNSET
    nickname: str | None = strawberry.UNSET
    emails: list[ContactEmailInput] | None = strawberry.UNSET
    phones: list[ContactPhoneInput] | None = strawberry.UNSET
    addresses: list[ContactAddressInput] | None = strawberry.UNSET
    urls: list[str] | None = strawberry.UNSET
    organization: str | None = strawberry.UNSET
    department: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    birthday: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET
    categories: list[str] | None = strawberry.UNSET


@strawberry.input
class ContactGroupInput:
    name: str | None = strawberry.UNSET
    address_book_id: str | None = strawberry.UNSET
    member_ids: list[str] | None = strawberry.UNSET


def _page(limit: int, cursor: str | None) -> PageParams:
    return checked_page(limit, cursor)


@strawberry.type
class ContactsQuery:
    @strawberry.field(description="An account's address books.")
    async def address_books(self, info: Info[Context, Any], account: str) -> list[AddressBookType]:
        principal = require(info, "contacts:read")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            await ensure_default_book(session, principal.org_id, owner.id)
            rows = await books.list_books(session, principal.org_id, owner.id)
            return [from_model(AddressBookType, s.AddressBook.model_validate(b)) for b in rows]

    @strawberry.field(description="An account's contacts, optionally searched.")
    async def contacts(
        self,
        info: Info[Context, Any],
        account: str,
        q: str | None = None,
        address_book_id: str | None = None,
        group_id: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> ContactPage:
        principal = require(info, "contacts:read")
        async with unit_of_work(info, write=False) as session:
            owner = await resolve_account(session, principal, account)
            rows, next_cursor = await repository.page(
                session,
                principal.org_id,
                owner.id,
                _page(limit, cursor),
                q=q,
                book_id=address_book_id,
                group_id=group_id,
            )
            return ContactPage(
                data=[ContactType.of(c) for c in await contacts_out(session, rows)],
                next_cursor=next_cursor,
            )

    @strawberry.field(description="One contact.")
    async def contact(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> ContactType:
        principal = require(info, "contacts:read")
        async with unit_of_work(info, write=False) as session:
            owner = await resolve_account(session, principal, account)
            c = await service.get_contact(session, principal.org_id, owner.id, str(id))
            return ContactType.of((await contacts_out(session, [c]))[0])

    @strawberry.field(description="An account's contact groups.")
    async def contact_groups(
        self, info: Info[Context, Any], account: str
    ) -> list[ContactGroupType]:
        principal = require(info, "contacts:read")
        async with unit_of_work(info, write=False) as session:
            owner = await resolve_account(session, principal, account)
            rows = await repository.groups(session, principal.org_id, owner.id)
            return [from_model(ContactGroupType, await group_out(session, g)) for g in rows]

    @strawberry.field(description="Recipient suggestions: personal contacts and the directory.")
    async def autocomplete(
        self, info: Info[Context, Any], q: str, account: str | None = None, limit: int = 10
    ) -> list[SuggestionType]:
        principal = require(info, "contacts:read")
        if not 1 <= limit <= 50:  # as REST's `Query(ge=1, le=50)`, not quietly clamped
            raise as_graphql_error(ValidationFailed("limit must be 1 to 50.", param="limit"))
        async with unit_of_work(info, write=False) as session:
            account_id = principal.account_id
            if account is not None:
                account_id = (await resolve_account(session, principal, account)).id
            found = await gal.autocomplete(session, principal.org_id, q, account_id, limit)
        return [from_model(SuggestionType, x) for x in found]


@strawberry.type
class ContactsMutation:
    @strawberry.mutation(description="Add a contact.")
    async def create_contact(
        self, info: Info[Context, Any], account: str, input: ContactInput
    ) -> ContactType:
        principal = require(info, "contacts:write")
        data = validated(s.ContactCreate, input)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            c = await service.create_contact(session, principal.org_id, owner.id, data)
            return ContactType.of((await contacts_out(session, [c]))[0])

    @strawberry.mutation(description="Change a contact (merge patch).")
    async def update_contact(
        self, info: Info[Context, Any], account: str, id: strawberry.ID, input: ContactInput
    ) -> ContactType:
        principal = require(info, "contacts:write")
        values = to_dict(input)
        values.pop("address_book_id", None)
        data = validated(s.ContactUpdate, values)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            c = await service.get_contact(session, principal.org_id, owner.id, str(id))
            c = await service.update_contact(session, c, data)
            return ContactType.of((await contacts_out(session, [c]))[0])

    @strawberry.mutation(description="Delete a contact.")
    async def delete_contact(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> bool:
        principal = require(info, "contacts:write")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            c = await service.get_contact(session, principal.org_id, owner.id, str(id))
            await service.delete_contact(session, info.context.runtime, c)
        return True

    @strawberry.mutation(description="Create an address book.")
    async def create_address_book(
        self, info: Info[Context, Any], account: str, name: str, description: str = ""
    ) -> AddressBookType:
        principal = require(info, "contacts:write")
        data = validated(s.AddressBookCreate, {"name": name, "description": description})
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            book = await books.create_book(session, principal.org_id, owner.id, data)
            return from_model(AddressBookType, s.AddressBook.model_validate(book))

    @strawberry.mutation(
        description="Delete an address book with its contacts (not the default one)."
    )
    async def delete_address_book(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> bool:
        principal = require(info, "contacts:write")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            book = await books.get_book(session, principal.org_id, owner.id, str(id))
            await books.delete_book(session, info.context.runtime, book)
        return True

    @strawberry.mutation(description="Create a contact group.")
    async def create_contact_group(
        self, info: Info[Context, Any], account: str, input: ContactGroupInput
    ) -> ContactGroupType:
        principal = require(info, "contacts:write")
        data = validated(s.ContactGroupCreate, input)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            g = await groups.create_group(session, principal.org_id, owner.id, data)
            return from_model(ContactGroupType, await group_out(session, g))

    @strawberry.mutation(description="Rename a group or replace its members.")
    async def update_contact_group(
        self, info: Info[Context, Any], account: str, id: strawberry.ID, input: ContactGroupInput
    ) -> ContactGroupType:
        principal = require(info, "contacts:write")
        values = to_dict(input)
        values.pop("address_book_id", None)
        data = validated(s.ContactGroupUpdate, values)
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            g = await groups.get_group(session, principal.org_id, owner.id, str(id))
            g = await groups.update_group(session, g, data)
            return from_model(ContactGroupType, await group_out(session, g))

    @strawberry.mutation(description="Delete a contact group.")
    async def delete_contact_group(
        self, info: Info[Context, Any], account: str, id: strawberry.ID
    ) -> bool:
        principal = require(info, "contacts:write")
        async with unit_of_work(info, write=True) as session:
            owner = await resolve_account(session, principal, account)
            g = await groups.get_group(session, principal.org_id, owner.id, str(id))
            await groups.delete_group(session, g)
        return True
