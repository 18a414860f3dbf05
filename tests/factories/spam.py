"""Spam-filter factories: corpus fixtures, crafted messages, list entries, and the
tenant-isolation registry entries for spam resources."""

from __future__ import annotations

import base64
from pathlib import Path

from tests.factories.mail import deliver_to, fixture

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "spam"


def spam_fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def message(
    *, subject: str = "Quarterly planning", body: str = "See you at the meeting tomorrow.",
    sender: str = "Carol Jones <carol@partner.example>", to: str = "alice@acme.test",
    headers: str = "", html: str | None = None, date: str = "Mon, 01 Apr 2024 10:00:00 +0000",
    message_id: str | None = "<m1@partner.example>", attachments: list[tuple[str, bytes]] = (),
) -> bytes:
    """A crafted message; any header can be dropped by passing None/"" or overridden."""
    head = ""
    if date:
        head += f"Date: {date}\r\n"
    if sender:
        head += f"From: {sender}\r\n"
    if to:
        head += f"To: {to}\r\n"
    if subject is not None:
        head += f"Subject: {subject}\r\n"
    if message_id:
        head += f"Message-ID: {message_id}\r\n"
    head += headers + "MIME-Version: 1.0\r\n"
    if not attachments and html is None:
        return (head + "Content-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n").encode()
    boundary = "b0undary"
    parts = []
    if html is not None and not body:
        parts.append(f"Content-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n")
    else:
        parts.append(f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n")
        if html is not None:
            parts.append(f"Content-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n")
    for name, data in attachments:
        encoded = base64.encodebytes(data).decode().replace("\n", "\r\n")
        parts.append(
            f"Content-Type: application/octet-stream; name=\"{name}\"\r\n"
            f"Content-Disposition: attachment; filename=\"{name}\"\r\n"
            f"Content-Transfer-Encoding: base64\r\n\r\n{encoded}"
        )
    body_text = "".join(f"--{boundary}\r\n{p}" for p in parts) + f"--{boundary}--\r\n"
    return (head + f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
            + body_text).encode()


async def deliver_one(org, raw: bytes, local: str = "admin") -> str:  # type: ignore[no-untyped-def]
    report = await deliver_to(org.runtime, raw, f"{local}@{org.domain}")
    assert report.delivered, report
    return report.delivered[0].message_id


# --- tenant-isolation registry entries (tests/isolation.py) ---------------------------------

VICTIM = "/v1/accounts/admin@acme.test/mail/messages"


async def victim_spam_message(org) -> str:  # type: ignore[no-untyped-def]
    return await deliver_one(org, fixture("nested-multipart.eml"))


async def _entry(org, kind: str) -> str:  # type: ignore[no-untyped-def]
    resp = await org.client.post(f"/v1/mail/spam/{kind}list", json={"value": "victim.example"},
                                 headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def victim_allow_entry(org) -> str:  # type: ignore[no-untyped-def]
    return await _entry(org, "allow")


async def victim_block_entry(org) -> str:  # type: ignore[no-untyped-def]
    return await _entry(org, "block")


SPAM_MESSAGE_ROUTES = [
    ("GET", VICTIM + "/{id}/spam"),
    ("POST", VICTIM + "/{id}/report_spam"),
    ("POST", VICTIM + "/{id}/report_not_spam"),
]
SPAM_MESSAGE_GRAPHQL = [
    "query($id: ID!) { mailMessageSpam(id: $id) { scored } }",
    "mutation($id: ID!) { reportMailSpam(id: $id) { learned } }",
    "mutation($id: ID!) { reportMailNotSpam(id: $id) { learned } }",
]
ALLOW_ROUTES = [
    ("GET", "/v1/mail/spam/allowlist/{id}"),
    ("DELETE", "/v1/mail/spam/allowlist/{id}"),
]
BLOCK_ROUTES = [
    ("GET", "/v1/mail/spam/blocklist/{id}"),
    ("DELETE", "/v1/mail/spam/blocklist/{id}"),
]
LIST_ENTRY_GRAPHQL = [
    "query($id: ID!) { spamListEntry(id: $id) { id value } }",
    "mutation($id: ID!) { deleteSpamListEntry(id: $id) }",
]


async def victim_sender_entry(org) -> str:  # type: ignore[no-untyped-def]
    resp = await org.client.post(
        f"/v1/accounts/admin@{org.domain}/mail/sender_lists/block",
        json={"value": "victim.example"}, headers=await org.headers())
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


SENDER_ROUTES = [("DELETE", "/v1/accounts/admin@acme.test/mail/sender_lists/block/{id}")]
SENDER_GRAPHQL = [
    'mutation($id: ID!) { deleteMailSenderEntry(account: "admin@acme.test", list: BLOCK, '
    "id: $id) }",
]
