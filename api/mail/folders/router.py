"""REST endpoints for folders (`/v1/accounts/{account}/mail/folders`) and unread counts."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from api.deps import DbSession, MailRead, MailWrite
from api.kit.etags import check_if_match, set_etag
from api.kit.pagination import Page
from api.mail.access import Mailbox
from api.mail.folders import service
from api.mail.folders.names import folder_schema, reader_locale
from api.storage.models import Account
from schemas.mail import Folder, FolderCreate, FolderUpdate, MailCounts

router = APIRouter(prefix="/v1/accounts/{account}/mail", tags=["mail"])


async def _locale(session: DbSession, owner: Account, request: Request) -> str:
    return await reader_locale(session, owner, request.headers.get("accept-language"))


@router.get("/folders", response_model=Page[Folder])
async def list_mail_folders(
    principal: MailRead, session: DbSession, owner: Mailbox, request: Request
) -> Page[Folder]:
    """Every folder of the mailbox (system folders first) with total and unread counts, in
    one page (`next_cursor` is always null). `display_name` is a system folder's name in the
    reader's language (`Accept-Language`, else the owner's): 收件箱, 已发送, 草稿箱, 已删除,
    垃圾邮件 in zh-CN."""
    locale = await _locale(session, owner, request)
    data = [folder_schema(f, locale) for f in await service.list_folders(session, owner)]
    return Page[Folder](data=data, next_cursor=None)


@router.get("/counts", response_model=MailCounts)
async def get_mail_counts(
    principal: MailRead, session: DbSession, owner: Mailbox, request: Request
) -> MailCounts:
    """Unread counts: the inbox, everything but junk and trash, and per folder (O(1))."""
    return await service.counts(session, owner, await _locale(session, owner, request))


@router.post("/folders", status_code=status.HTTP_201_CREATED, response_model=Folder)
async def create_mail_folder(
    body: FolderCreate,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    response: Response,
    request: Request,
) -> Folder:
    """Create a custom folder, at the top or under `parent_id`."""
    folder = await service.create_folder(session, owner, body)
    set_etag(response, folder.id, folder.version)
    return folder_schema(folder, await _locale(session, owner, request))


@router.get("/folders/{folder_id}", response_model=Folder)
async def get_mail_folder(
    folder_id: str,
    principal: MailRead,
    session: DbSession,
    owner: Mailbox,
    response: Response,
    request: Request,
) -> Folder:
    """One folder with its counts."""
    folder = await service.get_folder(session, owner, folder_id)
    set_etag(response, folder.id, folder.version)
    return folder_schema(folder, await _locale(session, owner, request))


@router.patch("/folders/{folder_id}", response_model=Folder)
async def update_mail_folder(
    folder_id: str,
    body: FolderUpdate,
    principal: MailWrite,
    session: DbSession,
    owner: Mailbox,
    request: Request,
    response: Response,
) -> Folder:
    """Rename a custom folder or move it (`parent_id`; null = top level). System folders
    keep their names and places."""
    folder = await service.get_folder(session, owner, folder_id)
    check_if_match(request, folder.id, folder.version)
    folder = await service.update_folder(session, owner, folder, body)
    set_etag(response, folder.id, folder.version)
    return folder_schema(folder, await _locale(session, owner, request))


@router.delete("/folders/{folder_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_mail_folder(
    folder_id: str, principal: MailWrite, session: DbSession, owner: Mailbox, request: Request
) -> Response:
    """Delete a custom folder and its subfolders; their messages move to trash."""
    folder = await service.get_folder(session, owner, folder_id)
    check_if_match(request, folder.id, folder.version)
    await service.delete_folder(session, owner, folder)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
