"""EXPUNGE and UID EXPUNGE (UIDPLUS): delete the messages marked \\Deleted for good."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.imap.commands.sets import resolve
from api.imap.errors import No
from api.imap.parser import Command, SeqSet

if TYPE_CHECKING:
    from api.imap.session import ImapSession


async def expunge(session: ImapSession, command: Command) -> None:
    sel = session.need_selected()
    account = session.need_auth()
    if sel.readonly:
        raise No("The mailbox is read-only", "READ-ONLY")
    only = None
    if command.uid:
        numbers = command.args["set"]
        assert isinstance(numbers, SeqSet)
        only = resolve(sel, numbers, uid=True)
        if not only:
            session.ok(command.tag)
            return
    await session.store.expunge(account, sel.folder_id, only)
    await session.sync()
    session.ok(command.tag, "Expunged")
