"""The tenant-scoped repository base: another organisation's rows are not found."""

from __future__ import annotations

from api.platform.apps import repository as apps
from api.storage.models import App
from api.storage.tenancy import Tenant, scoped
from tests.factories.platform import OrgHandle


async def test_a_row_of_another_organisation_is_not_found_by_id(
    org: OrgHandle, other_org: OrgHandle
) -> None:
    async with org.runtime.db.session(write=False) as session:
        assert await Tenant(session, App, org.id).get(other_org.made.app.id) is None
        assert await apps.get(session, org.id, other_org.made.app.id) is None
        mine = await Tenant(session, App, org.id).get(org.made.app.id)
        assert mine is not None and mine.org_id == org.id


async def test_scoped_lists_only_the_organisations_rows(
    org: OrgHandle, other_org: OrgHandle
) -> None:
    async with org.runtime.db.session(write=False) as session:
        rows = (await session.scalars(scoped(App, org.id))).all()
        assert rows and {a.org_id for a in rows} == {org.id}
        assert other_org.made.app.id not in {a.id for a in rows}
        assert {a.id for a in await Tenant(session, App, other_org.id).all()} == {
            a.id for a in (await session.scalars(scoped(App, other_org.id))).all()
        }
