"""The company directory as read-only vCards (the CardDAV `gal` address book)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import vobject
from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.gal import repository
from api.storage.models import Account


@dataclass(frozen=True)
class DirectoryCard:
    name: str
    etag: str
    text: str


def _card(account: Account, version: str) -> str:
    card = vobject.vCard()
    card.add("version").value = version
    card.add("uid").value = f"urn:mailplane:{account.id}"
    name = account.display_name or account.address
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name(given=name)
    email = card.add("email")
    email.value = account.address
    email.type_param = "WORK"
    card.add("kind" if version == "4.0" else "x-addressbookserver-kind").value = "individual"
    return str(card.serialize())


def _etag(account: Account) -> str:
    stamp = f"{account.id}:{account.address}:{account.display_name}:{account.updated_at}"
    return '"' + hashlib.sha256(stamp.encode()).hexdigest()[:24] + '"'


async def directory_cards(
    session: AsyncSession, org_id: str, *, version: str = "3.0"
) -> list[DirectoryCard]:
    """Every listed account of the organisation as a card named `<account id>.vcf`."""
    return [
        DirectoryCard(f"{a.id}.vcf", _etag(a), _card(a, version))
        for a in await repository.listed_accounts(session, org_id)
    ]
