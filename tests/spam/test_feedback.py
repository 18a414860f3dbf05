"""Learning from people: report spam / not spam over REST and GraphQL, moves into and out of
junk, the per-organisation score shift, and who may do it."""

from __future__ import annotations

from sqlalchemy import select

from api.mail.spam import classify
from api.mail.spam.verdict import Verdict
from api.storage.models import MailFolder, SpamFeedback, SpamToken
from api.storage.models.spam import TOTALS_TOKEN
from api.worker.runner import run_once
from tests.factories.platform import OrgHandle, user_tokens
from tests.factories.spam import deliver_one, message

BOX = "/v1/accounts/admin@{domain}/mail/messages"

CN_SPAM = message(subject="代开各地增值税发票", sender="王经理 <wang@ad-sender.example>",
                  body="本公司长期代开各地增值税发票，点数优惠，欢迎来电洽谈合作。")
CN_SPAM_2 = message(subject="优惠代开增值税发票", sender="李先生 <li@another.example>",
                    body="长期代开增值税发票，点数优惠，欢迎来电。",
                    message_id="<m2@another.example>")


async def score(org: OrgHandle, raw: bytes) -> Verdict:
    async with org.runtime.db.session(write=False) as session:
        return await classify(session, org.id, raw, None, {}, settings=org.runtime.settings)


async def totals(org: OrgHandle) -> tuple[int, int]:
    async with org.runtime.db.session(write=False) as session:
        row = await session.scalar(select(SpamToken).where(
            SpamToken.org_id == org.id, SpamToken.token == TOTALS_TOKEN))
        return (row.spam, row.ham) if row else (0, 0)


async def folder_role(org: OrgHandle, folder_id: str) -> str | None:
    async with org.runtime.db.session(write=False) as session:
        return (await session.get(MailFolder, folder_id)).role  # type: ignore[union-attr]


async def test_report_spam_moves_to_junk_and_shifts_this_organisations_score(
    client, org, other_org
) -> None:
    before = await score(org, CN_SPAM_2)
    before_other = await score(other_org, CN_SPAM_2)
    msg_id = await deliver_one(org, CN_SPAM)
    resp = await client.post(f"{BOX.format(domain=org.domain)}/{msg_id}/report_spam",
                             headers=await org.headers())
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["label"] == "spam" and body["learned"] is True
    assert await folder_role(org, body["folder_id"]) == "junk"
    assert await totals(org) == (1, 0)
    after = await score(org, CN_SPAM_2)
    assert after.score > before.score
    assert (after.bayes_probability or 0) > 0.9 > (before.bayes_probability or 0.5)
    # another organisation learned nothing
    assert (await score(other_org, CN_SPAM_2)).score == before_other.score
    assert await totals(other_org) == (0, 0)


async def test_reporting_twice_learns_once(client, org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    url = f"{BOX.format(domain=org.domain)}/{msg_id}/report_spam"
    first = await client.post(url, headers=await org.headers())
    second = await client.post(url, headers=await org.headers())
    assert first.json()["learned"] is True and second.json()["learned"] is False
    assert await totals(org) == (1, 0)


async def test_report_not_spam_moves_out_of_junk_and_unlearns_the_spam_report(client, org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    box = BOX.format(domain=org.domain)
    await client.post(f"{box}/{msg_id}/report_spam", headers=await org.headers())
    spammy = await score(org, CN_SPAM_2)
    resp = await client.post(f"{box}/{msg_id}/report_not_spam", headers=await org.headers())
    assert resp.status_code == 200, resp.text
    assert resp.json()["label"] == "ham" and resp.json()["learned"] is True
    assert await folder_role(org, resp.json()["folder_id"]) == "inbox"
    assert await totals(org) == (0, 1)
    assert (await score(org, CN_SPAM_2)).score < spammy.score


async def test_report_not_spam_outside_junk_leaves_the_folder_alone(client, org) -> None:
    msg_id = await deliver_one(org, message())
    resp = await client.post(f"{BOX.format(domain=org.domain)}/{msg_id}/report_not_spam",
                             headers=await org.headers())
    assert resp.status_code == 200
    assert await folder_role(org, resp.json()["folder_id"]) == "inbox"
    assert await totals(org) == (0, 1)


async def test_moving_a_message_into_junk_and_back_out_teaches_the_filter(client, org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    box = BOX.format(domain=org.domain)
    folders = (await client.get(f"/v1/accounts/admin@{org.domain}/mail/folders",
                                headers=await org.headers())).json()
    items = folders["data"] if isinstance(folders, dict) else folders
    by_role = {f["role"]: f["id"] for f in items}
    resp = await client.patch(f"{box}/{msg_id}", json={"folder_id": by_role["junk"]},
                              headers=await org.headers())
    assert resp.status_code == 200, resp.text
    assert await totals(org) == (0, 0)  # learned by the worker, after the move commits
    assert await run_once(org.runtime, "test-worker") >= 1
    assert await totals(org) == (1, 0)
    await client.patch(f"{box}/{msg_id}", json={"folder_id": by_role["archive"]},
                       headers=await org.headers())
    await run_once(org.runtime, "test-worker")
    assert await totals(org) == (0, 1)
    await client.patch(f"{box}/{msg_id}", json={"folder_id": by_role["trash"]},
                       headers=await org.headers())
    await run_once(org.runtime, "test-worker")
    assert await totals(org) == (0, 1)  # trash says nothing about spam


async def test_report_spam_queues_no_second_learning_job(client, org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    await client.post(f"{BOX.format(domain=org.domain)}/{msg_id}/report_spam",
                      headers=await org.headers())
    await run_once(org.runtime, "test-worker")
    assert await totals(org) == (1, 0)


async def test_feedback_keeps_hashes_not_words(client, org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    await client.post(f"{BOX.format(domain=org.domain)}/{msg_id}/report_spam",
                      headers=await org.headers())
    async with org.runtime.db.session(write=False) as session:
        row = await session.get(SpamFeedback, msg_id)
    assert row is not None and row.tokens and all(isinstance(t, int) for t in row.tokens)


async def test_another_organisation_cannot_report_or_read_a_message(client, org, other_org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    await other_org.add_account("mallory")
    for path in (f"/v1/accounts/mallory@{other_org.domain}/mail/messages/{msg_id}/report_spam",
                 f"/v1/accounts/admin@{org.domain}/mail/messages/{msg_id}/report_spam",
                 f"/v1/accounts/mallory@{other_org.domain}/mail/messages/{msg_id}/spam"):
        method = client.get if path.endswith("/spam") else client.post
        resp = await method(path, headers=await other_org.headers())
        assert resp.status_code == 404, (path, resp.text)
    assert await totals(org) == (0, 0)


async def test_a_user_cannot_report_a_colleagues_message(client, org) -> None:
    await org.add_account("bob")
    bob = await user_tokens(org, f"bob@{org.domain}", "mail:read mail:write")
    msg_id = await deliver_one(org, CN_SPAM)  # admin's mailbox
    headers = {"Authorization": f"Bearer {bob['access_token']}"}
    for account in ("me", f"admin@{org.domain}"):
        resp = await client.post(f"/v1/accounts/{account}/mail/messages/{msg_id}/report_spam",
                                 headers=headers)
        assert resp.status_code == 404, resp.text
    gql = await client.post("/graphql", headers=headers, json={
        "query": "mutation($id: ID!) { reportMailSpam(id: $id) { learned } }",
        "variables": {"id": msg_id}})
    assert gql.json()["errors"][0]["extensions"]["code"] == "not_found"
    assert await totals(org) == (0, 0)


async def test_reporting_needs_mail_write(client, org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    resp = await client.post(f"{BOX.format(domain=org.domain)}/{msg_id}/report_spam",
                             headers=await org.headers("mail:read"))
    assert resp.status_code == 403
    assert resp.json()["code"] == "insufficient_scope"


async def test_reporting_an_unknown_message_is_404(client, org) -> None:
    resp = await client.post(f"{BOX.format(domain=org.domain)}/msg_nope/report_spam",
                             headers=await org.headers())
    assert resp.status_code == 404


async def test_graphql_report_mutations_match_rest(client, org) -> None:
    msg_id = await deliver_one(org, CN_SPAM)
    query = "mutation($id: ID!) { reportMailSpam(id: $id) { messageId label learned folderId } }"
    resp = await client.post("/graphql", headers=await org.headers(),
                             json={"query": query, "variables": {"id": msg_id}})
    data = resp.json()["data"]["reportMailSpam"]
    assert data["label"] == "spam" and data["learned"] is True
    assert await folder_role(org, data["folderId"]) == "junk"
    query = "mutation($id: ID!) { reportMailNotSpam(id: $id) { label learned } }"
    resp = await client.post("/graphql", headers=await org.headers(),
                             json={"query": query, "variables": {"id": msg_id}})
    assert resp.json()["data"]["reportMailNotSpam"] == {"label": "ham", "learned": True}
    assert await totals(org) == (0, 1)


async def test_the_verdict_recorded_at_delivery_is_readable(client, org) -> None:
    raw = message(body="hello")
    verdict = await score(org, raw)
    trace = (b"Return-Path: <x@partner.example>\r\nReceived: from mx.partner.example\r\n"
             b"Authentication-Results: mx.acme.test; spf=pass\r\n")
    msg_id = await deliver_one(org, trace + verdict.header_bytes() + raw)
    url = f"{BOX.format(domain=org.domain)}/{msg_id}/spam"
    resp = await client.get(url, headers=await org.headers("mail:read"))
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["scored"] is True and body["action"] == "inbox"
    assert body["score"] == round(verdict.score, 1)
    assert set(body["tests"]) == {h.name for h in verdict.reasons}
    assert body["feedback"] is None
    gql = await client.post("/graphql", headers=await org.headers(), json={
        "query": "query($id: ID!) { mailMessageSpam(id: $id) { scored score action } }",
        "variables": {"id": msg_id}})
    assert gql.json()["data"]["mailMessageSpam"]["scored"] is True


async def test_a_senders_own_x_spam_fields_are_not_taken_for_a_verdict(client, org) -> None:
    forged = message(headers="X-Spam-Status: No, score=-50.0 action=inbox tests=NONE\r\n"
                             "X-Spam-Score: -50.0\r\n")
    msg_id = await deliver_one(org, forged)
    resp = await client.get(f"{BOX.format(domain=org.domain)}/{msg_id}/spam",
                            headers=await org.headers())
    assert resp.json()["scored"] is False and resp.json()["score"] is None
