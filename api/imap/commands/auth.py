"""LOGIN and AUTHENTICATE (PLAIN, LOGIN, OAUTHBEARER, XOAUTH2): only over TLS, checked by
the shared client sign-in (throttled and audited), frozen accounts refused."""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING

from api.imap.capabilities import capability_line
from api.imap.errors import Bad, No
from api.imap.parser import Command
from api.imap.signin import MECHANISMS, MalformedResponse, SignedIn, sasl_sign_in

if TYPE_CHECKING:
    from api.imap.session import ImapSession


def _b64(data: bytes) -> bytes:
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise Bad("Invalid base64") from None


async def _continue(session: ImapSession, challenge: bytes = b"") -> bytes:
    session.send(b"+ " + challenge)
    await session.flush()
    line = await session.read_line()
    if line is None:
        raise ConnectionError("client went away during AUTHENTICATE")
    if line == b"*":
        raise Bad("Authentication cancelled")
    return _b64(line)


async def _finish(session: ImapSession, command: Command, who: SignedIn | None) -> None:
    if who is None:
        raise No("Authentication failed", "AUTHENTICATIONFAILED")
    await session.signed_in(who)
    session.ok(command.tag, "Signed in", f"CAPABILITY {capability_line(session)}")


async def login(session: ImapSession, command: Command) -> None:
    if not session.tls:
        raise No("Use STARTTLS before signing in", "PRIVACYREQUIRED")
    user, password = str(command.args["user"]), str(command.args["password"])
    who = await session.server.signin.password(user, password, session.ip, "LOGIN")
    await _finish(session, command, who)


async def authenticate(session: ImapSession, command: Command) -> None:
    mechanism = str(command.args["mechanism"])
    if mechanism not in MECHANISMS:
        raise No("Unsupported mechanism", "CANNOT")
    if not session.tls:
        raise No("Use STARTTLS before signing in", "PRIVACYREQUIRED")
    initial = command.args.get("initial")
    data = None
    if initial is not None and mechanism != "LOGIN":  # LOGIN asks for both, as it did
        data = b"" if initial == "=" else _b64(str(initial).encode())

    async def ask(challenge: bytes) -> bytes:
        return await _continue(session, base64.b64encode(challenge))

    try:
        who = await sasl_sign_in(session.server.signin, mechanism, data, ask, session.ip)
    except MalformedResponse as error:
        raise No(str(error), "AUTHENTICATIONFAILED") from None
    await _finish(session, command, who)
