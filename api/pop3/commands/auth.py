"""AUTHORIZATION state: CAPA, STLS, USER/PASS and AUTH (PLAIN, LOGIN, OAUTHBEARER and
XOAUTH2, only over TLS), checked by the mail-client sign-in shared with IMAP (throttled,
audited, frozen accounts refused)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from api.imap.signin import MECHANISMS, MalformedResponse, SignedIn, sasl_sign_in
from api.pop3.session import Drop, Pop3Error

if TYPE_CHECKING:
    from api.pop3.session import Pop3Session


async def capa(session: Pop3Session, arg: str) -> None:
    lines = ["+OK Capability list follows", "TOP", "UIDL", "RESP-CODES", "PIPELINING",
             "AUTH-RESP-CODE", "IMPLEMENTATION Mailplane"]
    if session.drop is None:
        if session.tls:
            lines += ["USER", "SASL " + " ".join(MECHANISMS)]
        else:
            lines.append("STLS")
    session.send("\r\n".join(lines + ["."]))


async def stls(session: Pop3Session, arg: str) -> None:
    if session.tls:
        raise Pop3Error("TLS is already on")
    session.send("+OK Begin TLS negotiation")
    await session.writer.drain()
    await session.writer.start_tls(session.server.tls)
    session.tls = True


def _need_tls(session: Pop3Session) -> None:
    if not session.tls:
        raise Pop3Error("[AUTH] Use STLS before signing in")


async def user(session: Pop3Session, arg: str) -> None:
    _need_tls(session)
    if not arg:
        raise Pop3Error("USER needs a name")
    session.user = arg.strip()
    session.send("+OK Send the password")


async def _open(session: Pop3Session, who: SignedIn | None) -> None:
    if who is None:
        raise Pop3Error("[AUTH] Authentication failed")
    server = session.server
    session.lease = await server.leases.claim(who.account_id,
                                              server.settings.imap_max_connections_per_account)
    if session.lease is None:
        raise Pop3Error("[IN-USE] Too many connections for this account")
    store = server.store
    await store.open_mailbox(who.account_id)
    inbox = await store.find(who.account_id, "INBOX")
    assert inbox is not None
    state = await store.select(who.account_id, inbox.id)
    messages = await store.messages(who.account_id, inbox.id, state.uids)
    session.account_id = who.account_id
    session.drop = Drop(inbox.id, inbox.uid_validity,
                        [(m.uid, m.size, m.blob_sha256) for m in messages])
    total = sum(m.size for m in messages)
    session.send(f"+OK {len(messages)} messages ({total} octets)")


async def pass_(session: Pop3Session, arg: str) -> None:
    _need_tls(session)
    if session.user is None:
        raise Pop3Error("USER first")
    who = await session.server.signin.password(session.user, arg, session.ip, "USER")
    await _open(session, who)


def _b64(text: str) -> bytes:
    text = text.strip()
    if text == "=":  # RFC 5034: an empty initial response
        return b""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise Pop3Error("Invalid base64") from None


async def auth_(session: Pop3Session, arg: str) -> None:
    """AUTH (RFC 5034) with the mechanisms IMAP offers, through the same exchange."""
    _need_tls(session)
    mechanism, _, initial = arg.partition(" ")
    mechanism = mechanism.upper()
    if mechanism not in MECHANISMS:
        raise Pop3Error("Unsupported mechanism")

    async def ask(challenge: bytes) -> bytes:
        session.send(b"+ " + base64.b64encode(challenge))
        await session.writer.drain()
        line = await session.read_line()
        if line is None or line == b"*":
            raise Pop3Error("Authentication cancelled")
        return _b64(line.decode("ascii", "replace"))

    data = _b64(initial) if initial.strip() else None
    try:
        who = await sasl_sign_in(session.server.signin, mechanism, data, ask, session.ip)
    except MalformedResponse:
        raise Pop3Error("[AUTH] Authentication failed") from None
    await _open(session, who)


HANDLERS: dict[str, Callable[[Pop3Session, str], Awaitable[None]]] = {
    "CAPA": capa, "STLS": stls, "USER": user, "PASS": pass_, "AUTH": auth_,
}
