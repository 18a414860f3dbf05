"""`AsyncMailplane` against a live server: the same namespaces, awaited; async iteration over
pages; the upload flow; typed errors; the live event stream."""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path

import pytest
from mailplane_sdk import AsyncEventStream, AsyncMailplane, errors
from mailplane_sdk.generated.models import AccountCreated, Me

from tests.sdk.conftest import Live


async def test_async_namespaces(amp: AsyncMailplane, live: Live) -> None:
    me = await amp.me()
    assert isinstance(me, Me) and me.org_id == live.org_id
    made = [
        await amp.accounts.create(address=f"async{n}@{live.domain}", display_name=f"Async {n}")
        for n in range(5)
    ]
    assert all(isinstance(m, AccountCreated) for m in made)
    seen = [a.address async for a in amp.accounts.list(q="async", limit=2)]
    assert sorted(seen) == sorted(m.address for m in made)
    frozen = await asyncio.gather(*(amp.accounts.freeze(m.id) for m in made[:3]))
    assert {a.status.value for a in frozen} == {"frozen"}
    with pytest.raises(errors.NotFound) as info:
        await amp.accounts.get(f"missing@{live.domain}")
    assert info.value.request_id
    data = await amp.graphql("{ me { orgName } }")
    assert data == {"me": {"orgName": "Acme"}}
    assert (await amp.request("GET", "/v1/me"))["org_id"] == live.org_id


async def test_async_upload_and_send(amp: AsyncMailplane, live: Live, tmp_path: Path) -> None:
    sender = (
        await amp.accounts.create(address=f"async.sender@{live.domain}", display_name="S")
    ).address
    content = os.urandom(200_000)
    path = tmp_path / "a.bin"
    path.write_bytes(content)
    upload = await amp.mail.upload(sender, path, chunk_size=64 * 1024)
    assert upload.sha256 == hashlib.sha256(content).hexdigest()
    sent = await amp.mail.send(
        sender, to=[sender], subject="async", text="hi", attachments=[{"upload_id": upload.id}]
    )
    assert sent.delivered == [sender]
    inbox = [m async for m in amp.mail.messages.list(sender, q="async")]
    assert len(inbox) == 2 and all(m.has_attachments for m in inbox)  # Sent and Inbox


async def test_async_event_stream(amp: AsyncMailplane, live: Live) -> None:
    head = 0
    async for event in amp.events.list(after=0):
        head = event.sequence
    stream = amp.events.stream(types=["directory.department.*"], after=head, read_timeout=10)
    assert isinstance(stream, AsyncEventStream)
    await amp.departments.create(name="Async dept")
    async for event in stream:
        assert event.type == "directory.department.created" and event.sequence > head
        stream.close()
    assert stream.last_sequence is not None and stream.last_sequence > head
