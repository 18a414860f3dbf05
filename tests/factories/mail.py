"""Mail factories: fixture messages from tests/fixtures/mail, delivery into mailboxes."""

from __future__ import annotations

from pathlib import Path

from api.mail.delivery.deliver import DeliveryReport, deliver
from api.runtime import Runtime

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mail"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def corpus() -> list[str]:
    return sorted(p.name for p in FIXTURES.glob("*.eml"))


def simple_message(
    subject: str = "Hello",
    body: str = "Hi there",
    *,
    sender: str = "ext@example.net",
    to: str = "someone@example.net",
    message_id: str | None = None,
    extra: str = "",
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


# --- tenant-isolation registry entries (tests/isolation.py) ---------------------------------

VICTIM = "/v1/accounts/admin@acme.test/mail"


async def victim_message(org) -> str:  # type: ignore[no-untyped-def]
    report = await deliver_to(org.runtime, fixture("nested-multipart.eml"), f"admin@{org.domain}")
    return report.delivered[0].message_id


async def victim_thread(org) -> str:  # type: ignore[no-untyped-def]
    resp = await org.client.get(
        f"{VICTIM}/messages/{await victim_message(org)}", headers=await org.headers()
    )
    return str(resp.json()["thread_id"])


async def victim_folder(org) -> str:  # type: ignore[no-untyped-def]
    resp = await org.client.post(
        f"{VICTIM}/folders", json={"name": "Victim"}, headers=await org.headers()
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def victim_draft(org) -> str:  # type: ignore[no-untyped-def]
    resp = await org.client.post(
        f"{VICTIM}/drafts",
        json={"subject": "secret draft", "to": ["x@example.net"]},
        headers=await org.headers(),
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def victim_upload(org) -> str:  # type: ignore[no-untyped-def]
    resp = await org.client.post(
        f"{VICTIM}/uploads", json={"filename": "v.bin", "size": 4}, headers=await org.headers()
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


MESSAGE_ROUTES = [
    ("GET", VICTIM + "/messages/{id}"),
    ("GET", VICTIM + "/messages/{id}/raw"),
    ("GET", VICTIM + "/messages/{id}/attachments/2"),
    ("PATCH", VICTIM + "/messages/{id}", {"seen": True}),
    ("DELETE", VICTIM + "/messages/{id}"),
]
MESSAGE_GRAPHQL = [
    "query($id: ID!) { mailMessage(id: $id) { id subject } }",
    "mutation($id: ID!) { updateMailMessage(id: $id, input: {seen: true}) { id } }",
    "mutation($id: ID!) { deleteMailMessage(id: $id, permanent: true) }",
]
THREAD_ROUTES = [("GET", VICTIM + "/threads/{id}")]
THREAD_GRAPHQL = ["query($id: ID!) { mailThread(id: $id) { id } }"]
FOLDER_ROUTES = [
    ("GET", VICTIM + "/folders/{id}"),
    ("PATCH", VICTIM + "/folders/{id}", {"name": "pwned"}),
    ("DELETE", VICTIM + "/folders/{id}"),
]
FOLDER_GRAPHQL = [
    "query($id: ID!) { mailFolder(id: $id) { id } }",
    'mutation($id: ID!) { updateMailFolder(id: $id, name: "pwned") { id } }',
    "mutation($id: ID!) { deleteMailFolder(id: $id) }",
]
DRAFT_ROUTES = [
    ("GET", VICTIM + "/messages/{id}"),
    ("PATCH", VICTIM + "/drafts/{id}", {"subject": "pwned"}),
    ("POST", VICTIM + "/drafts/{id}/attachments", {"content_base64": "aGk=", "filename": "a"}),
    ("POST", VICTIM + "/drafts/{id}/send", {}),
]
DRAFT_GRAPHQL = ["mutation($id: ID!) { sendMailDraft(id: $id) { messageId } }"]
UPLOAD_ROUTES = [
    ("GET", "/v1/uploads/{id}"),
    ("PUT", "/v1/uploads/{id}", {}),
    ("POST", "/v1/uploads/{id}/commit", {}),
    ("DELETE", "/v1/uploads/{id}"),
]
