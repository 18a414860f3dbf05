"""GraphQL parity: the same services answer, with the same rules and error codes."""

from __future__ import annotations

from tests.factories.mail import deliver_to, fixture, simple_message
from tests.factories.platform import user_tokens


async def gql(client, headers, query: str, **variables):  # type: ignore[no-untyped-def]
    resp = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


async def test_send_list_search_read_and_flag_over_graphql(client, org, alice, bob, headers):
    sent = await gql(
        client,
        headers,
        """
        mutation($account: String!, $to: String!) {
          sendMail(account: $account, input: {to: [$to], subject: "GraphQL 邮件系统",
                                               text: "hello from graphql"}) {
            id status delivered queued messageId }
        }""",
        account=alice.address,
        to=bob.address,
    )
    assert sent["data"]["sendMail"]["status"] == "sent", sent
    assert sent["data"]["sendMail"]["delivered"] == [bob.address]

    listed = await gql(
        client,
        headers,
        """
        query($account: String!) {
          mailMessages(account: $account, q: "件系") {
            data { id subject seen text sender { address } } }
        }""",
        account=bob.address,
    )
    messages = listed["data"]["mailMessages"]["data"]
    assert [m["subject"] for m in messages] == ["GraphQL 邮件系统"]
    assert messages[0]["text"].startswith("hello from graphql")
    assert messages[0]["sender"]["address"] == alice.address

    flagged = await gql(
        client,
        headers,
        """
        mutation($id: ID!) { updateMailMessage(id: $id, input: {seen: true, flagged: true}) {
          seen flagged } }""",
        id=messages[0]["id"],
    )
    assert flagged["data"]["updateMailMessage"] == {"seen": True, "flagged": True}

    counts = await gql(
        client,
        headers,
        """
        query($account: String!) { mailCounts(account: $account) { unreadCount totalUnread } }
        """,
        account=bob.address,
    )
    assert counts["data"]["mailCounts"] == {"unreadCount": 0, "totalUnread": 0}


async def test_graphql_send_errors_carry_rest_codes(client, org, alice, headers):
    injected = await gql(
        client,
        headers,
        """
        mutation($account: String!) {
          sendMail(account: $account,
                   input: {to: ["x@example.net"], subject: "a\\r\\nBcc: y@z.test"}) { id }
        }""",
        account=alice.address,
    )
    assert injected["errors"][0]["extensions"]["code"] == "header_injection"
    unscoped = await client.post(
        "/graphql",
        headers=await user_auth(org, alice),
        json={
            "query": 'mutation { sendMail(account: "me", input: {to: ["x@example.net"]}) { id } }'
        },
    )
    assert unscoped.json()["errors"][0]["extensions"]["code"] == "insufficient_scope"


async def user_auth(org, account) -> dict[str, str]:  # type: ignore[no-untyped-def]
    tokens = await user_tokens(org, account.address, "mail:read")
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def test_threads_folders_and_drafts_over_graphql(client, org, alice, headers):
    await deliver_to(org.runtime, fixture("calendar-invite.eml"), alice.address)
    await deliver_to(
        org.runtime,
        simple_message(
            "Re: Invitation: Planning",
            "ok",
            message_id="<r1@x.test>",
            extra="In-Reply-To: <cal-001@example.com>\r\n",
        ),
        alice.address,
    )
    threads = await gql(
        client,
        headers,
        """
        query($account: String!) { mailThreads(account: $account) {
          data { id messageCount } } }""",
        account=alice.address,
    )
    thread = threads["data"]["mailThreads"]["data"][0]
    assert thread["messageCount"] == 2
    detail = await gql(
        client,
        headers,
        """
        query($id: ID!) { mailThread(id: $id) { messages { subject attachments { calendar } } } }
        """,
        id=thread["id"],
    )
    first = detail["data"]["mailThread"]["messages"][0]
    assert any(a["calendar"] for a in first["attachments"])

    folder = await gql(
        client,
        headers,
        """
        mutation($account: String!) { createMailFolder(account: $account, name: "Receipts") {
          id name role } }""",
        account=alice.address,
    )
    assert folder["data"]["createMailFolder"]["role"] is None
    draft = await gql(
        client,
        headers,
        """
        mutation($account: String!) { createMailDraft(account: $account, input: {
          subject: "draft via graphql", to: ["x@example.net"]}) { id draft } }""",
        account=alice.address,
    )
    assert draft["data"]["createMailDraft"]["draft"] is True
    sent = await gql(
        client,
        headers,
        """
        mutation($id: ID!) { sendMailDraft(id: $id) { status queued } }""",
        id=draft["data"]["createMailDraft"]["id"],
    )
    assert sent["data"]["sendMailDraft"] == {"status": "sent", "queued": ["x@example.net"]}


async def test_member_token_cannot_reach_another_mailbox_over_graphql(client, org, alice, bob):
    msg = (await deliver_to(org.runtime, simple_message("bob only"), bob.address)).delivered[0]
    auth = await user_auth(org, alice)
    resp = await gql(
        client, auth, "query($id: ID!) { mailMessage(id: $id) { id } }", id=msg.message_id
    )
    assert resp["errors"][0]["extensions"]["code"] == "not_found"
    resp = await gql(
        client, auth, "query($a: String!) { mailFolders(account: $a) { id } }", a=bob.address
    )
    assert resp["errors"][0]["extensions"]["code"] == "not_found"
