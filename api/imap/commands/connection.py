"""Commands valid in any state: CAPABILITY, NOOP/CHECK, LOGOUT, ID, STARTTLS, and the
authenticated-state housekeeping ENABLE, NAMESPACE and COMPRESS."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.imap.capabilities import capability_line
from api.imap.errors import Bad, Disconnect, No
from api.imap.parser import Command
from api.imap.wire import string

if TYPE_CHECKING:
    from api.imap.session import ImapSession

ENABLEABLE = {"CONDSTORE", "QRESYNC", "UTF8=ACCEPT", "IMAP4REV2"}


async def capability(session: ImapSession, command: Command) -> None:
    session.untagged(f"CAPABILITY {capability_line(session)}")
    session.ok(command.tag)


async def noop(session: ImapSession, command: Command) -> None:
    await session.sync()
    session.ok(command.tag)


async def logout(session: ImapSession, command: Command) -> None:
    session.untagged("BYE Mailplane IMAP signing off")
    session.ok(command.tag)
    raise Disconnect()


async def id_(session: ImapSession, command: Command) -> None:
    session.client_id = dict(command.args.get("params") or {})  # type: ignore[arg-type]
    fields = [b'"name"', string("Mailplane"), b'"vendor"', string("Mailplane")]
    session.untagged(b"ID (" + b" ".join(fields) + b")")
    session.ok(command.tag)


async def starttls(session: ImapSession, command: Command) -> None:
    if session.tls:
        raise Bad("TLS is already on")
    session.ok(command.tag, "Begin TLS negotiation now")
    await session.flush()
    await session.start_tls()


async def enable(session: ImapSession, command: Command) -> None:
    wanted = [c for c in command.args["capabilities"] if c in ENABLEABLE]  # type: ignore[attr-defined]
    newly = [c for c in wanted if c not in session.enabled]
    session.enabled.update(newly)
    if "QRESYNC" in newly:
        session.enabled.add("CONDSTORE")
    if newly:
        session.untagged("ENABLED " + " ".join(newly))
    session.ok(command.tag)


async def namespace(session: ImapSession, command: Command) -> None:
    session.untagged('NAMESPACE (("" "/")) NIL NIL')
    session.ok(command.tag)


async def compress(session: ImapSession, command: Command) -> None:
    """COMPRESS DEFLATE (RFC 4978): deflate both directions after the OK."""
    if session.compressed:
        raise No("Compression is already on", "COMPRESSIONACTIVE")
    session.ok(command.tag, "DEFLATE active")
    await session.flush()
    session.start_deflate()
