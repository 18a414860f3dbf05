"""COPY and MOVE (and their UID forms), answered with COPYUID (UIDPLUS). MOVE is the API's
folder change; its source messages leave the selected mailbox as EXPUNGE or VANISHED."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.imap.commands.sets import resolve
from api.imap.errors import No
from api.imap.parser import Command, SeqSet
from api.imap.wire import seqset

if TYPE_CHECKING:
    from api.imap.session import ImapSession


async def copy_move(session: ImapSession, command: Command) -> None:
    sel = session.need_selected()
    account = session.need_auth()
    move = command.name == "MOVE"
    if move and sel.readonly:
        raise No("The mailbox is read-only", "READ-ONLY")
    target = await session.store.find(account, session.local_name(str(command.args["mailbox"])))
    if target is None:
        raise No("No such mailbox", "TRYCREATE")
    numbers = command.args["set"]
    assert isinstance(numbers, SeqSet)
    uids = resolve(sel, numbers, uid=command.uid)
    if not uids:
        session.ok(command.tag, "Nothing to do")
        return
    source, new, validity = await session.store.copy(account, sel.folder_id, uids, target.id,
                                                     move=move)
    code = f"COPYUID {validity} {seqset(source)} {seqset(new)}" if source else None
    if move:
        if code:
            session.untagged(f"OK [{code}] Moved")
        await session.sync()
        session.ok(command.tag, "Moved")
        return
    session.ok(command.tag, "Copied", code)
