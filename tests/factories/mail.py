"""Mail factories: fixture messages from tests/fixtures/mail, delivery into mailboxes."""

from __future__ import annotations

from pathlib import Path

from api.mail.sending.delivery import DeliveryReport, deliver
from api.runtime import Runtime

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mail"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def corpus() -> list[str]:
    return sorted(p.name for p in FIXTURES.glob("*.eml"))


def simple_message(
    subject: str = "Hello", body: str = "Hi there", *, sender: str = "ext@example.net",
    to: str = "someone@example.net", message_id: str | None = None, extra: str = "",
) -> bytes:
    mid = message_id or f"<{abs(hash((subject, body, sender)))}@example.net>"
    return (
        f"Date: Mon, 01 Apr 2024 10:00:00 +0000\r\nFrom: {sender}\r\nTo: {to}\r\n"
        f"Subject: {subject}\r\nMessage-ID: {mid}\r\n{extra}MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"{body}\r\n"
    ).encode()


async def deliver_to(runtime: Runtime, raw: bytes, *recipients: str) -> DeliveryReport:
    """Deliver raw bytes as the SMTP edge would (inbound: local recipients only)."""
    async with runtime.db.session() as session:
        return await deliver(session, runtime, raw, "ext@example.net", list(recipients))
