"""REST endpoints for address books and their vCard files
(`/v1/accounts/{account}/contacts/address_books`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response, status

from api.contacts.address_books import service
from api.contacts.contacts import transfer
from api.deps import ContactsRead, ContactsWrite, DbSession, RuntimeDep
from api.directory import Owner
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page
from schemas.contacts import AddressBook, AddressBookCreate, AddressBookUpdate, ContactImportResult

router = APIRouter(prefix="/v1/accounts/{account}/contacts/address_books", tags=["contacts"])
VCARD_MEDIA = "text/vcard; charset=utf-8"
VCF_BODY = {
    "requestBody": {"required": True, "content": {"text/vcard": {"schema": {"type": "string"}}}}
}
VCF_RESPONSE = {
    200: {"content": {"text/vcard": {"schema": {"type": "string"}}}, "description": "vCards."}
}


@router.get("", response_model=Page[AddressBook])
async def list_address_books(
    principal: ContactsRead, session: DbSession, owner: Owner, runtime: RuntimeDep
) -> Page[AddressBook]:
    """The account's address books, the default one first."""
    made = await service.provision(runtime, principal.org_id, owner.id)
    rows = await service.list_books(session, principal.org_id, owner.id)
    if made is not None and made.id not in {b.id for b in rows}:
        rows.insert(0, made)
    return Page[AddressBook](data=[AddressBook.model_validate(b) for b in rows], next_cursor=None)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=AddressBook)
async def create_address_book(
    body: AddressBookCreate,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    response: Response,
) -> AddressBook:
    """Create another address book."""
    book = await service.create_book(session, principal.org_id, owner.id, body)
    set_etag(response, book.id, book.version)
    return AddressBook.model_validate(book)


@router.get("/{address_book_id}", response_model=AddressBook)
async def get_address_book(
    address_book_id: str,
    principal: ContactsRead,
    session: DbSession,
    owner: Owner,
    response: Response,
) -> AddressBook:
    """One address book."""
    book = await service.get_book(session, principal.org_id, owner.id, address_book_id)
    set_etag(response, book.id, book.version)
    return AddressBook.model_validate(book)


@router.patch("/{address_book_id}", response_model=AddressBook)
async def update_address_book(
    address_book_id: str,
    body: AddressBookUpdate,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    request: Request,
    response: Response,
) -> AddressBook:
    """Rename an address book (merge patch)."""
    book = await service.get_book(session, principal.org_id, owner.id, address_book_id)
    check_if_match(request, book.id, book.version)
    book = await service.update_book(session, book, body)
    set_etag(response, book.id, book.version)
    return AddressBook.model_validate(book)


@router.delete("/{address_book_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_address_book(
    address_book_id: str,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    runtime: RuntimeDep,
    request: Request,
) -> Response:
    """Delete an address book with its contacts and groups (not the default one: 409)."""
    book = await service.get_book(session, principal.org_id, owner.id, address_book_id)
    check_if_match(request, book.id, book.version)
    await service.delete_book(session, runtime, book)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{address_book_id}/import", response_model=ContactImportResult, openapi_extra=VCF_BODY
)
async def import_contacts(
    address_book_id: str,
    request: Request,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    runtime: RuntimeDep,
) -> ContactImportResult:
    """Import a .vcf file (vCard 3.0 or 4.0, contacts and groups). Cards are matched by UID,
    so importing again updates them. A malformed file is a 422 naming the line, a file too
    large a 413; either way nothing is imported."""
    book = await service.get_book(session, principal.org_id, owner.id, address_book_id)
    result = await transfer.import_vcards(session, runtime, book, await request.body())
    return ContactImportResult(**result)


@router.get("/{address_book_id}/export", response_class=Response, responses=VCF_RESPONSE)
async def export_contacts(
    address_book_id: str,
    principal: ContactsRead,
    session: DbSession,
    owner: Owner,
    runtime: RuntimeDep,
    version: Annotated[Literal["3.0", "4.0"], Query(description="vCard version.")] = "4.0",
) -> Response:
    """The address book as a .vcf file (contacts, then groups)."""
    book = await service.get_book(session, principal.org_id, owner.id, address_book_id)
    body = await transfer.export_vcards(session, runtime, book, version)
    return Response(
        body,
        media_type=VCARD_MEDIA,
        headers={"Content-Disposition": f'attachment; filename="{book.id}.vcf"'},
    )
