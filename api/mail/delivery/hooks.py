"""Same-transaction subscribers of the delivery core.

A domain that must learn of every message put into a mailbox (calendar reads iMIP
invitations) registers a function with `on_delivered(fn)` at wiring time; mail never
imports it. Each subscriber runs in the delivering transaction inside a savepoint, after
the copy for that mailbox is stored or gathered: what it writes commits with the mail, and
a subscriber that fails rolls back its own savepoint only (the mail is delivered whatever
the subscriber makes of it).

The same registry is the seam for IMAP IDLE and the webmail's live view: a subscriber that
wants to wake a listener after commit records the mailbox here and acts on the session's
`after_commit`, so nothing is announced that did not commit.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.mime import ParsedMessage
from api.runtime import Runtime
from api.storage.blobs import BlobRef
from api.storage.models import Account

log = logging.getLogger("mailplane.mail.delivery")


@dataclass
class Arrival:
    """One message arriving in one mailbox: what every subscriber reads (parsed once)."""

    session: AsyncSession
    runtime: Runtime
    account: Account
    folder_role: str
    blob: BlobRef
    parsed: ParsedMessage
    raw: bytes | None = None  # the bytes when the caller still holds them
    envelope_from: str | None = None  # the SMTP reverse path ("" for bounces); None: unknown

    async def raw_bytes(self) -> bytes:
        """The stored bytes (read from the blob store once, then kept)."""
        if self.raw is None:
            self.raw = await self.runtime.blobs.read_all(self.blob.sha256)
        return self.raw


Subscriber = Callable[[Arrival], Awaitable[None]]
Interest = Callable[[Arrival], bool]
_SUBSCRIBERS: list[tuple[Subscriber, Interest]] = []


def _always(arrival: Arrival) -> bool:
    return True


def on_delivered(fn: Subscriber, *, when: Interest = _always) -> Subscriber:
    """Register `fn` (once; registering it again is a no-op). `when` says, without touching
    the database, whether an arrival concerns it: most deliveries then cost no savepoint."""
    if all(fn is not known for known, _ in _SUBSCRIBERS):
        _SUBSCRIBERS.append((fn, when))
    return fn


def subscribers() -> tuple[Subscriber, ...]:
    return tuple(fn for fn, _ in _SUBSCRIBERS)


async def delivered(arrival: Arrival) -> None:
    """Tell every interested subscriber, each in its own savepoint."""
    for fn, when in _SUBSCRIBERS:
        if not when(arrival):
            continue
        try:
            async with arrival.session.begin_nested():
                await fn(arrival)
        except Exception:  # the mail is delivered whatever a subscriber makes of it
            log.exception("delivery subscriber failed",
                          extra={"fields": {"account": arrival.account.id,
                                            "subscriber": getattr(fn, "__qualname__", "")}})


# --- filing: which folder one person's copy goes to --------------------------------------------


@dataclass
class Filing:
    """One person's copy before it is stored: a filer may change the folder role (the
    person's own block and allow lists, what they taught the spam filter)."""

    session: AsyncSession
    runtime: Runtime
    account: Account
    role: str
    parsed: ParsedMessage
    envelope_from: str
    authenticated: bool  # the From domain is vouched for (DMARC or aligned SPF/DKIM)
    blob: BlobRef
    raw: bytes | None = None

    async def raw_bytes(self) -> bytes:
        if self.raw is None:
            self.raw = await self.runtime.blobs.read_all(self.blob.sha256)
        return self.raw


Filer = Callable[[Filing], Awaitable[str]]
_FILERS: list[Filer] = []


def on_filing(fn: Filer) -> Filer:
    """Register a filer (once). Filers run in order, each seeing the role the last chose."""
    if all(fn is not known for known in _FILERS):
        _FILERS.append(fn)
    return fn


async def filed(filing: Filing) -> str:
    """The role after every filer; a filer that fails leaves the role as it was."""
    for fn in _FILERS:
        try:
            filing.role = await fn(filing)
        except Exception:  # mail is delivered whatever a filer makes of it
            log.exception("delivery filer failed",
                          extra={"fields": {"account": filing.account.id}})
    return filing.role


def has_filers() -> bool:
    return bool(_FILERS)
