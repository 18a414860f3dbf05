"""TRANSACTION state: STAT, LIST, UIDL, RETR, TOP, DELE, RSET, NOOP; and QUIT, which in
this state deletes the marked messages for good (the API's expunge, with its events)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from api.pop3.session import Pop3Error

if TYPE_CHECKING:
    from api.pop3.session import Pop3Session


def _stuffed(data: bytes) -> bytes:
    lines = data.split(b"\r\n") if b"\r\n" in data else data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return b"\r\n".join(b"." + ln if ln.startswith(b".") else ln for ln in lines) + b"\r\n.\r\n"


def _live(session: Pop3Session) -> list[tuple[int, tuple[int, int, str]]]:
    drop = session.drop
    assert drop is not None
    return [(n, item) for n, item in enumerate(drop.items, 1) if n not in drop.deleted]


async def stat(session: Pop3Session, arg: str) -> None:
    live = _live(session)
    session.send(f"+OK {len(live)} {sum(i[1] for _, i in live)}")


async def list_(session: Pop3Session, arg: str) -> None:
    if arg.strip():
        n, item = session.item(arg.strip())
        session.send(f"+OK {n} {item[1]}")
        return
    live = _live(session)
    session.send("\r\n".join([f"+OK {len(live)} messages"] +
                             [f"{n} {i[1]}" for n, i in live] + ["."]))


async def uidl(session: Pop3Session, arg: str) -> None:
    drop = session.drop
    assert drop is not None
    if arg.strip():
        n, item = session.item(arg.strip())
        session.send(f"+OK {n} {drop.uid_validity}.{item[0]}")
        return
    session.send("\r\n".join(["+OK"] + [f"{n} {drop.uid_validity}.{i[0]}"
                                         for n, i in _live(session)] + ["."]))


async def retr(session: Pop3Session, arg: str) -> None:
    n, item = session.item(arg.strip())
    raw = await session.server.store.raw(item[2])
    session.writer.write(f"+OK {len(raw)} octets\r\n".encode() + _stuffed(raw))


async def top(session: Pop3Session, arg: str) -> None:
    parts = arg.split()
    if len(parts) != 2 or not parts[1].isdigit():
        raise Pop3Error("TOP needs a message and a line count")
    n, item = session.item(parts[0])
    raw = await session.server.store.raw(item[2])
    sep = b"\r\n\r\n" if b"\r\n\r\n" in raw else b"\n\n"
    head, _, body = raw.partition(sep)
    lines = body.split(b"\r\n" if sep == b"\r\n\r\n" else b"\n")[: int(parts[1])]
    joined = head + sep + (b"\r\n".join(lines) if lines != [b""] else b"")
    session.writer.write(b"+OK\r\n" + _stuffed(joined))


async def dele(session: Pop3Session, arg: str) -> None:
    n, _ = session.item(arg.strip())
    assert session.drop is not None
    session.drop.deleted.add(n)
    session.send(f"+OK message {n} deleted")


async def rset(session: Pop3Session, arg: str) -> None:
    assert session.drop is not None
    session.drop.deleted.clear()
    session.send("+OK")


async def noop(session: Pop3Session, arg: str) -> None:
    session.send("+OK")


async def quit_(session: Pop3Session) -> bool:
    drop = session.drop
    if drop is not None and drop.deleted and session.account_id is not None:
        uids = [drop.items[n - 1][0] for n in sorted(drop.deleted)]
        await session.server.store.delete_uids(session.account_id, drop.folder_id, uids)
    session.send("+OK Mailplane POP3 signing off")
    return False


HANDLERS: dict[str, Callable[[Pop3Session, str], Awaitable[None]]] = {
    "STAT": stat, "LIST": list_, "UIDL": uidl, "RETR": retr, "TOP": top, "DELE": dele,
    "RSET": rset, "NOOP": noop,
}
