"""One module per command group (Dovecot's cmd-*.c): `dispatch` finds a command's handler
and checks the state it needs; `capability_line` is what the server announces."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from api.imap.capabilities import capability_line
from api.imap.commands import (
    append,
    auth,
    connection,
    copy_move,
    expunge,
    fetch,
    idle,
    mailboxes,
    quota,
    search,
    select,
    store,
)
from api.imap.errors import Bad
from api.imap.parser import Command

if TYPE_CHECKING:
    from api.imap.session import ImapSession

__all__ = ["HANDLERS", "capability_line", "dispatch"]

Handler = Callable[["ImapSession", Command], Awaitable[None]]

# name -> (handler, state needed: "any" | "unauth" | "auth" | "selected")
HANDLERS: dict[str, tuple[Handler, str]] = {
    "CAPABILITY": (connection.capability, "any"),
    "NOOP": (connection.noop, "any"),
    "LOGOUT": (connection.logout, "any"),
    "ID": (connection.id_, "any"),
    "STARTTLS": (connection.starttls, "unauth"),
    "LOGIN": (auth.login, "unauth"),
    "AUTHENTICATE": (auth.authenticate, "unauth"),
    "ENABLE": (connection.enable, "auth"),
    "NAMESPACE": (connection.namespace, "auth"),
    "COMPRESS": (connection.compress, "auth"),
    "SELECT": (select.select, "auth"),
    "EXAMINE": (select.select, "auth"),
    "LIST": (mailboxes.list_, "auth"),
    "LSUB": (mailboxes.lsub, "auth"),
    "STATUS": (mailboxes.status, "auth"),
    "CREATE": (mailboxes.create, "auth"),
    "DELETE": (mailboxes.delete, "auth"),
    "RENAME": (mailboxes.rename, "auth"),
    "SUBSCRIBE": (mailboxes.subscribe, "auth"),
    "UNSUBSCRIBE": (mailboxes.subscribe, "auth"),
    "APPEND": (append.append, "auth"),
    "GETQUOTA": (quota.getquota, "auth"),
    "GETQUOTAROOT": (quota.getquotaroot, "auth"),
    "IDLE": (idle.idle, "auth"),
    "CLOSE": (select.close, "selected"),
    "UNSELECT": (select.close, "selected"),
    "CHECK": (connection.noop, "selected"),
    "FETCH": (fetch.fetch, "selected"),
    "STORE": (store.store, "selected"),
    "COPY": (copy_move.copy_move, "selected"),
    "MOVE": (copy_move.copy_move, "selected"),
    "EXPUNGE": (expunge.expunge, "selected"),
    "SEARCH": (search.search, "selected"),
    "SORT": (search.sort, "selected"),
    "THREAD": (search.thread, "selected"),
}


async def dispatch(session: ImapSession, command: Command) -> None:
    entry = HANDLERS.get(command.name)
    if entry is None:
        raise Bad(f"Unknown command {command.name[:30]}")
    handler, state = entry
    if state == "unauth" and session.account_id is not None:
        raise Bad("Already signed in")
    if state in ("auth", "selected"):
        session.need_auth()
    if state == "selected":
        session.need_selected()
    await handler(session, command)
