"""A POP3 source (stdlib poplib, blocking): the fallback for providers without IMAP.

POP3 has one folder (the inbox), no flags and no INTERNALDATE; messages are named by their
UIDL, which the ledger remembers, so a re-run fetches only what is new. Nothing is ever
deleted on the source (no DELE is sent).
"""

from __future__ import annotations

import poplib
import socket
import ssl

from api.migration.folders import RemoteFolder
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

MAX_LINE = 1024 * 1024  # poplib's 2048 would refuse real mail with long lines
_TRANSIENT = ("[IN-USE]", "[SYS/TEMP]", "[LOGIN-DELAY]")


class _Client(poplib.POP3):
    def __init__(self, endpoint: Endpoint, implicit: bool) -> None:
        self.endpoint = endpoint
        self.implicit = implicit
        super().__init__(endpoint.host, endpoint.port, timeout=endpoint.timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = open_socket(self.endpoint, timeout)
        return wrap_tls(sock, self.endpoint) if self.implicit else sock

    def _getline(self) -> tuple[bytes, int]:
        line = self.file.readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise poplib.error_proto("-ERR line too long")
        if not line:
            raise poplib.error_proto("-ERR EOF")
        octets = len(line)
        if line[-2:] == b"\r\n":
            return line[:-2], octets
        if line[:1] == b"\r":
            return line[1:-1], octets
        return line[:-1], octets


def _classify(error: BaseException, doing: str) -> SourceError:
    if isinstance(error, SourceError):
        return error
    if isinstance(error, TimeoutError | socket.timeout):
        return SourceError(
            "source_timeout", f"The source stopped answering while {doing}.", transient=True
        )
    if isinstance(error, OSError):
        return unavailable(f"Connection lost while {doing} ({error}).")
    text = str(error)
    if "EOF" in text:
        return unavailable(f"The source closed the connection while {doing}.")
    if any(code in text.upper() for code in _TRANSIENT):
        return unavailable(f"The source is busy ({text}).")
    return protocol_error(f"The source refused {doing}: {text}")


class Pop3Source:
    """One POP3 session (see `Source`); the inbox is its only folder."""

    has_uids = False

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.client: _Client | None = None
        self.numbers: dict[str, int] = {}

    def open(self) -> None:
        ep = self.endpoint
        try:
            client = _Client(ep, implicit=ep.security == "tls")
        except SourceError:
            raise
        except ssl.SSLError as exc:
            raise tls_failed(f"TLS with {ep.host}:{ep.port} failed ({exc}).") from None
        except (OSError, poplib.error_proto) as exc:
            raise _classify(exc, "greeting") from None
        self.client = client
        try:
            if ep.security == "starttls":
                try:
                    client.stls(ep.tls_context())
                except ssl.SSLCertVerificationError as exc:
                    raise tls_failed(
                        f"The certificate of {ep.host} is not trusted ({exc.verify_message}); "
                        "fix it on the server or set verify_tls to false if you accept the risk."
                    ) from None
                except (ssl.SSLError, poplib.error_proto) as exc:
                    raise tls_failed(f"STLS with {ep.host} failed ({exc}).") from None
            try:
                client.user(ep.username)
                client.pass_(ep.password)
            except poplib.error_proto as exc:
                text = str(exc)
                if any(code in text.upper() for code in _TRANSIENT):
                    raise unavailable(f"The source cannot log in now ({text}).") from None
                raise auth_failed(
                    f"{ep.host} rejected the user name or password for {ep.username} ({text})."
                ) from None
            except OSError as exc:
                raise _classify(exc, "logging in") from None
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.quit()  # QUIT without DELE: nothing is removed
        except Exception:
            try:
                client.close()
            except Exception:
                pass

    def _require(self) -> _Client:
        if self.client is None:
            raise unavailable("Not connected to the source.")
        return self.client

    def folders(self) -> tuple[list[RemoteFolder], str]:
        return [RemoteFolder(raw="INBOX", delimiter=None)], ""

    def select(self, folder: RemoteFolder) -> FolderState:
        client = self._require()
        try:
            count, _size = client.stat()
        except (poplib.error_proto, OSError) as exc:
            raise _classify(exc, "opening the mailbox") from None
        return FolderState(uidvalidity=None, exists=int(count))

    def listing(self, after_uid: int = 0) -> Listing:
        """Every message, named by UIDL, in mailbox order."""
        client = self._require()
        try:
            _, uidl_lines, _ = client.uidl()
            _, size_lines, _ = client.list()
        except poplib.error_proto as exc:
            if "UIDL" in str(exc).upper() or "COMMAND" in str(exc).upper():
                raise protocol_error(
                    "The source does not support UIDL, so a POP3 migration could not resume "
                    "without duplicates; use IMAP."
                ) from None
            raise _classify(exc, "listing messages") from None
        except OSError as exc:
            raise _classify(exc, "listing messages") from None
        sizes: dict[int, int] = {}
        for line in size_lines:
            parts = line.split()
            if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
                sizes[int(parts[0])] = int(parts[1])
        self.numbers = {}
        items: list[tuple[Ref, int]] = []
        for line in uidl_lines:
            parts = line.split()
            if len(parts) < 2 or not parts[0].isdigit():
                continue
            number, uidl = int(parts[0]), parts[1].decode("ascii", "replace")[:100]
            if uidl in self.numbers:
                continue
            self.numbers[uidl] = number
            items.append((uidl, sizes.get(number, 0)))
        return Listing(items=items)

    def fetch(self, refs: list[Ref], sizes: dict[Ref, int]) -> list[Fetched]:
        client = self._require()
        out: list[Fetched] = []
        for ref in refs:
            number = self.numbers.get(str(ref))
            if number is None:
                out.append(Fetched(ref=ref, size=sizes.get(ref, 0), gone=True))
                continue
            try:
                _, lines, _ = client.retr(number)
            except poplib.error_proto as exc:
                text = str(exc)
                if "EOF" in text or any(code in text.upper() for code in _TRANSIENT):
                    raise _classify(exc, "fetching a message") from None
                out.append(
                    Fetched(
                        ref=ref,
                        size=sizes.get(ref, 0),
                        error=f"The source refused to send it: {text}"[:500],
                    )
                )
                continue
            except OSError as exc:
                raise _classify(exc, "fetching a message") from None
            raw = b"\r\n".join(lines) + b"\r\n"
            out.append(Fetched(ref=ref, size=len(raw), raw=raw))
        return out
