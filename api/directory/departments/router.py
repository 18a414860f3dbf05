"""REST endpoints for the department tree (`/v1/departments`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from api.deps import ClientIp, DbSession, DirectoryRead, DirectoryWrite
from api.directory.accounts import service as accounts
from api.directory.accounts.router import sees_everything
from api.directory.departments import service
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page, PageParams, page_params
from api.storage.models import Department as DepartmentRow
from schemas import directory as schemas

router = APIRouter(prefix="/v1/departments", tags=["departments"])


async def _one(
    session: DbSession, org_id: str, dep: DepartmentRow, response: Response
) -> schemas.Department:
    set_etag(response, dep.id, dep.version)
    return (await service.to_schemas(session, org_id, [dep]))[0]


@router.post("", status_code=status.HTTP_201_CREATED, response_model=schemas.Department)
async def create_department(
    body: schemas.DepartmentCreate,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
    response: Response,
) -> schemas.Department:
    """Create a department under `parent_id` (default: the root). Sibling names are unique (409)."""
    dep = await service.create_department(session, principal.org_id, body, actor=principal, ip=ip)
    return await _one(session, principal.org_id, dep, response)


@router.get("", response_model=Page[schemas.Department])
async def list_departments(
    principal: DirectoryRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    parent_id: Annotated[
        str | None,
        Query(max_length=40, description="Only the children of this department, in their order."),
    ] = None,
) -> Page[schemas.Department]:
    """List departments: all of them (the root has `parent_id` null), or one's children in order."""
    rows, cursor = await service.list_departments(session, principal.org_id, page, parent_id)
    return Page[schemas.Department](
        data=await service.to_schemas(session, principal.org_id, rows), next_cursor=cursor
    )


@router.get("/{department_id}", response_model=schemas.Department)
async def get_department(
    department_id: str, principal: DirectoryRead, session: DbSession, response: Response
) -> schemas.Department:
    """Get one department with its path and managers."""
    dep = await service.get_department(session, principal.org_id, department_id)
    return await _one(session, principal.org_id, dep, response)


@router.patch("/{department_id}", response_model=schemas.Department)
async def update_department(
    department_id: str,
    body: schemas.DepartmentUpdate,
    principal: DirectoryWrite,
    session: DbSession,
    request: Request,
    response: Response,
    ip: ClientIp,
) -> schemas.Department:
    """Rename, move (`parent_id`; cycles are refused with 422), reorder or set managers
    (JSON merge patch, `If-Match` honoured)."""
    dep = await service.get_department(session, principal.org_id, department_id)
    check_if_match(request, dep.id, dep.version)
    dep = await service.update_department(
        session, principal.org_id, dep, body, actor=principal, ip=ip
    )
    return await _one(session, principal.org_id, dep, response)


@router.post("/{department_id}/move", response_model=schemas.Department)
async def move_department(
    department_id: str,
    body: schemas.DepartmentMove,
    principal: DirectoryWrite,
    session: DbSession,
    response: Response,
    ip: ClientIp,
) -> schemas.Department:
    """Move a department (with everything below it) under another, at a position among its
    new siblings. Moving it under itself or a descendant is refused (422 `department_cycle`)."""
    dep = await service.get_department(session, principal.org_id, department_id)
    dep = await service.move_department(
        session, principal.org_id, dep, body, actor=principal, ip=ip
    )
    return await _one(session, principal.org_id, dep, response)


@router.post("/{department_id}/reorder", response_model=list[schemas.Department])
async def reorder_departments(
    department_id: str,
    body: schemas.DepartmentReorder,
    principal: DirectoryWrite,
    session: DbSession,
    ip: ClientIp,
) -> list[schemas.Department]:
    """Put a department's children in the given order (`child_ids` lists each exactly once)."""
    dep = await service.get_department(session, principal.org_id, department_id)
    kids = await service.reorder_children(
        session, principal.org_id, dep, body, actor=principal, ip=ip
    )
    return await service.to_schemas(session, principal.org_id, kids)


@router.delete("/{department_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_department(
    department_id: str,
    principal: DirectoryWrite,
    session: DbSession,
    request: Request,
    ip: ClientIp,
) -> Response:
    """Delete an empty department (409 `department_not_empty` while it has sub-departments or
    members; the root is never deleted)."""
    dep = await service.get_department(session, principal.org_id, department_id)
    check_if_match(request, dep.id, dep.version)
    await service.delete_department(session, principal.org_id, dep, actor=principal, ip=ip)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{department_id}/members", response_model=Page[schemas.Account])
async def list_department_members(
    department_id: str,
    principal: DirectoryRead,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    recursive: Annotated[bool, Query(description="Include members of sub-departments.")] = False,
) -> Page[schemas.Account]:
    """The department's accounts, direct or (with `recursive`) from the whole subtree."""
    await service.get_department(session, principal.org_id, department_id)
    rows, cursor = await accounts.list_accounts(
        session,
        principal.org_id,
        page,
        department_id=department_id,
        recursive=recursive,
        include_hidden=sees_everything(principal),
    )
    return Page[schemas.Account](
        data=await accounts.to_schemas(session, principal.org_id, rows), next_cursor=cursor
    )
