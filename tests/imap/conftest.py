"""IMAP fixtures: the IMAP server on free loopback ports in the test's event loop, a TLS
context trusting its generated certificate, imaplib clients driven on a thread (imaplib is
blocking; the server runs on the test's loop), and messages delivered through the API's
append path."""

from __future__ import annotations

import asyncio
import imaplib
import ssl
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import pytest

from api.config import Settings
from api.imap import ImapServer
from api.mail import append_message
from api.runtime import Runtime
from api.storage.models import Account
from tests.factories.platform import ADMIN_PASSWORD

T = TypeVar("T")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={
        "mail_host": "mail.acme.test", "imap_port": 0, "imaps_port": 0, "pop3_port": 0,
        "pop3s_port": 0, "imap_idle_poll": 0.2, "mail_max_message_bytes": 2_000_000,
    })


@pytest.fixture
async def imap(runtime: Runtime) -> AsyncIterator[ImapServer]:
    server = ImapServer(runtime)
    await server.start()
    yield server
    await server.stop()


def tls_context(settings: Settings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(settings.data_dir / "smtp-tls" / "cert.pem"))
    return context


async def on_thread(fn: Callable[..., T], *args: Any) -> T:
    return await asyncio.to_thread(fn, *args)


def connect(server: ImapServer, user: str | None = None,
            password: str = ADMIN_PASSWORD) -> imaplib.IMAP4:
    """A client on the STARTTLS port, signed in when `user` is given (call on a thread)."""
    client = imaplib.IMAP4("127.0.0.1", server.ports["imap"], timeout=20)
    client.starttls(tls_context(server.settings))
    if user is not None:
        client.login(user, password)
    return client


async def deliver(runtime: Runtime, account: Account, raw: bytes, *,
                  role: str = "inbox") -> str:
    async with runtime.db.session() as session:
        fresh = await session.get(Account, account.id)
        assert fresh is not None
        message = await append_message(session, runtime, fresh, raw, role=role)
        return message.id


def message(subject: str, body: str = "hello", sender: str = "bob@acme.test") -> bytes:
    return (f"From: Bob <{sender}>\r\nTo: alice@acme.test\r\nSubject: {subject}\r\n"
            f"Date: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: <{abs(hash(subject))}@acme.test>"
            f"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n").encode()
