"""What IMAP and POP3 sources share: where to connect (each resolved address checked, the
socket opened to exactly that address), TLS, the fetched-message record and the error
kinds a job reacts to (fail at once, or back off and try again).

Source clients are blocking (stdlib imaplib and poplib) and run in a worker thread.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from api.kit.ssrf import parse_ip
from api.migration.folders import RemoteFolder
from api.migration.networks import IPNetwork, reachable

Ref = int | str  # an IMAP UID or a POP3 UIDL


class SourceError(Exception):
    """A problem with the source server. `transient` ones are retried with backoff."""

    def __init__(self, code: str, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.transient = transient


def unreachable(message: str) -> SourceError:
    return SourceError("source_unreachable", message, transient=True)


def unavailable(message: str) -> SourceError:
    return SourceError("source_unavailable", message, transient=True)


def auth_failed(message: str) -> SourceError:
    return SourceError("source_auth_failed", message, transient=False)


def tls_failed(message: str) -> SourceError:
    return SourceError("source_tls_failed", message, transient=False)


def protocol_error(message: str) -> SourceError:
    return SourceError("source_protocol_error", message, transient=False)


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    security: str  # none | starttls | tls
    username: str
    password: str
    verify_tls: bool = True
    timeout: float = 60.0
    allow_private: bool = False
    ca_file: Path | None = None
    # The organisation's listed private networks (its old intranet server's).
    networks: tuple[IPNetwork, ...] = ()

    def tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.ca_file:
            context.load_verify_locations(cafile=str(self.ca_file))
        if not self.verify_tls:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context


def vetted_addresses(endpoint: Endpoint) -> list[str]:
    """Resolve once; refuse the host if any answer is not a public address, unless it is in
    one of the organisation's listed private networks (or private sources are allowed
    installation-wide): an admin must not reach the installation's own network."""
    literal = parse_ip(endpoint.host)
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            infos = socket.getaddrinfo(endpoint.host, endpoint.port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise unreachable(f"{endpoint.host} does not resolve ({exc}).") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise unreachable(f"{endpoint.host} does not resolve.")
    if not endpoint.allow_private:
        for address in addresses:
            ip = parse_ip(address)
            if ip is None or not reachable(ip, allow_private=False, networks=endpoint.networks):
                raise SourceError(
                    "source_blocked",
                    f"{endpoint.host} resolves to a non-public address ({address}) outside the "
                    "organisation's migration_private_networks; list the network in "
                    "PATCH /v1/organization to migrate from it.",
                    transient=False,
                )
    return addresses


def open_socket(endpoint: Endpoint, timeout: float | None) -> socket.socket:
    """A TCP connection to the first vetted address that answers."""
    last: OSError | None = None
    for address in vetted_addresses(endpoint):
        try:
            return socket.create_connection((address, endpoint.port), timeout=timeout)
        except OSError as exc:
            last = exc
    reason = last.strerror if isinstance(last, OSError) and last.strerror else str(last)
    raise unreachable(f"Cannot connect to {endpoint.host}:{endpoint.port} ({reason}).")


def wrap_tls(sock: socket.socket, endpoint: Endpoint) -> ssl.SSLSocket:
    try:
        return endpoint.tls_context().wrap_socket(sock, server_hostname=endpoint.host)
    except ssl.SSLCertVerificationError as exc:
        sock.close()
        raise tls_failed(
            f"The certificate of {endpoint.host} is not trusted ({exc.verify_message}); "
            "fix it on the server or set verify_tls to false if you accept the risk."
        ) from None
    except (ssl.SSLError, OSError) as exc:
        sock.close()
        raise tls_failed(f"TLS with {endpoint.host}:{endpoint.port} failed ({exc}).") from None


@dataclass
class Fetched:
    """One message as fetched: bytes and state, or why it could not be had."""

    ref: Ref
    size: int
    raw: bytes | None = None
    flags: tuple[str, ...] = ()
    internaldate: datetime | None = None
    error: str | None = None  # the server refused or returned no body
    code: str = "fetch_failed"  # or too_large
    gone: bool = False  # expunged between listing and fetching


@dataclass
class FolderState:
    uidvalidity: int | None
    exists: int


@dataclass
class Listing:
    """The messages of a folder still to fetch, in order, with their sizes."""

    items: list[tuple[Ref, int]] = field(default_factory=list)


class Source(Protocol):
    """The blocking client the transfer drives (from one thread at a time)."""

    has_uids: bool  # IMAP: incremental by UID; POP3: by UIDL against the ledger

    def open(self) -> None: ...
    def folders(self) -> tuple[list[RemoteFolder], str]: ...
    def select(self, folder: RemoteFolder) -> FolderState: ...
    def listing(self, after_uid: int) -> Listing: ...
    def fetch(self, refs: list[Ref], sizes: dict[Ref, int]) -> list[Fetched]: ...
    def close(self) -> None: ...
