"""POP3 commands by state: AUTHORIZATION (`auth`) and TRANSACTION (`maildrop`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.pop3.commands import auth, maildrop
from api.pop3.session import Pop3Error

if TYPE_CHECKING:
    from api.pop3.session import Pop3Session


async def dispatch(session: Pop3Session, verb: str, arg: str) -> bool:
    """Run one command; False when the connection should close."""
    if verb == "QUIT":
        return await maildrop.quit_(session)
    if verb in auth.HANDLERS:
        if session.drop is not None and verb != "CAPA":
            raise Pop3Error("Already signed in")
        await auth.HANDLERS[verb](session, arg)
        return True
    if verb in maildrop.HANDLERS:
        if session.drop is None:
            raise Pop3Error("Sign in first")
        await maildrop.HANDLERS[verb](session, arg)
        return True
    raise Pop3Error("Unknown command")
