"""STORE and UID STORE: the API's flag and keyword change (same modseq, same events), with
UNCHANGEDSINCE (CONDSTORE) answered by [MODIFIED]."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.imap.commands.sets import resolve
from api.imap.errors import No
from api.imap.mailstore import flags_of
from api.imap.parser import Command, SeqSet
from api.imap.wire import seqset

if TYPE_CHECKING:
    from api.imap.session import ImapSession


async def store(session: ImapSession, command: Command) -> None:
    sel = session.need_selected()
    account = session.need_auth()
    if sel.readonly:
        raise No("The mailbox is read-only", "READ-ONLY")
    numbers = command.args["set"]
    assert isinstance(numbers, SeqSet)
    uids = resolve(sel, numbers, uid=command.uid)
    unchanged = command.args.get("unchangedsince")
    if unchanged is not None:
        session.enabled.add("CONDSTORE")
    silent = bool(command.args["silent"])
    rows, refused = await session.store.store_flags(
        account, sel.folder_id, uids, str(command.args["mode"]),
        list(command.args["flags"]),  # type: ignore[call-overload]
        unchanged,  # type: ignore[arg-type]
    )
    if silent:
        sel.silent.update(m.uid for m in rows)
    reported = await session.sync(expunges=False)
    if not silent:
        for m in rows:
            if m.uid in reported:
                continue
            msn = sel.msn(m.uid)
            if msn is None:
                continue
            uid_part = f"UID {m.uid} " if command.uid else ""
            mod = f" MODSEQ ({m.modseq})" if session.condstore else ""
            session.untagged(f"{msn} FETCH ({uid_part}FLAGS ({' '.join(flags_of(m))}){mod})")
    if refused:
        shown = refused if command.uid else [n for u in refused if (n := sel.msn(u))]
        session.ok(command.tag, "Some messages changed meanwhile",
                   f"MODIFIED {seqset(shown)}")
        return
    session.ok(command.tag, "Stored")
