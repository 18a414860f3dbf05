"""What the server announces in CAPABILITY, by connection state."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from api.imap.session import ImapSession


def capability_line(session: ImapSession) -> str:
    caps = ["IMAP4rev1", "IMAP4rev2", "LITERAL+", "SASL-IR", "ID", "ENABLE", "IDLE"]
    if session.account_id is None:
        if not session.tls:
            caps += ["STARTTLS", "LOGINDISABLED"]
        else:
            caps += ["AUTH=PLAIN", "AUTH=LOGIN", "AUTH=OAUTHBEARER", "AUTH=XOAUTH2"]
        return " ".join(caps)
    caps += ["NAMESPACE", "UNSELECT", "UIDPLUS", "MOVE", "SPECIAL-USE", "LIST-EXTENDED",
             "LIST-STATUS", "CONDSTORE",
             "COMPRESS=DEFLATE", "QRESYNC", "ESEARCH", "SEARCHRES", "SORT",
             "THREAD=REFERENCES", "QUOTA", "QUOTA=RES-STORAGE", "UTF8=ACCEPT",
             f"APPENDLIMIT={session.server.max_literal}", "STATUS=SIZE"]
    return " ".join(caps)
