"""The state of one DAV request: who calls, the target parsed from the URL, the unit of work,
and helpers that resolve the target to a calendar or address book the caller may reach."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from api.calendar.objects import collections as calendar_collections
from api.contacts.cards import collections as book_collections
from api.dav import paths
from api.dav.auth import DavUser
from api.errors import Forbidden, NotFound
from api.runtime import Runtime
from api.storage.models import AddressBook, Calendar


@dataclass
class Context:
    request: Request
    runtime: Runtime
    session: AsyncSession
    user: DavUser
    target: paths.Target
    body: bytes

    @property
    def path(self) -> str:
        return self.request.url.path

    @property
    def owner(self) -> str:
        """The URL segment naming the caller (their address)."""
        return self.user.address

    def header(self, name: str) -> str | None:
        return self.request.headers.get(name)

    def need(self, scope: str) -> None:
        if not self.user.may(scope):
            raise Forbidden(f"The token lacks the {scope} scope.")

    def check_owner(self) -> None:
        """Each person reaches only their own home (another's is a 404, never a 403)."""
        owner = self.target.owner
        if owner is not None and owner.lower() not in (
            self.user.address.lower(),
            self.user.account_id,
        ):
            raise NotFound("No such collection.")

    async def calendar(self, need: str = "read") -> tuple[Calendar, str]:
        segment = self.target.collection or ""
        return await calendar_collections.find_calendar(
            self.session, self.user.org_id, self.user.account_id, segment, need
        )

    async def book(self) -> AddressBook:
        return await book_collections.find_book(
            self.session, self.user.org_id, self.user.account_id, self.target.collection or ""
        )

    def is_gal(self) -> bool:
        return self.target.collection == paths.GAL
