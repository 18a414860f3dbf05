"""APPEND (with MULTIAPPEND and LITERAL+): through the mail package's append path, the one
imports and migrations take; answered with APPENDUID (UIDPLUS)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from api.imap.errors import No
from api.imap.parser import Command
from api.imap.wire import seqset

if TYPE_CHECKING:
    from api.imap.session import ImapSession


async def append(session: ImapSession, command: Command) -> None:
    account = session.need_auth()
    name = str(command.args["mailbox"])
    found = await session.store.find(account, session.local_name(name))
    if found is None:
        raise No("No such mailbox", "TRYCREATE")
    messages: list[tuple[list[str], datetime | None, bytes]] = command.args["messages"]  # type: ignore[assignment]
    uids: list[int] = []
    validity = found.uid_validity
    for flags, when, raw in messages:
        if len(raw) > session.server.max_literal:
            raise No("Message too large", "TOOBIG")
        validity, uid = await session.store.append(account, found.id, raw, flags, when)
        uids.append(uid)
    if session.selected is not None and session.selected.folder_id == found.id:
        await session.sync()
    session.ok(command.tag, "Appended", f"APPENDUID {validity} {seqset(uids)}")
