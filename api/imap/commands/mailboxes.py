"""Mailbox commands: LIST (with LIST-EXTENDED selection and RETURN options, SPECIAL-USE,
LIST-STATUS), LSUB, STATUS, CREATE, DELETE, RENAME, SUBSCRIBE and UNSUBSCRIBE. Folder names
travel in modified UTF-7 unless the client enabled UTF8=ACCEPT."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from api.imap.errors import No
from api.imap.mailstore import SPECIAL_USE, FolderInfo
from api.imap.parser import Command
from api.imap.wire import string

if TYPE_CHECKING:
    from api.imap.session import ImapSession


def _pattern(reference: str, pattern: str) -> re.Pattern[str]:
    full = (reference + pattern) if not pattern.startswith("/") else pattern
    out = ""
    for ch in full:
        if ch == "*":
            out += ".*"
        elif ch == "%":
            out += "[^/]*"
        else:
            out += re.escape(ch)
    flags = 0
    return re.compile(f"^{out}$", flags)


def _matches(regex: re.Pattern[str], path: str) -> bool:
    if path == "INBOX":
        return bool(regex.match("INBOX") or regex.match("inbox") or regex.match("Inbox"))
    return bool(regex.match(path))


def _attributes(folder: FolderInfo, *, special: bool, subscribed: bool) -> list[str]:
    attrs = ["\\HasChildren" if folder.has_children else "\\HasNoChildren"]
    if subscribed and folder.subscribed:
        attrs.append("\\Subscribed")
    if special and folder.role in SPECIAL_USE:
        attrs.append(SPECIAL_USE[folder.role])
    return attrs


async def _status_line(session: ImapSession, folder: FolderInfo, items: list[str]) -> bytes:
    values: list[str] = []
    for item in items:
        if item == "MESSAGES":
            values.append(f"MESSAGES {folder.total}")
        elif item == "RECENT":
            values.append("RECENT 0")
        elif item == "UIDNEXT":
            values.append(f"UIDNEXT {folder.uid_next}")
        elif item == "UIDVALIDITY":
            values.append(f"UIDVALIDITY {folder.uid_validity}")
        elif item == "UNSEEN":
            values.append(f"UNSEEN {folder.unread}")
        elif item == "SIZE":
            values.append(f"SIZE {folder.size}")
        elif item == "DELETED":
            values.append("DELETED 0")
        elif item == "APPENDLIMIT":
            values.append(f"APPENDLIMIT {session.server.max_literal}")
        elif item == "HIGHESTMODSEQ":
            assert session.account_id is not None
            modseqs = await session.store.modseqs([session.account_id])
            values.append(f"HIGHESTMODSEQ {max(1, modseqs.get(session.account_id, 0))}")
    return b"STATUS " + string(session.wire_name(folder.path)) + b" (" + \
        " ".join(values).encode() + b")"


async def _list(session: ImapSession, command: Command, *, lsub: bool) -> None:
    account = session.need_auth()
    args = command.args
    reference = session.local_name(str(args["reference"]))
    patterns = [session.local_name(p) for p in args["patterns"]]  # type: ignore[attr-defined]
    select_opts: list[str] = list(args.get("select") or [])  # type: ignore[call-overload]
    returns: list[str] = list(args.get("returns") or [])  # type: ignore[call-overload]
    status_items: list[str] | None = args.get("status")  # type: ignore[assignment]
    name = "LSUB" if lsub else "LIST"
    if len(patterns) == 1 and patterns[0] == "" and not select_opts:
        session.untagged(f'{name} (\\Noselect) "/" ""')
        session.ok(command.tag)
        return
    folders = await session.store.folders(account)
    only_subscribed = lsub or "SUBSCRIBED" in select_opts
    only_special = "SPECIAL-USE" in select_opts
    show_special = not lsub and ("SPECIAL-USE" in returns or not returns or only_special)
    show_subscribed = only_subscribed or "SUBSCRIBED" in returns
    regexes = [_pattern(reference, p) for p in patterns]
    for folder in folders:
        if not any(_matches(r, folder.path) for r in regexes):
            continue
        if only_subscribed and not folder.subscribed:
            continue
        if only_special and folder.role not in SPECIAL_USE:
            continue
        attrs = _attributes(folder, special=show_special, subscribed=show_subscribed)
        session.untagged(f"{name} ({' '.join(attrs)}) \"/\" ".encode()
                         + string(session.wire_name(folder.path)))
        if status_items:
            session.untagged(await _status_line(session, folder, status_items))
    session.ok(command.tag)


async def list_(session: ImapSession, command: Command) -> None:
    await _list(session, command, lsub=False)


async def lsub(session: ImapSession, command: Command) -> None:
    await _list(session, command, lsub=True)


async def status(session: ImapSession, command: Command) -> None:
    folder = await session.folder(str(command.args["mailbox"]))
    session.untagged(await _status_line(session, folder, list(command.args["items"])))  # type: ignore[call-overload]
    session.ok(command.tag)


async def create(session: ImapSession, command: Command) -> None:
    account = session.need_auth()
    path = session.local_name(str(command.args["mailbox"]))
    await session.store.create(account, path)
    session.ok(command.tag, "Created")


async def delete(session: ImapSession, command: Command) -> None:
    account = session.need_auth()
    folder = await session.folder(str(command.args["mailbox"]))
    if folder.role is not None:
        raise No("System mailboxes cannot be deleted", "CANNOT")
    if session.selected is not None and session.selected.folder_id == folder.id:
        session.selected = None
    await session.store.delete(account, folder.id)
    session.ok(command.tag, "Deleted (its messages went to Trash)")


async def rename(session: ImapSession, command: Command) -> None:
    account = session.need_auth()
    folder = await session.folder(str(command.args["old"]))
    if folder.role is not None:
        raise No("System mailboxes cannot be renamed", "CANNOT")
    new = session.local_name(str(command.args["new"]))
    await session.store.rename(account, folder.id, new)
    session.ok(command.tag, "Renamed")


async def subscribe(session: ImapSession, command: Command) -> None:
    account = session.need_auth()
    folder = await session.folder(str(command.args["mailbox"]))
    await session.store.subscribe(account, folder.id, command.name == "SUBSCRIBE")
    session.ok(command.tag)
