"""Mail namespaces against a live server: sending, messages, folders, drafts, threads, spam
reports and lists, and the chunked upload helper (interrupted, then resumed)."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from itsdangerous import URLSafeSerializer
from mailplane_sdk import Mailplane, errors
from mailplane_sdk.generated.models import Message, MessageSummary, SendResult, Upload
from sqlalchemy import select

from api.runtime import Runtime
from api.storage.models import MailLink
from tests.sdk.conftest import Live, recording

CHUNK = 64 * 1024


@pytest.fixture(scope="module")
def server_options() -> dict[str, object]:
    # Attachments above 100 KB reach remote recipients as download links.
    return {"mail_link_threshold_bytes": 100_000}


@pytest.fixture(scope="module")
def people(mp: Mailplane, live: Live) -> tuple[str, str]:
    a = mp.accounts.create(address=f"li.na@{live.domain}", display_name="李娜").address
    b = mp.accounts.create(address=f"bob@{live.domain}", display_name="Bob").address
    return a, b


def test_send_and_read_messages(mp: Mailplane, people: tuple[str, str]) -> None:
    li, bob = people
    sent = mp.mail.send(
        li, to=[bob], subject="欢迎 Welcome", text="Your first mail", transactional=True
    )
    assert isinstance(sent, SendResult) and sent.delivered == [bob]
    delivery = mp.mail.delivery(li, sent.id)
    assert delivery.message_id == sent.id and delivery.recipients == []  # local: delivered at once
    inbox = list(mp.mail.messages.list(bob, q="欢迎"))
    assert len(inbox) == 1 and isinstance(inbox[0], MessageSummary)
    message = mp.mail.messages.get(bob, inbox[0].id)
    assert isinstance(message, Message) and message.text and "Your first mail" in message.text
    assert b"Subject:" in mp.mail.messages.raw(bob, message.id)
    assert mp.mail.counts(bob).unread_count == 1
    assert mp.mail.messages.update(bob, message.id, seen=True, flagged=True).flagged is True
    assert mp.mail.counts(bob).unread_count == 0
    profile = mp.mail.client_profile(bob)
    assert b"com.apple.mail.managed" in profile and bob.encode() in profile

    state = mp.mail.messages.changes(bob).new_state
    raw = (
        f"From: {bob}\r\nTo: {li}\r\nSubject: raw hello\r\nMessage-ID: <raw-1@acme.test>\r\n"
        "\r\nsent as it is\r\n"
    ).encode()
    assert mp.mail.send_raw(bob, raw).delivered == [li]
    reply = mp.mail.send(
        bob, to=[li], subject="Re: 欢迎 Welcome", text="thanks", reply_to_message_id=message.id
    )
    thread = mp.mail.threads.get(bob, message.thread_id)
    assert {m.id for m in thread.messages} >= {message.id, reply.id}
    assert message.thread_id in [t.id for t in mp.mail.threads.list(bob)]
    assert reply.id in mp.mail.messages.changes(bob, since=state).created

    verdict = mp.mail.messages.spam_verdict(bob, message.id)
    assert verdict.message_id == message.id
    assert mp.mail.messages.report_spam(bob, message.id).label.value == "spam"
    assert mp.mail.messages.report_not_spam(bob, message.id).label.value == "ham"
    blocked = mp.mail.senders.add(bob, "block", value="Spammer@Example.NET", action="trash")
    assert (blocked.value, blocked.action.value) == ("spammer@example.net", "trash")
    assert [e.id for e in mp.mail.senders.list(bob, "block")] == [blocked.id]
    mp.mail.senders.delete(bob, "block", blocked.id)
    assert list(mp.mail.senders.list(bob, "block")) == []

    ids = [m.id for m in mp.mail.messages.list(li)]
    assert sorted(mp.mail.messages.bulk_update(li, ids=ids, seen=True).updated) == sorted(ids)
    assert mp.mail.messages.bulk_delete(li, ids=ids[:1]).updated == ids[:1]  # moved to trash
    assert mp.mail.messages.bulk_delete(li, ids=ids[:1], permanent=True).deleted == ids[:1]
    mp.mail.messages.delete(bob, message.id, permanent=True)
    with pytest.raises(errors.NotFound):
        mp.mail.messages.get(bob, message.id)


def test_folders(mp: Mailplane, people: tuple[str, str]) -> None:
    li, _ = people
    roles = {f.role for f in mp.mail.folders.list(li)}
    assert "inbox" in roles
    folder = mp.mail.folders.create(li, name="Projects")
    assert mp.mail.folders.get(li, folder.id).name == "Projects"
    assert mp.mail.folders.update(li, folder.id, name="项目").name == "项目"
    mp.mail.folders.delete(li, folder.id)
    assert folder.id not in [f.id for f in mp.mail.folders.list(li)]


def test_drafts(mp: Mailplane, people: tuple[str, str]) -> None:
    li, bob = people
    draft = mp.mail.drafts.create(li, subject="Draft", text="first")
    draft = mp.mail.drafts.update(li, draft.id, to=[bob], text="second")
    draft = mp.mail.drafts.add_attachment(
        li, draft.id, filename="note.txt", content_type="text/plain", content_base64="aGVsbG8="
    )
    assert [a.filename for a in draft.attachments] == ["note.txt"]
    sent = mp.mail.drafts.send(li, draft.id)
    assert sent.delivered == [bob]
    received = next(iter(mp.mail.messages.list(bob, q="Draft")))
    part = received.attachments[0]
    assert mp.mail.messages.attachment(bob, received.id, part.id) == b"hello"


def test_scheduled_send_and_undo(mp: Mailplane, people: tuple[str, str]) -> None:
    li, bob = people
    draft = mp.mail.drafts.create(li, to=[bob], subject="Undo SDK", text="x")
    when = datetime.now(UTC) + timedelta(hours=1)
    result = mp.mail.drafts.send(li, draft.id, send_at=when)
    assert result.status == "scheduled"
    assert [m.id for m in mp.mail.scheduled.list(li)] == [draft.id]
    back = mp.mail.scheduled.cancel(li, draft.id)
    assert back.draft is True
    assert list(mp.mail.scheduled.list(li)) == []
    with pytest.raises(errors.Conflict) as caught:
        mp.mail.scheduled.cancel(li, draft.id)
    assert caught.value.code == "not_scheduled"


def test_mail_settings(mp: Mailplane, people: tuple[str, str]) -> None:
    li, bob = people
    assert mp.mail.settings.get(li).auto_reply.enabled is False
    out = mp.mail.settings.update(
        li, signature="李娜", auto_reply={"enabled": True, "text": "休假中",
                                          "ends_at": datetime(2030, 1, 1, tzinfo=UTC)},
        forwarding={"enabled": True, "address": bob},
    )
    assert out.signature == "李娜" and out.forwarding.address == bob
    assert mp.mail.settings.get(li).auto_reply.text == "休假中"
    with pytest.raises(errors.Forbidden) as caught:
        mp.mail.settings.update(li, forwarding={"address": "x@elsewhere.example"})
    assert caught.value.code == "forwarding_not_allowed"
    mp.mail.settings.update(li, auto_reply={"enabled": False}, forwarding={"enabled": False})


class ReadCounter(io.BufferedReader):
    """A file that remembers the largest single read."""

    largest = 0

    def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        data = super().read(size)
        ReadCounter.largest = max(ReadCounter.largest, len(data))
        return data


class Interrupt(httpx.BaseTransport):
    """Breaks the 2nd chunk before it reaches the server and loses the 4th chunk's answer."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.log: list[str] = []
        self.puts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            self.puts += 1
            self.log.append(f"PUT {request.headers['content-range']}")
            if self.puts == 2:
                raise httpx.ConnectError("network down")
            response = self.inner.handle_request(request)
            if self.puts == 4:
                response.read()
                raise httpx.ReadError("connection reset")
            return response
        if "/v1/uploads/" in request.url.path:
            self.log.append(f"{request.method} {request.url.path.rsplit('/', 1)[-1]}")
        return self.inner.handle_request(request)


def test_upload_survives_interruptions_and_resumes(
    live: Live, people: tuple[str, str], tmp_path: Path
) -> None:
    li, bob = people
    path = tmp_path / "report.pdf"
    content = os.urandom(5 * CHUNK + 123)
    path.write_bytes(content)
    broken = Interrupt(recording())
    with Mailplane(
        live.url, live.client_id, live.client_secret, transport=broken, max_retries=0
    ) as mp:
        with ReadCounter(open(path, "rb")) as fh:  # noqa: SIM115
            upload = mp.mail.upload(li, fh, filename="report.pdf", chunk_size=CHUNK)
        assert ReadCounter.largest <= CHUNK
        assert isinstance(upload, Upload) and upload.state.value == "committed"
        assert upload.sha256 == hashlib.sha256(content).hexdigest()
        assert upload.content_type == "application/pdf"
        puts = [entry for entry in broken.log if entry.startswith("PUT")]
        total = len(content)
        ranges = [
            f"PUT bytes {s}-{min(s + CHUNK, total) - 1}/{total}" for s in range(0, total, CHUNK)
        ]
        # chunk 2 again after its failure; chunk 4 not again: the server had it
        assert puts == [ranges[0], ranges[1], ranges[1], *ranges[2:]]
        assert broken.log.count(f"GET {upload.id}") == 2
        sent = mp.mail.send(
            li,
            to=[bob],
            subject="the report",
            text="attached",
            attachments=[{"upload_id": upload.id}],
        )
    assert sent.delivered == [bob]
    with Mailplane(live.url, live.client_id, live.client_secret, transport=recording()) as mp:
        got = next(iter(mp.mail.messages.list(bob, q="report")))
        assert mp.mail.messages.attachment(bob, got.id, got.attachments[0].id) == content


def test_upload_resumes_an_earlier_session(
    mp: Mailplane, people: tuple[str, str], tmp_path: Path
) -> None:
    li, _ = people
    content = os.urandom(3 * CHUNK)
    path = tmp_path / "data.bin"
    path.write_bytes(content)
    started = mp.mail.uploads.create(li, filename="data.bin", size=len(content))
    mp.mail.uploads.put(started.id, content[:CHUNK], start=0, total=len(content))
    assert mp.mail.uploads.get(started.id).received == [[0, CHUNK]]
    with pytest.raises(errors.UploadIncomplete):
        mp.mail.uploads.commit(started.id)
    done = mp.mail.upload(li, path, chunk_size=CHUNK, upload_id=started.id)
    assert done.id == started.id and done.sha256 == hashlib.sha256(content).hexdigest()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert mp.mail.upload(li, empty).size == 0
    doomed = mp.mail.uploads.create(li, filename="x.bin", size=10)
    mp.mail.uploads.delete(doomed.id)
    with pytest.raises(errors.NotFound):
        mp.mail.uploads.get(doomed.id)


def test_large_attachment_link_for_remote_recipients(
    mp: Mailplane, live: Live, people: tuple[str, str], tmp_path: Path
) -> None:
    li, _ = people
    content = os.urandom(150_000)
    path = tmp_path / "big.bin"
    path.write_bytes(content)
    upload = mp.mail.upload(li, path, chunk_size=CHUNK)
    sent = mp.mail.send(
        li,
        to=["partner@example.org"],
        subject="big",
        text="see link",
        attachments=[{"upload_id": upload.id}],
    )
    assert sent.queued == ["partner@example.org"]
    delivery = mp.mail.delivery(li, sent.id)
    assert [(r.recipient, r.status.value) for r in delivery.recipients] == [
        ("partner@example.org", "queued")
    ]
    token = asyncio.run(_link_token(live))
    assert mp.mail.download_link(token) == content


async def _link_token(live: Live) -> str:
    runtime = Runtime.build(live.settings)
    try:
        async with runtime.db.session() as session:
            link_id = (await session.execute(select(MailLink.id))).scalars().one()
    finally:
        await runtime.db.dispose()
    signer = URLSafeSerializer(live.settings.signing_key(), salt="mailplane.mail.link")
    return str(signer.dumps(link_id))


def test_spam_lists(mp: Mailplane) -> None:
    allowed = mp.spam.allowlist.create(value="partner.example", note="our partner")
    assert mp.spam.allowlist.get(allowed.id).value == "partner.example"
    assert allowed.id in [e.id for e in mp.spam.allowlist.list()]
    mp.spam.allowlist.delete(allowed.id)
    blocked = mp.spam.blocklist.create(value="spammer@bad.example")
    assert mp.spam.blocklist.get(blocked.id).scope.value == "address"
    assert blocked.id in [e.id for e in mp.spam.blocklist.list()]
    mp.spam.blocklist.delete(blocked.id)
    with pytest.raises(errors.NotFound):
        mp.spam.blocklist.get(blocked.id)
