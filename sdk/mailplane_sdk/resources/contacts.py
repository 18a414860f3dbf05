"""`mp.contacts`: a person's address books, contacts and contact groups (vCard in and out)."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing, raw, text
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import (
    AddressBook,
    AutocompleteResult,
    Changes,
    Contact,
    ContactGroup,
    ContactImportResult,
)
from mailplane_sdk.pagination import Page, page_of

BOOK = "/v1/accounts/{account}/contacts/address_books/{address_book_id}"
GROUP = "/v1/accounts/{account}/contacts/groups/{group_id}"
CONTACT = "/v1/accounts/{account}/contacts/{contact_id}"


def _bytes(value: str | bytes) -> bytes:
    return value.encode() if isinstance(value, str) else value


class AddressBooks(Namespace[R]):
    """`mp.contacts.address_books`."""

    @paged("GET", "/v1/accounts/{account}/contacts/address_books", "list_address_books")
    def list(self, account: str) -> Spec[Page[AddressBook]]:
        return Spec(page_of(AddressBook.from_dict), path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/contacts/address_books", "create_address_book")
    def create(
        self, account: str, /, **body: Unpack[params.AddressBookCreate]
    ) -> Spec[AddressBook]:
        return Spec(model(AddressBook), path={"account": account}, json=body)

    @endpoint("GET", BOOK, "get_address_book")
    def get(self, account: str, address_book_id: str) -> Spec[AddressBook]:
        return Spec(
            model(AddressBook), path={"account": account, "address_book_id": address_book_id}
        )

    @endpoint("PATCH", BOOK, "update_address_book")
    def update(
        self, account: str, address_book_id: str, /, **fields: Unpack[params.AddressBookUpdate]
    ) -> Spec[AddressBook]:
        return Spec(
            model(AddressBook),
            path={"account": account, "address_book_id": address_book_id},
            json=fields,
        )

    @endpoint("DELETE", BOOK, "delete_address_book")
    def delete(self, account: str, address_book_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "address_book_id": address_book_id})

    @endpoint("GET", BOOK + "/export", "export_contacts")
    def export(
        self, account: str, address_book_id: str, *, version: str | None = None
    ) -> Spec[str]:
        """Every contact as vCard (`version` 3.0 or 4.0)."""
        return Spec(
            text,
            path={"account": account, "address_book_id": address_book_id},
            params={"version": version},
        )

    @endpoint("POST", BOOK + "/import", "import_contacts")
    def import_vcards(
        self, account: str, address_book_id: str, vcards: str | bytes
    ) -> Spec[ContactImportResult]:
        """Add the contacts of a vCard file (one or many cards)."""
        return Spec(
            model(ContactImportResult),
            path={"account": account, "address_book_id": address_book_id},
            content=_bytes(vcards),
            headers={"Content-Type": "text/vcard"},
        )


class ContactGroups(Namespace[R]):
    """`mp.contacts.groups`: a person's own contact groups (not directory groups)."""

    @paged("GET", "/v1/accounts/{account}/contacts/groups", "list_contact_groups")
    def list(
        self, account: str, /, **query: Unpack[params.ListContactGroupsQuery]
    ) -> Spec[Page[ContactGroup]]:
        return Spec(page_of(ContactGroup.from_dict), path={"account": account}, params=query)

    @endpoint("POST", "/v1/accounts/{account}/contacts/groups", "create_contact_group")
    def create(
        self, account: str, /, **body: Unpack[params.ContactGroupCreate]
    ) -> Spec[ContactGroup]:
        return Spec(model(ContactGroup), path={"account": account}, json=body)

    @endpoint("GET", GROUP, "get_contact_group")
    def get(self, account: str, group_id: str) -> Spec[ContactGroup]:
        return Spec(model(ContactGroup), path={"account": account, "group_id": group_id})

    @endpoint("PATCH", GROUP, "update_contact_group")
    def update(
        self, account: str, group_id: str, /, **fields: Unpack[params.ContactGroupUpdate]
    ) -> Spec[ContactGroup]:
        return Spec(
            model(ContactGroup), path={"account": account, "group_id": group_id}, json=fields
        )

    @endpoint("DELETE", GROUP, "delete_contact_group")
    def delete(self, account: str, group_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "group_id": group_id})


class Contacts(Namespace[R]):
    """`mp.contacts`."""

    def __init__(self, runner: R) -> None:
        super().__init__(runner)
        self.address_books = AddressBooks(runner)
        self.groups = ContactGroups(runner)

    @paged("GET", "/v1/accounts/{account}/contacts", "list_contacts")
    def list(
        self, account: str, /, **query: Unpack[params.ListContactsQuery]
    ) -> Spec[Page[Contact]]:
        """Filters: q, address_book_id, group_id, limit."""
        return Spec(page_of(Contact.from_dict), path={"account": account}, params=query)

    @endpoint("POST", "/v1/accounts/{account}/contacts", "create_contact")
    def create(self, account: str, /, **body: Unpack[params.ContactCreate]) -> Spec[Contact]:
        """Body: ContactCreate (display_name, emails, phones, …)."""
        return Spec(model(Contact), path={"account": account}, json=body)

    @endpoint("GET", CONTACT, "get_contact")
    def get(self, account: str, contact_id: str) -> Spec[Contact]:
        return Spec(model(Contact), path={"account": account, "contact_id": contact_id})

    @endpoint("PATCH", CONTACT, "update_contact")
    def update(
        self, account: str, contact_id: str, /, **fields: Unpack[params.ContactUpdate]
    ) -> Spec[Contact]:
        return Spec(
            model(Contact), path={"account": account, "contact_id": contact_id}, json=fields
        )

    @endpoint("DELETE", CONTACT, "delete_contact")
    def delete(self, account: str, contact_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "contact_id": contact_id})

    @endpoint("GET", CONTACT + "/vcard", "get_contact_vcard")
    def vcard(self, account: str, contact_id: str, *, version: str | None = None) -> Spec[str]:
        return Spec(
            text, path={"account": account, "contact_id": contact_id}, params={"version": version}
        )

    @endpoint("GET", CONTACT + "/photo", "get_contact_photo")
    def get_photo(self, account: str, contact_id: str) -> Spec[bytes]:
        return Spec(raw, path={"account": account, "contact_id": contact_id})

    @endpoint("PUT", CONTACT + "/photo", "set_contact_photo")
    def set_photo(
        self, account: str, contact_id: str, photo: bytes, *, content_type: str = "image/jpeg"
    ) -> Spec[None]:
        """A JPEG or PNG image."""
        return Spec(
            nothing,
            path={"account": account, "contact_id": contact_id},
            content=photo,
            headers={"Content-Type": content_type},
        )

    @endpoint("DELETE", CONTACT + "/photo", "delete_contact_photo")
    def delete_photo(self, account: str, contact_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "contact_id": contact_id})

    @endpoint("GET", "/v1/accounts/{account}/contacts/changes", "list_contact_changes")
    def changes(
        self, account: str, /, **query: Unpack[params.ListContactChangesQuery]
    ) -> Spec[Changes]:
        return Spec(model(Changes), path={"account": account}, params=query)

    @endpoint("GET", "/v1/contacts/autocomplete", "autocomplete_contacts")
    def autocomplete(
        self, /, **query: Unpack[params.AutocompleteContactsQuery]
    ) -> Spec[AutocompleteResult]:
        """Suggestions for a recipient field: `q`, `account` (whose contacts), `limit`."""
        return Spec(model(AutocompleteResult), params=query)
