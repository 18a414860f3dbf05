"""An IMAP source (stdlib imaplib, blocking, driven from a worker thread).

Folders are opened with EXAMINE (read-only) and messages fetched with `BODY.PEEK[]`, so the
source mailbox is never changed: no `\\Seen`, no `\\Recent` taken away. Messages come in
UID ranges, many per round trip.
"""

from __future__ import annotations

import imaplib
import re
import socket
import ssl
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from api.migration.folders import RemoteFolder, parse_list
from api.migration.sources import (
    Endpoint,
    Fetched,
    FolderState,
    Listing,
    Ref,
    SourceError,
    auth_failed,
    open_socket,
    protocol_error,
    tls_failed,
    unavailable,
    wrap_tls,
)

_UID = re.compile(rb"\bUID (\d+)")
_SIZE = re.compile(rb"\bRFC822\.SIZE (\d+)")
_FLAGS = re.compile(rb"\bFLAGS \(([^)]*)\)")
_DATE = re.compile(rb'\bINTERNALDATE "([^"]+)"')
_NIL_BODY = re.compile(rb"\bBODY\[\] NIL")
_STANDALONE = re.compile(rb"^\d+ \(")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
#: Response codes (RFC 5530) that mean "later", not "never".
_TRANSIENT_CODES = ("UNAVAILABLE", "LIMIT", "INUSE", "SERVERBUG", "OVERQUOTA", "EXPUNGEISSUED")


def parse_internaldate(value: bytes | str) -> datetime | None:
    """`17-Jul-1996 02:44:25 -0700` → an aware UTC datetime (None when unreadable)."""
    text = value.decode("ascii", "replace") if isinstance(value, bytes) else value
    try:
        day_part, clock, zone = text.strip().split()
        day, month, year = day_part.split("-")
        hour, minute, second = (int(x) for x in clock.split(":"))
        sign = -1 if zone[0] == "-" else 1
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
        stamp = datetime(
            int(year),
            _MONTHS[month.lower()],
            int(day),
            hour,
            minute,
            second,
            tzinfo=timezone(offset),
        )
    except (ValueError, KeyError, IndexError):
        return None
    return stamp.astimezone(UTC)


def quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uid_set(uids: list[int]) -> str:
    """`[1, 2, 3, 7, 9, 10]` → `1:3,7,9:10`."""
    out: list[str] = []
    start = prev = uids[0]
    for uid in uids[1:]:
        if uid == prev + 1:
            prev = uid
            continue
        out.append(f"{start}:{prev}" if prev != start else str(start))
        start = prev = uid
    out.append(f"{start}:{prev}" if prev != start else str(start))
    return ",".join(out)


class _Client(imaplib.IMAP4):
    """imaplib, connected to a vetted address; TLS from the first byte when `implicit`."""

    def __init__(self, endpoint: Endpoint, implicit: bool) -> None:
        self.endpoint = endpoint
        self.implicit = implicit
        super().__init__(endpoint.host, endpoint.port, timeout=endpoint.timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = open_socket(self.endpoint, timeout)
        return wrap_tls(sock, self.endpoint) if self.implicit else sock


def _text(data: list[Any]) -> str:
    parts = [
        d.decode("utf-8", "replace") if isinstance(d, bytes) else str(d)
        for d in data
        if d is not None
    ]
    return " ".join(parts).strip()


def _raise_for(error: BaseException, doing: str) -> SourceError:
    """Classify an imaplib/socket failure while `doing` something."""
    if isinstance(error, SourceError):
        return error
    if isinstance(error, TimeoutError | socket.timeout):
        return SourceError(
            "source_timeout", f"The source stopped answering while {doing}.", transient=True
        )
    if isinstance(error, imaplib.IMAP4.abort):
        return unavailable(f"The source closed the connection while {doing} ({error}).")
    if isinstance(error, ssl.SSLError):
        return unavailable(f"TLS error while {doing} ({error}).")
    if isinstance(error, OSError):
        return unavailable(f"Connection lost while {doing} ({error}).")
    text = str(error)
    if any(f"[{code}" in text.upper() for code in _TRANSIENT_CODES):
        return unavailable(f"The source is busy ({text}).")
    return protocol_error(f"The source refused {doing}: {text}")


class ImapSource:
    """One IMAP session (see `Source`)."""

    has_uids = True

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.client: _Client | None = None
        self.capabilities: set[str] = set()

    # -- session ----------------------------------------------------------------------

    def open(self) -> None:
        ep = self.endpoint
        try:
            client = _Client(ep, implicit=ep.security == "tls")
        except SourceError:
            raise
        except ssl.SSLError as exc:
            raise tls_failed(f"TLS with {ep.host}:{ep.port} failed ({exc}).") from None
        except (OSError, imaplib.IMAP4.error) as exc:
            raise _raise_for(exc, "greeting") from None
        self.client = client
        try:
            if ep.security == "starttls":
                if "STARTTLS" not in client.capabilities:
                    raise tls_failed(f"{ep.host} does not offer STARTTLS; use tls or none.")
                try:
                    client.starttls(ep.tls_context())
                except ssl.SSLCertVerificationError as exc:
                    raise tls_failed(
                        f"The certificate of {ep.host} is not trusted ({exc.verify_message}); "
                        "fix it on the server or set verify_tls to false if you accept the risk."
                    ) from None
                except (ssl.SSLError, imaplib.IMAP4.error) as exc:
                    raise tls_failed(f"STARTTLS with {ep.host} failed ({exc}).") from None
            self._login()
            self._refresh_capabilities()
            if "UTF8=ACCEPT" in self.capabilities:
                try:
                    client.enable("UTF8=ACCEPT")
                except imaplib.IMAP4.error:
                    pass
        except BaseException:
            self.close()
            raise

    def _login(self) -> None:
        client = self._require()
        ep = self.endpoint
        if "LOGINDISABLED" in client.capabilities:
            raise auth_failed(
                f"{ep.host} refuses passwords on an unencrypted connection; use starttls or tls."
            )
        try:
            if ep.password.isascii() and ep.username.isascii():
                client.login(ep.username, ep.password)
            else:
                blob = f"\0{ep.username}\0{ep.password}".encode()
                client.authenticate("PLAIN", lambda _challenge: blob)
        except imaplib.IMAP4.abort as exc:
            raise _raise_for(exc, "logging in") from None
        except imaplib.IMAP4.error as exc:
            text = str(exc)
            if any(f"[{code}" in text.upper() for code in _TRANSIENT_CODES):
                raise unavailable(f"The source cannot log in now ({text}).") from None
            raise auth_failed(
                f"{ep.host} rejected the user name or password for {ep.username} ({text})."
            ) from None
        except OSError as exc:
            raise _raise_for(exc, "logging in") from None

    def _refresh_capabilities(self) -> None:
        client = self._require()
        try:
            typ, data = client.capability()
        except (imaplib.IMAP4.error, OSError) as exc:
            raise _raise_for(exc, "asking for capabilities") from None
        if typ == "OK" and data and data[-1]:
            self.capabilities = {c.upper() for c in _text(data).split()}
            client.capabilities = tuple(self.capabilities)

    def close(self) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # the session may already be gone; nothing to save
            try:
                client.shutdown()
            except Exception:
                pass

    def _require(self) -> _Client:
        if self.client is None:
            raise unavailable("Not connected to the source.")
        return self.client

    # -- folders ----------------------------------------------------------------------

    def folders(self) -> tuple[list[RemoteFolder], str]:
        client = self._require()
        prefix = ""
        try:
            if "NAMESPACE" in self.capabilities:
                typ, data = client.namespace()
                match = re.match(rb'\(\("([^"]*)"', data[0] or b"") if typ == "OK" else None
                prefix = match.group(1).decode("utf-8", "replace") if match else ""
            if "SPECIAL-USE" in self.capabilities and "LIST-EXTENDED" in self.capabilities:
                typ, data = client._simple_command("LIST", '""', '"*"', "RETURN", "(SPECIAL-USE)")
                typ, data = client._untagged_response(typ, data, "LIST")
            else:
                typ, data = client.list('""', '"*"')
        except (imaplib.IMAP4.error, OSError) as exc:
            raise _raise_for(exc, "listing folders") from None
        if typ != "OK":
            raise _raise_for(imaplib.IMAP4.error(_text(data)), "listing folders")
        folders = parse_list(data)
        if not any(f.raw.upper() == "INBOX" for f in folders):
            folders.insert(0, RemoteFolder(raw="INBOX", delimiter=None))
        return folders, prefix

    def select(self, folder: RemoteFolder) -> FolderState:
        client = self._require()
        try:
            typ, data = client.select(quote(folder.raw), readonly=True)
        except (imaplib.IMAP4.error, OSError) as exc:
            raise _raise_for(exc, f"opening {folder.name}") from None
        if typ != "OK":
            raise _raise_for(imaplib.IMAP4.error(_text(data)), f"opening {folder.name}")
        try:
            exists = int(data[0] or 0)
        except (TypeError, ValueError):
            exists = 0
        _, validity = client.response("UIDVALIDITY")
        try:
            uidvalidity = int(validity[-1]) if validity and validity[-1] else None
        except (TypeError, ValueError):
            uidvalidity = None
        return FolderState(uidvalidity=uidvalidity, exists=exists)

    def listing(self, after_uid: int) -> Listing:
        """Every message with a UID above `after_uid`, with its size."""
        client = self._require()
        try:
            typ, data = client.uid("FETCH", f"{after_uid + 1}:*", "(UID RFC822.SIZE)")
        except (imaplib.IMAP4.error, OSError) as exc:
            raise _raise_for(exc, "listing messages") from None
        if typ != "OK":
            raise _raise_for(imaplib.IMAP4.error(_text(data)), "listing messages")
        items: dict[int, int] = {}
        for line in data:
            meta = line[0] if isinstance(line, tuple) else line
            if not isinstance(meta, bytes):
                continue
            uid, size = _UID.search(meta), _SIZE.search(meta)
            if uid and size and int(uid.group(1)) > after_uid:
                items[int(uid.group(1))] = int(size.group(1))
        return Listing(items=sorted(items.items()))

    # -- messages ---------------------------------------------------------------------

    def fetch(self, refs: list[Ref], sizes: dict[Ref, int]) -> list[Fetched]:
        """Fetch bytes, flags and INTERNALDATE of `refs` (UIDs, ascending). A batch the
        server refuses is retried one message at a time so one bad message costs only
        itself; messages expunged meanwhile come back `gone`."""
        uids = [int(r) for r in refs]
        client = self._require()
        try:
            typ, data = client.uid("FETCH", uid_set(uids), "(UID FLAGS INTERNALDATE BODY.PEEK[])")
        except imaplib.IMAP4.abort as exc:
            raise _raise_for(exc, "fetching messages") from None
        except imaplib.IMAP4.error as exc:
            typ, data = "NO", [str(exc).encode()]
        except OSError as exc:
            raise _raise_for(exc, "fetching messages") from None
        if typ != "OK":
            if len(uids) == 1:
                return [
                    Fetched(
                        ref=uids[0],
                        size=sizes.get(uids[0], 0),
                        error=f"The source refused to send it: {_text(data)}"[:500],
                    )
                ]
            out: list[Fetched] = []
            for uid in uids:
                out.extend(self.fetch([uid], sizes))
            return out
        got = _parse_fetch(data, set(uids))
        return [got.get(uid) or Fetched(ref=uid, size=sizes.get(uid, 0), gone=True) for uid in uids]


def _parse_fetch(data: list[Any], wanted: set[int]) -> dict[int, Fetched]:
    """imaplib FETCH data → records by UID. A record is a (meta, literal) tuple plus the
    bytes that follow it up to the next record (servers may put FLAGS after the body)."""
    records: list[tuple[bytes, bytes | None]] = []
    for item in data:
        if isinstance(item, tuple):
            records.append((item[0], item[1]))
        elif isinstance(item, bytes):
            if _STANDALONE.match(item):
                records.append((item, None))
            elif records:
                meta, raw = records[-1]
                records[-1] = (meta + b" " + item, raw)
    out: dict[int, Fetched] = {}
    for meta, raw in records:
        uid_match = _UID.search(meta)
        if uid_match is None:
            continue
        uid = int(uid_match.group(1))
        if uid not in wanted:
            continue  # an unsolicited update about another message
        flags_match = _FLAGS.search(meta)
        flags = (
            tuple(flags_match.group(1).decode("utf-8", "replace").split()) if flags_match else ()
        )
        date_match = _DATE.search(meta)
        when = parse_internaldate(date_match.group(1)) if date_match else None
        if raw is None:
            if _NIL_BODY.search(meta) or b"BODY[]" in meta:
                out[uid] = Fetched(
                    ref=uid,
                    size=0,
                    flags=flags,
                    internaldate=when,
                    error="The source returned no body for it.",
                )
            continue
        out[uid] = Fetched(ref=uid, size=len(raw), raw=raw, flags=flags, internaldate=when)
    return out
