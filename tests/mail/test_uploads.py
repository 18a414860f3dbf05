"""Upload sessions (chunks, resume, commit, bad ranges) and huge attachments: links for
remote recipients, real attachments stored once for local ones, streamed downloads."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import select, update

from api.kit.clock import utcnow
from api.mail.mime import parse_message
from api.mail.uploads.service import purge_expired
from api.storage.models import BlobRecord, MailOutbound, MailUpload
from tests.factories.platform import user_tokens


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


async def _upload(
    client,
    headers,
    account,
    data: bytes,
    *,
    chunk: int = 100_000,
    name: str = "big.bin",
    ctype: str = "application/octet-stream",
) -> dict:
    created = await client.post(
        url(account, "/uploads"),
        headers=headers,
        json={"filename": name, "content_type": ctype, "size": len(data)},
    )
    assert created.status_code == 201, created.text
    up = created.json()
    for start in range(0, len(data), chunk):
        piece = data[start : start + chunk]
        resp = await client.put(
            up["upload_url"],
            content=piece,
            headers={
                **headers,
                "Content-Range": f"bytes {start}-{start + len(piece) - 1}/{len(data)}",
            },
        )
        assert resp.status_code == 200, resp.text
    done = await client.post(f"{up['upload_url']}/commit", headers=headers)
    assert done.status_code == 200, done.text
    return done.json()


async def test_chunks_in_any_order_resume_and_commit(client, alice, headers):
    data = os.urandom(250_000)
    up = (
        await client.post(
            url(alice.address, "/uploads"),
            headers=headers,
            json={"filename": "r.bin", "size": len(data)},
        )
    ).json()
    assert up["state"] == "open" and up["upload_url"] == f"/v1/uploads/{up['id']}"
    second = await client.put(
        up["upload_url"],
        content=data[100_000:],
        headers={**headers, "Content-Range": f"bytes 100000-249999/{len(data)}"},
    )
    assert second.json()["received"] == [[100000, 250000]]
    early = await client.post(f"{up['upload_url']}/commit", headers=headers)
    assert early.status_code == 422 and early.json()["code"] == "upload_incomplete"
    held = await client.get(up["upload_url"], headers=headers)
    assert held.json()["received"] == [[100000, 250000]]
    await client.put(
        up["upload_url"],
        content=data[:100_000],
        headers={**headers, "Content-Range": f"bytes 0-99999/{len(data)}"},
    )
    sha = hashlib.sha256(data).hexdigest()
    wrong = await client.post(
        f"{up['upload_url']}/commit", headers=headers, params={"sha256": "0" * 64}
    )
    assert wrong.status_code == 422 and wrong.json()["code"] == "checksum_mismatch"
    done = await client.post(f"{up['upload_url']}/commit", headers=headers, params={"sha256": sha})
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "committed" and done.json()["sha256"] == sha


async def test_bad_chunks_are_rejected_and_leave_nothing_behind(client, alice, headers):
    up = (
        await client.post(
            url(alice.address, "/uploads"),
            headers=headers,
            json={"filename": "x.bin", "size": 1000},
        )
    ).json()
    put = up["upload_url"]
    ok = await client.put(
        put, content=b"a" * 500, headers={**headers, "Content-Range": "bytes 0-499/1000"}
    )
    assert ok.status_code == 200
    cases = [
        ("bytes 400-599/1000", b"b" * 200, 422, "range_overlap"),
        ("bytes 900-1099/1000", b"c" * 200, 416, "range_not_satisfiable"),
        ("bytes 500-599/2000", b"d" * 100, 422, "size_mismatch"),
        ("bytes 500-599/1000", b"e" * 50, 422, "validation_failed"),
        ("bytes 500-599/1000", b"f" * 150, 422, "validation_failed"),
        ("garbage", b"g", 422, "validation_failed"),
    ]
    for header, body, status, code in cases:
        resp = await client.put(put, content=body, headers={**headers, "Content-Range": header})
        assert resp.status_code == status, (header, resp.text)
        assert resp.json()["code"] == code, header
    state = (await client.get(put, headers=headers)).json()
    assert state["received"] == [[0, 500]] and state["received_bytes"] == 500
    unknown = await client.put(
        "/v1/uploads/upl_nope", content=b"x", headers={**headers, "Content-Range": "bytes 0-0/1"}
    )
    assert unknown.status_code == 404
    huge = await client.post(
        url(alice.address, "/uploads"), headers=headers, json={"filename": "h", "size": 10**15}
    )
    assert huge.status_code == 413


async def test_sending_an_unknown_or_unfinished_upload_is_rejected(client, alice, bob, headers):
    up = (
        await client.post(
            url(alice.address, "/uploads"), headers=headers, json={"filename": "x.bin", "size": 10}
        )
    ).json()
    for upload_id, status in (("upl_missing", 404), (up["id"], 422)):
        resp = await client.post(
            url(alice.address, "/send"),
            headers=headers,
            json={"to": [bob.address], "attachments": [{"upload_id": upload_id}]},
        )
        assert resp.status_code == status, resp.text
    # an upload of another account of the same organisation is not yours to attach
    other = await _upload(client, headers, bob.address, b"bob's file")
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={"to": [bob.address], "attachments": [{"upload_id": other["id"]}]},
    )
    assert resp.status_code == 404


async def test_uploads_are_private_to_the_caller(client, org, other_org, alice, bob, headers):
    up = (
        await client.post(
            url(alice.address, "/uploads"), headers=headers, json={"filename": "x.bin", "size": 10}
        )
    ).json()
    theirs = await other_org.headers()
    assert (await client.get(up["upload_url"], headers=theirs)).status_code == 404
    assert (
        await client.put(
            up["upload_url"],
            content=b"0123456789",
            headers={**theirs, "Content-Range": "bytes 0-9/10"},
        )
    ).status_code == 404
    tokens = await user_tokens(org, bob.address, "mail:send")
    bob_auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.get(up["upload_url"], headers=bob_auth)).status_code == 404


async def test_huge_attachment_goes_as_link_to_remote_and_whole_to_local(
    client, org, alice, bob, headers, monkeypatch
):
    monkeypatch.setattr(org.runtime.settings, "mail_link_threshold_bytes", 100_000)
    data = os.urandom(300_001)
    up = await _upload(
        client, headers, alice.address, data, name="设计稿 final.zip", ctype="application/zip"
    )
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={
            "to": [bob.address, "partner@example.net"],
            "subject": "Big file",
            "text": "Here it is.",
            "attachments": [
                {"upload_id": up["id"]},
                {"content_base64": "c21hbGw=", "filename": "small.txt"},
            ],
        },
    )
    assert resp.status_code == 202, resp.text

    got = (await client.get(url(bob.address, "/messages"), headers=headers)).json()["data"][0]
    big = next(a for a in got["attachments"] if a["filename"] == "设计稿 final.zip")
    assert big["size"] == len(data)
    path = url(bob.address, f"/messages/{got['id']}/attachments/{big['id']}")
    whole = await client.get(path, headers=headers)
    assert whole.content == data
    piece = await client.get(
        path, headers={**headers, "Range": "bytes 123456-200000".replace(" ", "=")}
    )
    assert piece.status_code == 206 and piece.content == data[123456:200001]

    async with org.runtime.db.session() as session:
        outbound = await session.scalar(select(MailOutbound))
    remote_raw = await org.runtime.blobs.read_all(outbound.blob_sha256)
    assert len(remote_raw) < 100_000 and b"small.txt" in remote_raw
    remote = parse_message(remote_raw)
    assert [a["filename"] for a in remote.attachments] == ["small.txt"]
    assert "设计稿 final.zip" in remote.text and remote.text.startswith("Here it is.")
    link = next(line for line in remote.text.splitlines() if "/v1/mail/links/" in line)
    link_path = urlsplit(link.split(": ", 1)[1].strip()).path
    downloaded = await client.get(link_path)  # no token: the link is the key
    assert downloaded.status_code == 200 and downloaded.content == data
    assert "filename*=UTF-8''" in downloaded.headers["content-disposition"]
    ranged = await client.get(link_path, headers={"Range": "bytes=0-9"})
    assert ranged.content == data[:10]
    forged = await client.get(link_path[:-3] + "abc")
    assert forged.status_code == 404


async def test_local_copies_of_a_huge_attachment_share_one_blob(
    client, org, alice, bob, headers, monkeypatch
):
    carol = await org.add_account("carol")
    data = os.urandom(200_000)
    up = await _upload(client, headers, alice.address, data)
    resp = await client.post(
        url(alice.address, "/send"),
        headers=headers,
        json={"to": [bob.address, carol.address], "attachments": [{"upload_id": up["id"]}]},
    )
    assert resp.status_code == 202
    bob_msg = (await client.get(url(bob.address, "/messages"), headers=headers)).json()["data"][0]
    raw = (
        await client.get(url(bob.address, f"/messages/{bob_msg['id']}/raw"), headers=headers)
    ).content
    async with org.runtime.db.session() as session:
        blob = await session.get(BlobRecord, hashlib.sha256(raw).hexdigest())
    assert blob.refcount == 3  # Sent copy, bob, carol


async def test_expired_sessions_are_swept_with_their_parts(client, org, alice, headers):
    up = (
        await client.post(
            url(alice.address, "/uploads"), headers=headers, json={"filename": "x.bin", "size": 10}
        )
    ).json()
    chunk = b"expired..."[:5]
    put = await client.put(
        up["upload_url"], content=chunk, headers={**headers, "Content-Range": "bytes 0-4/10"}
    )
    assert put.status_code == 200, put.text
    sha = hashlib.sha256(chunk).hexdigest()
    assert await org.runtime.blobs.backend.exists(sha)  # the part is a blob in the store
    assert not (org.runtime.settings.data_dir / "uploads").exists()  # nothing on local disk
    async with org.runtime.db.session() as session:
        assert (await session.get(BlobRecord, sha)).refcount == 1
        await session.execute(update(MailUpload).values(expires_at=utcnow() - timedelta(hours=1)))
    assert (await client.get(up["upload_url"], headers=headers)).status_code == 404
    assert await purge_expired(org.runtime) == 1
    async with org.runtime.db.session() as session:
        assert (await session.get(BlobRecord, sha)).refcount == 0
        assert await org.runtime.blobs.collect(session, grace=timedelta(0)) == 1
    assert not await org.runtime.blobs.backend.exists(sha)
