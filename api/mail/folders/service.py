"""Folder rules: system folders keep their roles and names; custom folders nest, rename,
move (never under themselves) and, when deleted, send their messages to trash."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.kit import merge_patch
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail.folders import repository
from api.mail.folders.names import display_name
from api.mail.mailbox.service import apply_changes, ensure_mailbox, system_folder
from api.mail.messages import repository as messages
from api.storage.models import Account, MailFolder
from schemas.mail import FolderCounts, FolderCreate, FolderUpdate, MailCounts

MAX_DEPTH = 20


def _event(folder: MailFolder, **extra: object) -> dict[str, object]:
    return {
        "id": folder.id,
        "account_id": folder.account_id,
        "name": folder.name,
        "parent_id": folder.parent_id,
        "role": folder.role,
        **extra,
    }


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or any(ord(ch) < 32 or ch == "\x7f" for ch in name):
        raise ValidationFailed(
            "A folder name needs visible characters and no control characters.", param="name"
        )
    return name


async def _flush_unique(
    session: AsyncSession, folder: MailFolder, name: str, *, add: bool = False
) -> None:
    """Write a new or renamed folder in a SAVEPOINT: a sibling of the same name made by a
    concurrent request since the check above trips the unique index on (account, parent,
    lower(name)) and is the same 409 as one found by the check, with nothing half-written."""
    try:
        async with session.begin_nested():
            if add:
                session.add(folder)
            await session.flush()
    except IntegrityError:
        raise AlreadyExists(_(
            "A folder named {name} is already there.", name=repr(name)
        ), param="name") from None


async def list_folders(session: AsyncSession, account: Account) -> list[MailFolder]:
    await ensure_mailbox(session, account.id, account.org_id)
    return await repository.all_of(session, account.id)


async def get_folder(session: AsyncSession, account: Account, folder_id: str) -> MailFolder:
    await ensure_mailbox(session, account.id, account.org_id)
    folder = await repository.get(session, account.id, folder_id)
    if folder is None:
        raise NotFound(_("No folder {folder_id}.", folder_id=folder_id), param="folder_id")
    return folder


async def _depth(session: AsyncSession, account_id: str, folder_id: str | None) -> list[str]:
    """The ids from `folder_id` up to the top."""
    chain: list[str] = []
    while folder_id is not None and len(chain) <= MAX_DEPTH + 1:
        folder = await repository.get(session, account_id, folder_id)
        if folder is None:
            raise NotFound(_("No folder {folder_id}.", folder_id=folder_id), param="parent_id")
        chain.append(folder.id)
        folder_id = folder.parent_id
    return chain


async def create_folder(session: AsyncSession, account: Account, data: FolderCreate) -> MailFolder:
    await ensure_mailbox(session, account.id, account.org_id)
    name = _check_name(data.name)
    if len(await _depth(session, account.id, data.parent_id)) >= MAX_DEPTH:
        raise ValidationFailed(_(
            "Folders nest at most {MAX_DEPTH} deep.", MAX_DEPTH=MAX_DEPTH
        ), param="parent_id")
    if await repository.sibling_named(session, account.id, data.parent_id, name):
        raise AlreadyExists(_(
            "A folder named {name} is already there.", name=repr(name)
        ), param="name")
    now = utcnow()
    folder = MailFolder(
        id=new_id("fld"),
        org_id=account.org_id,
        account_id=account.id,
        parent_id=data.parent_id,
        name=name,
        role=None,
        total_count=0,
        unread_count=0,
        size_bytes=0,
        version=1,
        created_at=now,
        updated_at=now,
    )
    await _flush_unique(session, folder, name, add=True)
    await emit(session, account.org_id, "mail.folder.created", _event(folder))
    return folder


async def update_folder(
    session: AsyncSession, account: Account, folder: MailFolder, data: FolderUpdate
) -> MailFolder:
    values = merge_patch.changes(data)
    if not values:
        return folder
    if folder.role is not None:
        raise ValidationFailed("System folders cannot be renamed or moved.", param="folder_id")
    if "name" in values:
        if values["name"] is None:
            raise ValidationFailed("name cannot be null.", param="name")
        values["name"] = _check_name(values["name"])
    parent_id = values.get("parent_id", folder.parent_id)
    if "parent_id" in values:
        chain = await _depth(session, account.id, parent_id)
        if folder.id in chain:
            raise ValidationFailed("A folder cannot move under itself.", param="parent_id")
        if len(chain) >= MAX_DEPTH:
            raise ValidationFailed(_(
                "Folders nest at most {MAX_DEPTH} deep.", MAX_DEPTH=MAX_DEPTH
            ), param="parent_id")
    name = values.get("name", folder.name)
    clash = await repository.sibling_named(session, account.id, parent_id, name)
    if clash is not None and clash.id != folder.id:
        raise AlreadyExists(_(
            "A folder named {name} is already there.", name=repr(name)
        ), param="name")
    changed = merge_patch.apply(folder, values)
    if changed:
        folder.version += 1
        folder.updated_at = utcnow()
        await _flush_unique(session, folder, name)
        await emit(session, account.org_id, "mail.folder.updated", _event(folder, changed=changed))
    return folder


async def delete_folder(session: AsyncSession, account: Account, folder: MailFolder) -> int:
    """Delete a custom folder and its subfolders; their messages go to trash. Returns the
    number of messages moved."""
    if folder.role is not None:
        raise ValidationFailed("System folders cannot be deleted.", param="folder_id")
    doomed = [folder]
    frontier = [folder]
    while frontier:
        nxt: list[MailFolder] = []
        for f in frontier:
            nxt.extend(await repository.children(session, account.id, f.id))
        doomed.extend(nxt)
        frontier = nxt
    trash = await system_folder(session, account.id, account.org_id, "trash")
    moving = await messages.in_folders(session, account.id, [f.id for f in doomed])
    await apply_changes(session, account.id, account.org_id, moving, folder=trash)
    for f in doomed:
        await session.delete(f)
        await emit(session, account.org_id, "mail.folder.deleted", _event(f))
    await session.flush()
    return len(moving)


async def counts(session: AsyncSession, account: Account, locale: str = "en") -> MailCounts:
    folders = await list_folders(session, account)
    inbox = next((f for f in folders if f.role == "inbox"), None)
    return MailCounts(
        unread_count=inbox.unread_count if inbox else 0,
        total_unread=sum(f.unread_count for f in folders if f.role not in ("junk", "trash")),
        folders=[
            FolderCounts(
                id=f.id,
                role=f.role,
                name=f.name,
                display_name=display_name(f.role, f.name, locale),
                total_count=f.total_count,
                unread_count=f.unread_count,
            )
            for f in folders
        ],
    )
