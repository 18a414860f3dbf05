"""Messages and folders over REST: list filters and pagination, get with sanitised HTML,
attachments with Range and RFC 6266 names, flags and moves in bulk, delete, delta sync,
threads and O(1) counts."""

from __future__ import annotations

from urllib.parse import quote

from tests.factories.mail import deliver_to, fixture, simple_message


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


async def _folders(client, headers, account) -> dict[str, dict]:
    resp = await client.get(url(account, "/folders"), headers=headers)
    assert resp.status_code == 200, resp.text
    return {f["role"] or f["name"]: f for f in resp.json()["data"]}


async def test_system_folders_exist_with_stable_roles(client, alice, headers):
    folders = await _folders(client, headers, alice.address)
    assert {"inbox", "drafts", "sent", "outbox", "archive", "junk", "trash"} <= set(folders)
    again = await _folders(client, headers, alice.address)
    assert {k: v["id"] for k, v in folders.items()} == {k: v["id"] for k, v in again.items()}


async def test_counts_follow_delivery_reads_moves_and_deletes(client, org, alice, headers):
    ids = [
        (await deliver_to(org.runtime, simple_message(f"m{i}", f"body {i}"), alice.address))
        .delivered[0]
        .message_id
        for i in range(3)
    ]
    folders = await _folders(client, headers, alice.address)
    assert (folders["inbox"]["total_count"], folders["inbox"]["unread_count"]) == (3, 3)
    await client.patch(
        url(alice.address, f"/messages/{ids[0]}"), json={"seen": True}, headers=headers
    )
    await client.patch(
        url(alice.address, f"/messages/{ids[1]}"),
        json={"folder_id": folders["archive"]["id"]},
        headers=headers,
    )
    await client.delete(url(alice.address, f"/messages/{ids[2]}"), headers=headers)
    counts = (await client.get(url(alice.address, "/counts"), headers=headers)).json()
    by_role = {f["role"]: f for f in counts["folders"]}
    assert (by_role["inbox"]["total_count"], by_role["inbox"]["unread_count"]) == (1, 0)
    assert (by_role["archive"]["total_count"], by_role["archive"]["unread_count"]) == (1, 1)
    assert by_role["trash"]["total_count"] == 1
    assert counts["unread_count"] == 0 and counts["total_unread"] == 1
    # for good from trash
    resp = await client.delete(url(alice.address, f"/messages/{ids[2]}"), headers=headers)
    assert resp.status_code == 204
    assert (
        await client.get(url(alice.address, f"/messages/{ids[2]}"), headers=headers)
    ).status_code == 404
    folders = await _folders(client, headers, alice.address)
    assert folders["trash"]["total_count"] == 0


async def test_list_is_newest_first_with_stable_cursor(client, org, alice, headers):
    for i in range(5):
        await deliver_to(org.runtime, simple_message(f"n{i}"), alice.address)
    first = await client.get(url(alice.address, "/messages"), params={"limit": 2}, headers=headers)
    page1 = first.json()
    assert [m["subject"] for m in page1["data"]] == ["n4", "n3"]
    await deliver_to(org.runtime, simple_message("newer"), alice.address)
    page2 = (
        await client.get(
            url(alice.address, "/messages"),
            headers=headers,
            params={"limit": 2, "cursor": page1["next_cursor"]},
        )
    ).json()
    assert [m["subject"] for m in page2["data"]] == ["n2", "n1"]
    bad = await client.get(
        url(alice.address, "/messages"), headers=headers, params={"cursor": "garbage!!"}
    )
    assert bad.status_code == 400


async def test_list_filters(client, org, alice, headers):
    a = await deliver_to(org.runtime, fixture("nested-multipart.eml"), alice.address)
    await deliver_to(org.runtime, simple_message("plain one"), alice.address)
    a_id = a.delivered[0].message_id
    await client.patch(
        url(alice.address, f"/messages/{a_id}"), json={"flagged": True}, headers=headers
    )

    async def subjects(**params):
        resp = await client.get(url(alice.address, "/messages"), params=params, headers=headers)
        assert resp.status_code == 200, resp.text
        return [m["subject"] for m in resp.json()["data"]]

    nested = "Nested structure with inline image"
    assert await subjects(flagged="true") == [nested]
    assert await subjects(has_attachments="true") == [nested]
    assert await subjects(unread="true", has_attachments="false") == ["plain one"]
    assert await subjects(**{"from": "jane@example.com"}) == [nested]
    assert await subjects(to="carol@example.com") == [nested]
    assert await subjects(since="2030-01-01T00:00:00Z") == []
    thread = (await client.get(url(alice.address, f"/messages/{a_id}"), headers=headers)).json()[
        "thread_id"
    ]
    assert await subjects(thread_id=thread) == [nested]
    missing = await client.get(
        url(alice.address, "/messages"), headers=headers, params={"folder_id": "fld_nope"}
    )
    assert missing.status_code == 404


async def test_get_message_sanitises_html_and_lists_attachments(client, org, alice, headers):
    msg_id = (
        (await deliver_to(org.runtime, fixture("nested-multipart.eml"), alice.address))
        .delivered[0]
        .message_id
    )
    resp = await client.get(url(alice.address, f"/messages/{msg_id}"), headers=headers)
    body = resp.json()
    assert resp.headers["etag"]
    assert "<script" not in body["html"] and "javascript:" not in body["html"]
    assert "onclick" not in body["html"]
    assert 'src="cid:logo@example.com"' in body["html"]
    assert body["from"] == {"name": "Doe, Jane", "address": "jane@example.com"}
    assert body["cc"] == [{"name": "José", "address": "jose@example.com"}]
    assert body["priority"] == "high"
    assert body["references"] == ["<root-000@example.com>", "<parent-000@example.com>"]
    names = {a["filename"]: a for a in body["attachments"]}
    assert names["报告 2024.pdf"]["size"] == len(b"%PDF-1.4 fake pdf content")
    inline = [a for a in body["attachments"] if a["inline"]]
    assert inline[0]["content_id"] == "logo@example.com"
    assert any(h["name"] == "X-Priority" for h in body["headers"])


async def test_attachment_download_with_range_and_rfc6266_name(client, org, alice, headers):
    msg_id = (
        (await deliver_to(org.runtime, fixture("nested-multipart.eml"), alice.address))
        .delivered[0]
        .message_id
    )
    att = next(
        a
        for a in (
            await client.get(url(alice.address, f"/messages/{msg_id}"), headers=headers)
        ).json()["attachments"]
        if a["content_type"] == "application/pdf"
    )
    path = url(alice.address, f"/messages/{msg_id}/attachments/{att['id']}")
    full = await client.get(path, headers=headers)
    assert full.status_code == 200 and full.content == b"%PDF-1.4 fake pdf content"
    disposition = full.headers["content-disposition"]
    assert f"filename*=UTF-8''{quote('报告 2024.pdf', safe='')}" in disposition
    assert 'filename="' in disposition and full.headers["accept-ranges"] == "bytes"
    part = await client.get(path, headers={**headers, "Range": "bytes=5-7"})
    assert part.status_code == 206 and part.content == b"1.4"
    assert part.headers["content-range"] == f"bytes 5-7/{len(full.content)}"
    tail = await client.get(path, headers={**headers, "Range": "bytes=-7"})
    assert tail.content == b"content"
    bad = await client.get(path, headers={**headers, "Range": "bytes=999-"})
    assert bad.status_code == 416 and bad.headers["content-range"] == f"bytes */{len(full.content)}"
    assert (
        await client.get(url(alice.address, f"/messages/{msg_id}/attachments/9"), headers=headers)
    ).status_code == 404


async def test_bulk_update_and_delete_up_to_a_thousand(client, org, alice, headers):
    ids = [
        (await deliver_to(org.runtime, simple_message(f"b{i}"), alice.address))
        .delivered[0]
        .message_id
        for i in range(4)
    ]
    resp = await client.post(
        url(alice.address, "/messages/bulk-update"),
        headers=headers,
        json={"ids": [*ids, "msg_missing"], "seen": True, "add_keywords": ["$label1"]},
    )
    assert resp.status_code == 200, resp.text
    assert sorted(resp.json()["updated"]) == sorted(ids)
    assert resp.json()["not_found"] == ["msg_missing"]
    listed = (await client.get(url(alice.address, "/messages"), headers=headers)).json()["data"]
    assert all(m["seen"] and m["keywords"] == ["$label1"] for m in listed)
    too_many = await client.post(
        url(alice.address, "/messages/bulk-update"),
        headers=headers,
        json={"ids": [f"msg_{i}" for i in range(1001)], "seen": True},
    )
    assert too_many.status_code == 422
    gone = await client.post(
        url(alice.address, "/messages/bulk-delete"),
        headers=headers,
        json={"ids": ids[:2], "permanent": True},
    )
    assert sorted(gone.json()["deleted"]) == sorted(ids[:2])
    folders = await _folders(client, headers, alice.address)
    assert folders["inbox"]["total_count"] == 2 and folders["trash"]["total_count"] == 0


async def test_etag_if_match_on_message_update(client, org, alice, headers):
    msg_id = (
        (await deliver_to(org.runtime, simple_message("etag"), alice.address))
        .delivered[0]
        .message_id
    )
    got = await client.get(url(alice.address, f"/messages/{msg_id}"), headers=headers)
    first = await client.patch(
        url(alice.address, f"/messages/{msg_id}"),
        json={"seen": True},
        headers={**headers, "If-Match": got.headers["etag"]},
    )
    assert first.status_code == 200
    stale = await client.patch(
        url(alice.address, f"/messages/{msg_id}"),
        json={"seen": False},
        headers={**headers, "If-Match": got.headers["etag"]},
    )
    assert stale.status_code == 412


async def test_custom_folders_nest_rename_move_and_delete_to_trash(client, org, alice, headers):
    projects = (
        await client.post(
            url(alice.address, "/folders"), headers=headers, json={"name": "Projects"}
        )
    ).json()
    child = await client.post(
        url(alice.address, "/folders"),
        headers=headers,
        json={"name": "2024", "parent_id": projects["id"]},
    )
    assert child.status_code == 201
    child = child.json()
    dup = await client.post(
        url(alice.address, "/folders"), headers=headers, json={"name": "projects"}
    )
    assert dup.status_code == 409
    cycle = await client.patch(
        url(alice.address, f"/folders/{projects['id']}"),
        headers=headers,
        json={"parent_id": child["id"]},
    )
    assert cycle.status_code == 422
    renamed = await client.patch(
        url(alice.address, f"/folders/{child['id']}"),
        headers=headers,
        json={"name": "Y2024", "parent_id": None},
    )
    assert renamed.status_code == 200 and renamed.json()["parent_id"] is None
    moved = await client.patch(
        url(alice.address, f"/folders/{child['id']}"),
        headers=headers,
        json={"parent_id": projects["id"]},
    )
    assert moved.json()["parent_id"] == projects["id"]
    folders = await _folders(client, headers, alice.address)
    inbox_fixed = await client.patch(
        url(alice.address, f"/folders/{folders['inbox']['id']}"),
        headers=headers,
        json={"name": "Mine"},
    )
    assert inbox_fixed.status_code == 422
    assert (
        await client.delete(
            url(alice.address, f"/folders/{folders['inbox']['id']}"), headers=headers
        )
    ).status_code == 422

    msg_id = (
        (await deliver_to(org.runtime, simple_message("filed"), alice.address))
        .delivered[0]
        .message_id
    )
    await client.patch(
        url(alice.address, f"/messages/{msg_id}"), headers=headers, json={"folder_id": child["id"]}
    )
    resp = await client.delete(url(alice.address, f"/folders/{projects['id']}"), headers=headers)
    assert resp.status_code == 204
    folders = await _folders(client, headers, alice.address)
    assert "Projects" not in folders and "Y2024" not in folders
    assert folders["trash"]["total_count"] == 1 and folders["trash"]["unread_count"] == 1
    msg = (await client.get(url(alice.address, f"/messages/{msg_id}"), headers=headers)).json()
    assert msg["folder_id"] == folders["trash"]["id"]


async def test_threads_group_replies_and_subject_fallback(client, org, alice, bob, headers):
    await deliver_to(
        org.runtime,
        simple_message("Launch plan", "v1", message_id="<launch-1@x.test>"),
        alice.address,
    )
    await deliver_to(
        org.runtime,
        simple_message(
            "Re: Launch plan",
            "v2",
            message_id="<launch-2@x.test>",
            extra="In-Reply-To: <launch-1@x.test>\r\nReferences: <launch-1@x.test>\r\n",
        ),
        alice.address,
    )
    await deliver_to(
        org.runtime,
        simple_message(
            "回复：Launch plan", "v3 without references", message_id="<launch-3@x.test>"
        ),
        alice.address,
    )
    await deliver_to(org.runtime, simple_message("Something else"), alice.address)
    threads = (await client.get(url(alice.address, "/threads"), headers=headers)).json()["data"]
    assert len(threads) == 2
    launch = next(t for t in threads if t["subject"] == "Launch plan")
    assert launch["message_count"] == 3 and launch["unread_count"] == 3
    detail = (
        await client.get(url(alice.address, f"/threads/{launch['id']}"), headers=headers)
    ).json()
    assert [m["snippet"] for m in detail["messages"]] == ["v1", "v2", "v3 without references"]
    # the list carries each row's conversation size (looked up by id, for this mailbox only)
    rows = (await client.get(url(alice.address, "/messages"), headers=headers)).json()["data"]
    assert sorted(r["thread_count"] for r in rows) == [1, 3, 3, 3]
    await deliver_to(org.runtime, simple_message("Launch plan", "v1"), bob.address)
    theirs = (await client.get(url(bob.address, "/messages"), headers=headers)).json()["data"]
    assert [r["thread_count"] for r in theirs] == [1]


async def test_delta_sync_reports_created_updated_deleted(client, org, alice, headers):
    start = (await client.get(url(alice.address, "/messages/changes"), headers=headers)).json()
    a = (await deliver_to(org.runtime, simple_message("d1"), alice.address)).delivered[0]
    b = (await deliver_to(org.runtime, simple_message("d2"), alice.address)).delivered[0]
    mid = (
        await client.get(
            url(alice.address, "/messages/changes"),
            headers=headers,
            params={"since": start["new_state"]},
        )
    ).json()
    assert sorted(mid["created"]) == sorted([a.message_id, b.message_id])
    await client.patch(
        url(alice.address, f"/messages/{a.message_id}"), json={"seen": True}, headers=headers
    )
    await client.delete(
        url(alice.address, f"/messages/{b.message_id}"),
        headers=headers,
        params={"permanent": "true"},
    )
    after = (
        await client.get(
            url(alice.address, "/messages/changes"),
            headers=headers,
            params={"since": mid["new_state"]},
        )
    ).json()
    assert after["updated"] == [a.message_id] and after["deleted"] == [b.message_id]
    bad = await client.get(
        url(alice.address, "/messages/changes"),
        headers=headers,
        params={"since": "bm90LWEtc3RhdGU"},
    )
    assert bad.status_code in (400, 410)


async def test_member_token_cannot_read_another_mailbox(client, org, alice, bob):
    from tests.factories.platform import user_tokens

    msg = (await deliver_to(org.runtime, simple_message("private"), bob.address)).delivered[0]
    tokens = await user_tokens(org, alice.address, "mail:read")
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.get(url(bob.address, "/messages"), headers=auth)).status_code == 404
    assert (
        await client.get(url("me", f"/messages/{msg.message_id}"), headers=auth)
    ).status_code == 404
    assert (await client.get(url("me", "/messages"), headers=auth)).status_code == 200


async def test_another_org_gets_404_even_naming_its_own_account(client, org, other_org, alice):
    msg = (await deliver_to(org.runtime, simple_message("secret"), alice.address)).delivered[0]
    theirs = f"admin@{other_org.domain}"
    for path in (
        f"/messages/{msg.message_id}",
        f"/messages/{msg.message_id}/raw",
        f"/messages/{msg.message_id}/attachments/1",
    ):
        resp = await client.get(url(theirs, path), headers=await other_org.headers())
        assert resp.status_code == 404, path
    resp = await client.patch(
        url(theirs, f"/messages/{msg.message_id}"),
        json={"seen": True},
        headers=await other_org.headers(),
    )
    assert resp.status_code == 404
    bulk = await client.post(
        url(theirs, "/messages/bulk-delete"),
        json={"ids": [msg.message_id], "permanent": True},
        headers=await other_org.headers(),
    )
    assert bulk.json()["not_found"] == [msg.message_id]
