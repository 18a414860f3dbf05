"""REST endpoints for contacts and contact groups (`/v1/accounts/{account}/contacts`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status

from api.contacts.contacts import groups, repository, service, transfer
from api.contacts.contacts.views import contact_out, contacts_out, group_out
from api.deps import ContactsRead, ContactsWrite, DbSession, RuntimeDep
from api.directory import Owner
from api.errors import NotFound
from api.events.sync import DEFAULT_CHANGES, ChangesLimit, SinceParam, changes_since
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from schemas.contacts import (
    Contact,
    ContactCreate,
    ContactGroup,
    ContactGroupCreate,
    ContactGroupUpdate,
    ContactUpdate,
)
from schemas.events import Changes

router = APIRouter(prefix="/v1/accounts/{account}/contacts", tags=["contacts"])
IMAGE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
            "image/png": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}
IMAGE_RESPONSE = {
    200: {
        "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
        "description": "The photo.",
    }
}
VCARD_RESPONSE = {
    200: {"content": {"text/vcard": {"schema": {"type": "string"}}}, "description": "A vCard."}
}


# ---- groups (literal paths first, so they are never taken for a contact id) -------------


@router.get("/groups", response_model=Page[ContactGroup])
async def list_contact_groups(
    principal: ContactsRead,
    session: DbSession,
    owner: Owner,
    address_book_id: Annotated[str | None, Query(max_length=40)] = None,
) -> Page[ContactGroup]:
    """The account's contact groups."""
    rows = await repository.groups(session, principal.org_id, owner.id, address_book_id)
    return Page[ContactGroup](data=[await group_out(session, g) for g in rows], next_cursor=None)


@router.post("/groups", status_code=status.HTTP_201_CREATED, response_model=ContactGroup)
async def create_contact_group(
    body: ContactGroupCreate,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    response: Response,
) -> ContactGroup:
    """Create a group of contacts of one address book."""
    g = await groups.create_group(session, principal.org_id, owner.id, body)
    set_etag(response, g.id, g.version)
    return await group_out(session, g)


@router.get("/groups/{group_id}", response_model=ContactGroup)
async def get_contact_group(
    group_id: str, principal: ContactsRead, session: DbSession, owner: Owner, response: Response
) -> ContactGroup:
    """One contact group with its members."""
    g = await groups.get_group(session, principal.org_id, owner.id, group_id)
    set_etag(response, g.id, g.version)
    return await group_out(session, g)


@router.patch("/groups/{group_id}", response_model=ContactGroup)
async def update_contact_group(
    group_id: str,
    body: ContactGroupUpdate,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    request: Request,
    response: Response,
) -> ContactGroup:
    """Rename a group or replace its members."""
    g = await groups.get_group(session, principal.org_id, owner.id, group_id)
    check_if_match(request, g.id, g.version)
    g = await groups.update_group(session, g, body)
    set_etag(response, g.id, g.version)
    return await group_out(session, g)


@router.delete("/groups/{group_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_contact_group(
    group_id: str, principal: ContactsWrite, session: DbSession, owner: Owner, request: Request
) -> Response:
    """Delete a group (its contacts stay)."""
    g = await groups.get_group(session, principal.org_id, owner.id, group_id)
    check_if_match(request, g.id, g.version)
    await groups.delete_group(session, g)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/changes", response_model=Changes)
async def list_contact_changes(
    principal: ContactsRead,
    session: DbSession,
    owner: Owner,
    since: SinceParam = None,
    limit: ChangesLimit = DEFAULT_CHANGES,
) -> Changes:
    """Contacts created, updated or deleted since `since` (see the events delta-sync rules)."""
    return await changes_since(
        session,
        principal.org_id,
        types=["contacts.contact.*"],
        since=since,
        limit=limit,
        account_id=owner.id,
    )


# ---- contacts -----------------------------------------------------------------------------


@router.get("", response_model=Page[Contact])
async def list_contacts(
    principal: ContactsRead,
    session: DbSession,
    owner: Owner,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[
        str | None, Query(max_length=200, description="Search names, organisation, emails.")
    ] = None,
    address_book_id: Annotated[str | None, Query(max_length=40)] = None,
    group_id: Annotated[str | None, Query(max_length=40)] = None,
) -> Page[Contact]:
    """The account's contacts, optionally searched or limited to an address book or group."""
    rows, cursor = await repository.page(
        session, principal.org_id, owner.id, page, q=q, book_id=address_book_id, group_id=group_id
    )
    return Page[Contact](data=await contacts_out(session, rows), next_cursor=cursor)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=Contact)
async def create_contact(
    body: ContactCreate,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    response: Response,
) -> Contact:
    """Add a contact to the default address book or to `address_book_id`."""
    c = await service.create_contact(session, principal.org_id, owner.id, body)
    set_etag(response, c.id, c.version)
    return contact_out(c, [])


@router.get("/{contact_id}", response_model=Contact)
async def get_contact(
    contact_id: str, principal: ContactsRead, session: DbSession, owner: Owner, response: Response
) -> Contact:
    """One contact."""
    c = await service.get_contact(session, principal.org_id, owner.id, contact_id)
    set_etag(response, c.id, c.version)
    return (await contacts_out(session, [c]))[0]


@router.patch("/{contact_id}", response_model=Contact)
async def update_contact(
    contact_id: str,
    body: ContactUpdate,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    request: Request,
    response: Response,
) -> Contact:
    """Change a contact (JSON merge patch; lists are replaced whole)."""
    c = await service.get_contact(session, principal.org_id, owner.id, contact_id)
    check_if_match(request, c.id, c.version)
    c = await service.update_contact(session, c, body)
    set_etag(response, c.id, c.version)
    return (await contacts_out(session, [c]))[0]


@router.delete("/{contact_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_contact(
    contact_id: str,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    runtime: RuntimeDep,
    request: Request,
) -> Response:
    """Delete a contact."""
    c = await service.get_contact(session, principal.org_id, owner.id, contact_id)
    check_if_match(request, c.id, c.version)
    await service.delete_contact(session, runtime, c)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/{contact_id}/photo", status_code=status.HTTP_204_NO_CONTENT, openapi_extra=IMAGE_BODY)
async def set_contact_photo(
    contact_id: str,
    request: Request,
    principal: ContactsWrite,
    session: DbSession,
    owner: Owner,
    runtime: RuntimeDep,
) -> Response:
    """Set the contact's photo (JPEG, PNG, GIF or WebP, at most 512 KiB)."""
    c = await service.get_contact(session, principal.org_id, owner.id, contact_id)
    await service.set_photo(session, runtime, c, await request.body())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{contact_id}/photo", response_class=Response, responses=IMAGE_RESPONSE)
async def get_contact_photo(
    contact_id: str, principal: ContactsRead, session: DbSession, owner: Owner, runtime: RuntimeDep
) -> Response:
    """The contact's photo."""
    c = await service.get_contact(session, principal.org_id, owner.id, contact_id)
    if not c.photo_sha256:
        raise NotFound("This contact has no photo.", param="contact_id")
    return Response(await runtime.blobs.read_all(c.photo_sha256), media_type=c.photo_media_type)


@router.delete("/{contact_id}/photo", status_code=status.HTTP_204_NO_CONTENT)
async def delete_contact_photo(
    contact_id: str, principal: ContactsWrite, session: DbSession, owner: Owner, runtime: RuntimeDep
) -> Response:
    """Remove the contact's photo."""
    c = await service.get_contact(session, principal.org_id, owner.id, contact_id)
    await service.clear_photo(session, runtime, c)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{contact_id}/vcard", response_class=Response, responses=VCARD_RESPONSE)
async def get_contact_vcard(
    contact_id: str,
    principal: ContactsRead,
    session: DbSession,
    owner: Owner,
    runtime: RuntimeDep,
    version: Annotated[Literal["3.0", "4.0"], Query()] = "4.0",
) -> Response:
    """One contact as a vCard."""
    c = await service.get_contact(session, principal.org_id, owner.id, contact_id)
    return Response(
        await transfer.contact_vcard(runtime, c, version), media_type="text/vcard; charset=utf-8"
    )
