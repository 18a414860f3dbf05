"""Reading the event log as a caller sees it: scope-filtered, type-filtered, resumable."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import NotFound
from api.events import repository, types
from api.events.retention import check_resumable
from api.i18n import _
from api.identity.principal import Principal
from api.storage.models import Event
from schemas.events import CATALOGUE, EventTypeInfo


@dataclass(frozen=True)
class Audience:
    """Who reads: organisation, scopes, and the one account a user-bound token is tied to."""

    org_id: str
    scopes: frozenset[str]
    account_id: str | None

    @classmethod
    def of(cls, principal: Principal) -> Audience:
        types.require_any_read_scope(principal)
        return cls(principal.org_id, frozenset(principal.scopes), types.personal_account(principal))

    def clauses(self, patterns: list[str]) -> list[ColumnElement[bool]]:
        return [
            types.visibility_clause(self.scopes, self.account_id),
            types.pattern_clause(patterns),
        ]

    def sees(self, event: Event) -> bool:
        return types.visible(self.scopes, self.account_id, event.type, event.data)


async def read(
    session: AsyncSession,
    audience: Audience,
    patterns: list[str],
    after: int,
    limit: int,
    *,
    check: bool = True,
) -> list[Event]:
    """Visible events after `after`, oldest first; 410 when `after` predates retention."""
    if check:
        await check_resumable(session, audience.org_id, after, what=_("position"), param="after")
    return await repository.after(
        session, audience.org_id, after, where=audience.clauses(patterns), limit=limit
    )


async def get_event(session: AsyncSession, audience: Audience, event_id: str) -> Event:
    event = await repository.get(session, audience.org_id, event_id)
    if event is None or not audience.sees(event):
        raise NotFound(_("No event {event_id}.", event_id=event_id), param="event_id")
    return event


def event_types() -> list[EventTypeInfo]:
    return [
        EventTypeInfo(
            type=spec.type,
            domain=spec.domain,
            description=spec.description,
            scope=types.scope_for(spec.type),
            data_schema=spec.data.model_json_schema(),
        )
        for spec in sorted(CATALOGUE.values(), key=lambda s: s.type)
    ]
