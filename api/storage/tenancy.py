"""The tenant-scoped start of every repository query: an organisation's rows of a model.

Repositories build their statements from `scoped(Model, org_id)` (or `Tenant(...)`), so the
organisation filter is in the statement before anything else is (Polar's repository base
does the same): a query cannot forget it, and a row of another organisation is simply not
found (404, never 403).
"""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute


class OrgOwned(Protocol):
    """A mapped model whose rows belong to one organisation."""

    org_id: InstrumentedAttribute[str]
    id: InstrumentedAttribute[str]


M = TypeVar("M", bound=OrgOwned)


def scoped(model: type[M], org_id: str) -> Select[M]:
    """`SELECT model WHERE model.org_id = :org_id`, to add the query's own conditions to."""
    return select(model).where(model.org_id == org_id)


class Tenant(Generic[M]):
    """One organisation's rows of `model`, in one session."""

    def __init__(self, session: AsyncSession, model: type[M], org_id: str) -> None:
        self.session, self.model, self.org_id = session, model, org_id

    def select(self) -> Select[M]:
        return scoped(self.model, self.org_id)

    async def get(self, row_id: str, **options: Any) -> M | None:
        """The row with id `row_id` if it belongs to this organisation."""
        stmt = self.select().where(self.model.id == row_id)
        if options:
            stmt = stmt.execution_options(**options)
        return await self.session.scalar(stmt)

    async def all(self, *conditions: Any) -> list[M]:
        return list((await self.session.scalars(self.select().where(*conditions))).all())
