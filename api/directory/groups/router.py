"""REST endpoints for groups (`/v1/groups`): mailing lists, their members and expansion."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from api.deps import ClientIp, DbSession, DirectoryRead, DirectoryWrite
from api.directory.groups import service
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.storage.models import Group as GroupRow
from schemas import directory as schemas

router = APIRouter(prefix="/v1/groups", tags=["groups"])


def _one(group: GroupRow, response: Response) -> schemas.Group:
    set_etag(response, group.id, group.version)
    return schemas.Group.model_validate(group)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=schemas.Group)
async def create_group(
    body: schemas.GroupCreate,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
    response: Response,
) -> schemas.Group:
    """Create a group with an address of the organisation (409 when taken) and, optionally,
    its first members."""
    group = await service.create_group(session, principal.org_id, body, actor=principal, ip=ip)
    return _one(group, response)


@router.get("", response_model=Page[schemas.Group])
async def list_groups(
    principal: DirectoryRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Name or address contains.")] = None,
) -> Page[schemas.Group]:
    """List the organisation's groups."""
    rows, cursor = await service.list_groups(session, principal.org_id, page, q)
    return Page[schemas.Group](
        data=[schemas.Group.model_validate(g) for g in rows], next_cursor=cursor
    )


@router.get("/{group}", response_model=schemas.Group)
async def get_group(
    group: str, principal: DirectoryRead, session: DbSession, response: Response
) -> schemas.Group:
    """Get a group by id or address."""
    return _one(await service.get_group(session, principal.org_id, group), response)


@router.patch("/{group}", response_model=schemas.Group)
async def update_group(
    group: str,
    body: schemas.GroupUpdate,
    principal: DirectoryWrite,
    session: DbSession,
    request: Request,
    response: Response,
    ip: ClientIp,
) -> schemas.Group:
    """Change a group's name, description, send policy or visibility (JSON merge patch)."""
    row = await service.get_group(session, principal.org_id, group)
    check_if_match(request, row.id, row.version)
    row = await service.update_group(session, principal.org_id, row, body, actor=principal, ip=ip)
    return _one(row, response)


@router.delete("/{group}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_group(
    group: str,
    principal: DirectoryWrite,
    session: DbSession,
    request: Request,
    ip: ClientIp,
) -> Response:
    """Delete a group; its address becomes free and it leaves every group it was in."""
    row = await service.get_group(session, principal.org_id, group)
    check_if_match(request, row.id, row.version)
    await service.delete_group(session, principal.org_id, row, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{group}/members", response_model=Page[schemas.GroupMember])
async def list_group_members(
    group: str,
    principal: DirectoryRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[schemas.GroupMember]:
    """The group's direct members."""
    row = await service.get_group(session, principal.org_id, group)
    data, cursor = await service.list_members(session, principal.org_id, row, page)
    return Page[schemas.GroupMember](data=data, next_cursor=cursor)


@router.post(
    "/{group}/members", status_code=status.HTTP_201_CREATED, response_model=schemas.GroupMember
)
async def add_group_member(
    group: str,
    body: schemas.GroupMemberCreate,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
) -> schemas.GroupMember:
    """Add an account, a department (with its sub-departments), another group or an external
    address. A group that would contain itself, directly or not, is refused (422 `group_cycle`)."""
    row = await service.get_group(session, principal.org_id, group)
    member = await service.add_member(session, principal.org_id, row, body, actor=principal, ip=ip)
    return (await service.member_schemas(session, principal.org_id, [member]))[0]


@router.delete("/{group}/members/{member_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_group_member(
    group: str,
    member_id: str,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
) -> Response:
    """Remove a member by its `id` (`kind:ref`, e.g. `account:acc_…` or `external:a@b.example`)."""
    row = await service.get_group(session, principal.org_id, group)
    await service.remove_member(session, principal.org_id, row, member_id, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{group}/expansion", response_model=schemas.GroupExpansion)
async def expand_group(
    group: str, principal: DirectoryRead, session: DbSession
) -> schemas.GroupExpansion:
    """Everyone mail to the group reaches: nested groups and departments resolved, deleted
    accounts left out, each address once."""
    row = await service.get_group(session, principal.org_id, group)
    out = await service.expand(session, principal.org_id, [row.id])
    return schemas.GroupExpansion(
        accounts=[schemas.ExpandedAccount(id=i, address=a) for i, a in out.accounts.items()],
        external=out.external,
    )
