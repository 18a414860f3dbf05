"""Display names of system folders in the reader's language. A folder's `role` and `id`
never change; its stored `name` (Inbox, Sent …) stays what IMAP clients see."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import account_locale
from api.i18n import from_accept_language, translate
from api.storage.models import Account, MailFolder
from schemas.mail import Folder

#: The catalogue msgid of each system role (zh-CN: 收件箱, 已发送, 草稿箱, 已删除, 垃圾邮件 …).
ROLE_NAMES = {
    "inbox": "Inbox",
    "sent": "Sent",
    "drafts": "Drafts",
    "trash": "Trash",
    "junk": "Junk",
    "archive": "Archive",
    "outbox": "Outbox",
}


def display_name(role: str | None, name: str, locale: str) -> str:
    """A system folder's name in `locale`; a custom folder's own name."""
    msgid = ROLE_NAMES.get(role or "")
    return translate(locale, msgid) if msgid else name


async def reader_locale(
    session: AsyncSession, owner: Account, accept_language: str | None
) -> str:
    """`Accept-Language` when it names zh-CN or English, else the mailbox owner's language."""
    return from_accept_language(accept_language) or await account_locale(session, owner)


def folder_schema(folder: MailFolder, locale: str) -> Folder:
    out = Folder.model_validate(folder)
    out.display_name = display_name(folder.role, folder.name, locale)
    return out
