"""Scheduled sends and undo-send: a draft sent with `send_at` waits in Outbox, is listed,
can be cancelled back into Drafts (and is then never sent), and cannot be cancelled once
sent; bad input and other organisations get the documented errors."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from api.kit.clock import utcnow
from api.storage.models import Job, MailMessage
from api.worker.runner import run_once


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


async def _draft(client, headers, account: str, to: str, subject: str = "Undo me") -> str:
    resp = await client.post(
        url(account, "/drafts"), headers=headers,
        json={"to": [to], "subject": subject, "text": "hello"},
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def _subjects(client, headers, account: str, q: str) -> list[str]:
    resp = await client.get(url(account, "/messages"), headers=headers, params={"q": q})
    assert resp.status_code == 200, resp.text
    return [m["subject"] for m in resp.json()["data"]]


async def _make_due(org, message_id: str) -> None:
    async with org.runtime.db.session() as session:
        for job in (await session.execute(
            select(Job).where(Job.kind == "mail.send_scheduled")
        )).scalars():
            job.run_at = utcnow() - timedelta(seconds=1)
        msg = await session.scalar(select(MailMessage).where(MailMessage.id == message_id))
        if msg is not None and msg.send_at is not None:
            msg.send_at = utcnow() - timedelta(seconds=1)


async def test_undo_send_cancels_back_to_drafts_and_the_job_never_sends(
    client, org, alice, bob, headers
):
    draft_id = await _draft(client, headers, alice.address, bob.address)
    when = utcnow() + timedelta(seconds=10)
    resp = await client.post(
        url(alice.address, f"/drafts/{draft_id}/send"), headers=headers,
        json={"send_at": when.isoformat()},
    )
    assert resp.status_code == 202, resp.text
    assert resp.json()["status"] == "scheduled" and resp.json()["id"] == draft_id
    listed = await client.get(url(alice.address, "/scheduled"), headers=headers)
    assert listed.status_code == 200
    [item] = listed.json()["data"]
    assert item["id"] == draft_id and item["send_at"] is not None
    assert await _subjects(client, headers, alice.address, "in:drafts") == []

    cancelled = await client.post(
        url(alice.address, f"/scheduled/{draft_id}/cancel"), headers=headers
    )
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["draft"] is True and cancelled.json()["send_at"] is None
    assert await _subjects(client, headers, alice.address, "in:drafts") == ["Undo me"]
    assert (await client.get(url(alice.address, "/scheduled"), headers=headers)).json()[
        "data"
    ] == []

    await _make_due(org, draft_id)
    await run_once(org.runtime, "test-worker")
    assert await _subjects(client, headers, bob.address, "in:inbox") == []
    # still an editable draft, sendable now
    again = await client.post(url(alice.address, f"/drafts/{draft_id}/send"), headers=headers)
    assert again.status_code == 202, again.text
    assert again.json()["status"] == "sent"
    assert await _subjects(client, headers, bob.address, "in:inbox") == ["Undo me"]


async def test_scheduled_draft_is_sent_by_the_job_and_then_cannot_be_cancelled(
    client, org, alice, bob, headers
):
    draft_id = await _draft(client, headers, alice.address, bob.address, "Tomorrow")
    resp = await client.post(
        url(alice.address, f"/drafts/{draft_id}/send"), headers=headers,
        json={"send_at": (utcnow() + timedelta(days=1)).isoformat()},
    )
    assert resp.json()["status"] == "scheduled"
    assert await _subjects(client, headers, bob.address, "in:inbox") == []
    await _make_due(org, draft_id)
    assert await run_once(org.runtime, "test-worker") >= 1
    assert await _subjects(client, headers, bob.address, "in:inbox") == ["Tomorrow"]
    late = await client.post(url(alice.address, f"/scheduled/{draft_id}/cancel"), headers=headers)
    assert late.status_code == 404
    assert late.json()["code"] == "not_found"


async def test_send_at_in_the_past_or_now_sends_at_once(client, alice, bob, headers):
    draft_id = await _draft(client, headers, alice.address, bob.address, "Now")
    resp = await client.post(
        url(alice.address, f"/drafts/{draft_id}/send"), headers=headers,
        json={"send_at": utcnow().isoformat()},
    )
    assert resp.status_code == 202 and resp.json()["status"] == "sent"


async def test_cancelling_a_message_that_is_not_scheduled_is_409(client, alice, bob, headers):
    draft_id = await _draft(client, headers, alice.address, bob.address)
    resp = await client.post(url(alice.address, f"/scheduled/{draft_id}/cancel"), headers=headers)
    assert resp.status_code == 409
    assert resp.json()["code"] == "not_scheduled"


async def test_scheduling_a_draft_to_an_unknown_local_recipient_is_422_now(
    client, org, alice, headers
):
    draft_id = await _draft(client, headers, alice.address, f"nobody@{org.domain}")
    resp = await client.post(
        url(alice.address, f"/drafts/{draft_id}/send"), headers=headers,
        json={"send_at": (utcnow() + timedelta(hours=1)).isoformat()},
    )
    assert resp.status_code == 422
    assert resp.json()["code"] == "unknown_recipient"


async def test_draft_send_rejects_unknown_fields_and_bad_times(client, alice, bob, headers):
    draft_id = await _draft(client, headers, alice.address, bob.address)
    bad = await client.post(
        url(alice.address, f"/drafts/{draft_id}/send"), headers=headers, json={"when": "x"}
    )
    assert bad.status_code == 422
    bad = await client.post(
        url(alice.address, f"/drafts/{draft_id}/send"), headers=headers,
        json={"send_at": "tomorrow"},
    )
    assert bad.status_code == 422 and bad.json()["param"].endswith("send_at")


async def test_another_organisation_cannot_list_or_cancel(
    client, org, other_org, alice, bob, headers
):
    draft_id = await _draft(client, headers, alice.address, bob.address)
    await client.post(
        url(alice.address, f"/drafts/{draft_id}/send"), headers=headers,
        json={"send_at": (utcnow() + timedelta(hours=1)).isoformat()},
    )
    foreign = await other_org.headers()
    assert (await client.get(url(alice.address, "/scheduled"), headers=foreign)).status_code == 404
    resp = await client.post(url(alice.address, f"/scheduled/{draft_id}/cancel"), headers=foreign)
    assert resp.status_code == 404
    carol = await other_org.add_account("carol")
    resp = await client.post(url(carol.address, f"/scheduled/{draft_id}/cancel"), headers=foreign)
    assert resp.status_code == 404
    listed = (await client.get(url(alice.address, "/scheduled"), headers=headers)).json()
    assert [m["id"] for m in listed["data"]] == [draft_id]


async def test_graphql_lists_and_cancels_scheduled_mail(client, alice, bob, headers):
    draft_id = await _draft(client, headers, alice.address, bob.address)
    when = (utcnow() + timedelta(hours=1)).isoformat()
    sent = await client.post("/graphql", headers=headers, json={
        "query": "mutation($id: ID!, $at: DateTime) { sendMailDraft(id: $id, sendAt: $at)"
                 " { status } }",
        "variables": {"id": draft_id, "at": when},
    })
    assert sent.json()["data"]["sendMailDraft"]["status"] == "scheduled", sent.text
    listed = await client.post("/graphql", headers=headers, json={
        "query": "query($a: String!) { scheduledMail(account: $a) { data { id } } }",
        "variables": {"a": alice.address},
    })
    assert listed.json()["data"]["scheduledMail"]["data"] == [{"id": draft_id}]
    cancelled = await client.post("/graphql", headers=headers, json={
        "query": "mutation($a: String!, $id: ID!) { cancelScheduledMail(account: $a, id: $id)"
                 " { id draft } }",
        "variables": {"a": alice.address, "id": draft_id},
    })
    assert cancelled.json()["data"]["cancelScheduledMail"] == {"id": draft_id, "draft": True}
    again = await client.post("/graphql", headers=headers, json={
        "query": "mutation($a: String!, $id: ID!) { cancelScheduledMail(account: $a, id: $id)"
                 " { id } }",
        "variables": {"a": alice.address, "id": draft_id},
    })
    assert again.json()["errors"][0]["extensions"]["code"] == "not_scheduled"
