"""REST endpoint for address autocomplete (`/v1/contacts/autocomplete`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.contacts.gal import service
from api.deps import ContactsRead, DbSession
from api.directory import resolve_account
from schemas.contacts import AutocompleteResult

router = APIRouter(prefix="/v1/contacts", tags=["contacts"])


@router.get("/autocomplete", response_model=AutocompleteResult)
async def autocomplete_contacts(
    q: Annotated[str, Query(min_length=1, max_length=200, description="What the user typed.")],
    principal: ContactsRead,
    session: DbSession,
    account: Annotated[
        str | None,
        Query(
            max_length=320,
            description=(
                "Whose personal contacts and mail to use (id, address or `me`); "
                "a token acting for a "
                "user always uses that user."
            ),
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> AutocompleteResult:
    """Suggest recipients as the user types: personal contacts, directory accounts and
    groups not hidden from the address book, those with recent mail first."""
    account_id = principal.account_id
    if account is not None:
        account_id = (await resolve_account(session, principal, account)).id
    data = await service.autocomplete(session, principal.org_id, q, account_id, limit)
    return AutocompleteResult(data=data)
