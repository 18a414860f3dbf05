"""SELECT and EXAMINE (with CONDSTORE and QRESYNC), CLOSE and UNSELECT."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.imap.errors import No
from api.imap.mailstore import flags_of
from api.imap.parser import Command, SeqSet
from api.imap.selected import SelectedMailbox
from api.imap.wire import seqset

if TYPE_CHECKING:
    from api.imap.session import ImapSession

FLAGS = "\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded"


async def select(session: ImapSession, command: Command) -> None:
    account = session.need_auth()
    if session.selected is not None:
        session.selected = None
        if "QRESYNC" in session.enabled:
            session.untagged("OK [CLOSED] Previous mailbox closed")
    folder = await session.folder(str(command.args["mailbox"]))
    if command.args.get("condstore"):
        session.enabled.add("CONDSTORE")
    qresync = command.args.get("qresync")
    if qresync is not None and "QRESYNC" not in session.enabled:
        raise No("Enable QRESYNC first", "CANNOT")
    state = await session.store.select(account, folder.id)
    readonly = command.name == "EXAMINE"
    session.untagged(f"{len(state.uids)} EXISTS")
    if "IMAP4REV2" not in session.enabled:
        session.untagged("0 RECENT")
    session.untagged(f"FLAGS ({FLAGS})")
    session.untagged(f"OK [PERMANENTFLAGS ({FLAGS} \\*)] Flags and keywords stay")
    if state.unseen_first is not None and "IMAP4REV2" not in session.enabled:
        session.untagged(f"OK [UNSEEN {state.unseen_first}] First unseen")
    session.untagged(f"OK [UIDVALIDITY {state.folder.uid_validity}] UIDs valid")
    session.untagged(f"OK [UIDNEXT {state.folder.uid_next}] Predicted next UID")
    session.untagged(f"OK [HIGHESTMODSEQ {max(state.modseq, 1)}] Highest")
    session.selected = SelectedMailbox(folder.id, folder.path, readonly,
                                       state.folder.uid_validity, state.uids,
                                       max(state.modseq, 1))
    if qresync is not None:
        await _resync(session, qresync)  # type: ignore[arg-type]
    session.ok(command.tag, "Mailbox selected", "READ-ONLY" if readonly else "READ-WRITE")


async def _resync(session: ImapSession, params: tuple[int, int, SeqSet | None]) -> None:
    """QRESYNC: what vanished and what changed since the client's modseq."""
    sel = session.selected
    assert sel is not None and session.account_id is not None
    uidvalidity, modseq, known = params
    if uidvalidity != sel.uid_validity:
        return
    present = set(sel.uids)
    if known is not None:
        candidates = [u for u in known.resolve(sel.max_uid or 1) if u not in present]
    else:
        candidates = [u for u in range(1, sel.max_uid) if u not in present]
    if candidates:
        session.untagged(f"VANISHED (EARLIER) {seqset(candidates)}")
    rows = await session.store.flags(session.account_id, sel.folder_id, sel.uids)
    for row in rows:
        if row[7] > modseq:
            msn = sel.msn(row[0])
            session.untagged(f"{msn} FETCH (UID {row[0]} FLAGS ({' '.join(flags_of(row))})"
                             f" MODSEQ ({row[7]}))")


async def close(session: ImapSession, command: Command) -> None:
    sel = session.need_selected()
    if command.name == "CLOSE" and not sel.readonly and session.account_id:
        await session.store.expunge(session.account_id, sel.folder_id, None)
    session.selected = None
    session.ok(command.tag)

