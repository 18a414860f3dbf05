"""The store: every corpus message ingests, lists and round-trips byte-exact; bytes are
stored once; counters, quota and modseq stay exact."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select, update

from api.storage.models import Account, BlobRecord, Mailbox, MailMessage
from tests.factories.mail import corpus, deliver_to, fixture, simple_message


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


@pytest.mark.parametrize("name", corpus())
async def test_corpus_message_ingests_lists_and_round_trips_byte_exact(
    client, org, alice, headers, name
):
    raw = fixture(name)
    report = await deliver_to(org.runtime, raw, alice.address)
    assert [d.address for d in report.delivered] == [alice.address]
    msg_id = report.delivered[0].message_id

    listed = await client.get(url(alice.address, "/messages"), headers=headers)
    assert listed.status_code == 200, listed.text
    assert [m["id"] for m in listed.json()["data"]] == [msg_id]

    got = await client.get(url(alice.address, f"/messages/{msg_id}"), headers=headers)
    assert got.status_code == 200, got.text
    assert got.json()["size"] == len(raw)

    eml = await client.get(url(alice.address, f"/messages/{msg_id}/raw"), headers=headers)
    assert eml.status_code == 200
    assert eml.content == raw
    assert hashlib.sha256(eml.content).hexdigest() == hashlib.sha256(raw).hexdigest()


async def test_chinese_charsets_decode(client, org, alice, headers):
    expected = {
        "gb2312-split-encoded-words.eml": ("季度销售报告：华东区", "华东区业绩增长"),
        "big5-qp.eml": ("會議通知", "台北辦公室"),
        "gbk-labelled-gb2312.eml": ("朱镕基访问", "朱镕基总理"),
        "eightbit-gbk-unlabelled.eml": ("项目进度", "下周交付"),
        "utf16-body.eml": ("UTF-16 body", "你好，世界"),
        "sa-spam-big5-html.eml": ("re:我知道你需要更多機會,一起來吧!", "專業廣告公司"),
        "rfc2231-filename-iso2022jp.eml": ("会議資料", "資料を添付します"),
    }
    for name, (subject, text) in expected.items():
        report = await deliver_to(org.runtime, fixture(name), alice.address)
        body = (
            await client.get(
                url(alice.address, f"/messages/{report.delivered[0].message_id}"), headers=headers
            )
        ).json()
        assert body["subject"] == subject, name
        assert text in (body["text"] or ""), name


async def test_unparseable_input_is_stored_listed_and_flagged(client, org, alice, headers):
    raw = fixture("not-a-message.bin.eml")
    report = await deliver_to(org.runtime, raw, alice.address)
    msg = (await client.get(url(alice.address, "/messages"), headers=headers)).json()["data"][0]
    assert msg["id"] == report.delivered[0].message_id
    assert msg["parse_status"] == "failed"
    assert "no_headers" in msg["parse_problems"]
    raw_back = await client.get(url(alice.address, f"/messages/{msg['id']}/raw"), headers=headers)
    assert raw_back.content == raw


async def test_defective_mime_is_flagged_not_dropped(client, org, alice, headers):
    await deliver_to(org.runtime, fixture("bad-charset-broken-base64.eml"), alice.address)
    msg = (await client.get(url(alice.address, "/messages"), headers=headers)).json()["data"][0]
    assert msg["parse_status"] == "defects"
    assert "CloseBoundaryNotFoundDefect" in msg["parse_problems"]


async def test_same_bytes_to_many_mailboxes_are_stored_once(org, alice, bob):
    raw = simple_message("Stored once", "one copy of the bytes")
    report = await deliver_to(org.runtime, raw, alice.address, bob.address)
    assert len(report.delivered) == 2
    sha = hashlib.sha256(raw).hexdigest()
    async with org.runtime.db.session() as session:
        blob = await session.get(BlobRecord, sha)
        rows = (
            (
                await session.execute(
                    select(MailMessage.blob_sha256).where(MailMessage.org_id == org.id)
                )
            )
            .scalars()
            .all()
        )
    assert blob is not None and blob.refcount == 2
    assert rows == [sha, sha]
    assert len(list(org.runtime.settings.blob_dir.glob(f"*/*/{sha}"))) == 1


async def test_usage_counters_are_exact_and_quota_refuses_delivery(org, alice):
    raw = simple_message("Counted", "x" * 1000)
    await deliver_to(org.runtime, raw, alice.address)
    async with org.runtime.db.session() as session:
        box = await session.get(Mailbox, alice.id)
        assert (box.used_bytes, box.message_count) == (len(raw), 1)
        await session.execute(
            update(Account).where(Account.id == alice.id).values(quota_bytes=len(raw) + 10)
        )
    report = await deliver_to(org.runtime, simple_message("Over", "y" * 1000), alice.address)
    assert report.over_quota == [alice.address] and report.delivered == []
    async with org.runtime.db.session() as session:
        box = await session.get(Mailbox, alice.id)
        assert (box.used_bytes, box.message_count) == (len(raw), 1)


async def test_each_change_takes_a_new_modseq(client, org, alice, headers):
    report = await deliver_to(org.runtime, simple_message("Seq"), alice.address)
    msg_id = report.delivered[0].message_id
    async with org.runtime.db.session() as session:
        first = (await session.scalar(select(MailMessage).where(MailMessage.id == msg_id))).modseq
    resp = await client.patch(
        url(alice.address, f"/messages/{msg_id}"), json={"seen": True}, headers=headers
    )
    assert resp.status_code == 200
    async with org.runtime.db.session() as session:
        msg = await session.scalar(select(MailMessage).where(MailMessage.id == msg_id))
        assert msg.modseq > first


async def test_unknown_local_recipient_is_reported_not_delivered(org, alice):
    report = await deliver_to(org.runtime, simple_message(), f"nobody@{org.domain}", alice.address)
    assert report.unknown == [f"nobody@{org.domain}"]
    assert [d.address for d in report.delivered] == [alice.address]


async def test_inbound_mail_for_remote_addresses_is_not_relayed(org, alice):
    report = await deliver_to(org.runtime, simple_message(), "someone@elsewhere.example")
    assert report.queued == [] and report.unknown == ["someone@elsewhere.example"]


async def test_unlabelled_8bit_big5_and_gb_subjects_decode_by_evidence(client, org, alice, headers):
    """Both byte strings are valid GB18030 and valid Big5: the reading whose characters are
    the frequent ones of its charset wins, and the stored bytes stay as they came."""
    cases = [("會議通知：請準時出席", "big5"), ("下週一開會", "big5"), ("公司年度報告", "big5"),
             ("会议通知：请准时出席", "gb18030"), ("下周一开会", "gb18030"), ("您好", "gb18030")]
    for subject, charset in cases:
        encoded = subject.encode(charset)
        raw = (b"From: a@example.net\r\nTo: " + alice.address.encode() + b"\r\nSubject: " + encoded
               + b"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nbody\r\n")
        report = await deliver_to(org.runtime, raw, alice.address)
        message_id = report.delivered[0].message_id
        got = await client.get(url(alice.address, f"/messages/{message_id}"), headers=headers)
        body = got.json()
        assert body["subject"] == subject, (charset, body["subject"])
        stored = await client.get(url(alice.address, f"/messages/{message_id}/raw"),
                                  headers=headers)
        assert encoded in stored.content
