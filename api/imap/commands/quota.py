"""QUOTA (RFC 9208): one root per account, STORAGE in kibibytes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.imap.errors import No
from api.imap.parser import Command
from api.imap.wire import string

if TYPE_CHECKING:
    from api.imap.session import ImapSession

ROOT = ""


async def _quota_line(session: ImapSession) -> str:
    assert session.account_id is not None
    used, limit = await session.store.quota(session.account_id)
    if limit is None:
        return '"" ()'
    return f'"" (STORAGE {used // 1024} {limit // 1024})'


async def getquota(session: ImapSession, command: Command) -> None:
    if command.args["root"] != ROOT:
        raise No("No such quota root", "NONEXISTENT")
    session.untagged("QUOTA " + await _quota_line(session))
    session.ok(command.tag)


async def getquotaroot(session: ImapSession, command: Command) -> None:
    folder = await session.folder(str(command.args["mailbox"]))
    session.untagged(b"QUOTAROOT " + string(session.wire_name(folder.path)) + b' ""')
    session.untagged("QUOTA " + await _quota_line(session))
    session.ok(command.tag)
