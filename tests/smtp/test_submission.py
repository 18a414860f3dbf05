"""Authenticated submission: AUTH only over TLS, send-as checks, and the API's send path
(Sent copy, local delivery, outbound queue)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from api.mail.inbound import SmtpEdge
from api.runtime import Runtime
from api.storage.models import MailOutbound
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle, user_tokens
from tests.smtp.conftest import mailbox
from tests.smtp.tools import swaks

pytestmark = pytest.mark.usefixtures("swaks_binary")


async def test_auth_without_tls_is_refused_and_mail_needs_auth(
    edge: SmtpEdge, org: OrgHandle
) -> None:
    await org.add_account("alice")
    port = edge.ports["submission"]
    rc, out = await swaks(port, "--to", "bob@acme.test", "--from", "alice@acme.test",
                          "--auth", "PLAIN", "--auth-user", "alice@acme.test",
                          "--auth-password", ADMIN_PASSWORD)
    assert rc != 0
    ehlo = out.split("-> EHLO", 1)[1].split("->", 1)[0]
    assert "STARTTLS" in ehlo and "AUTH" not in ehlo  # not offered in plain text
    assert "235" not in out and "-> MAIL" not in out
    rc, out = await swaks(port, "--to", "bob@acme.test", "--from", "alice@acme.test")
    assert "530 5.7.0 Authentication required" in out


async def test_starttls_auth_sends_through_the_api_send_path(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    bob = await org.add_account("bob")
    rc, out = await swaks(edge.ports["submission"], "--tls", "--auth", "LOGIN",
                          "--auth-user", "alice@acme.test", "--auth-password", ADMIN_PASSWORD,
                          "--from", "alice@acme.test", "--to", "bob@acme.test,carol@remote.example",
                          "--header", "Subject: from my mail client")
    assert rc == 0, out
    assert "235 2.7.0 Authentication successful" in out
    assert "250 2.0.0 OK: queued as" in out
    [(folder, sent)] = await mailbox(runtime, alice.id)
    assert folder == "sent" and b"with ESMTPSA id" in sent
    [(folder, received)] = await mailbox(runtime, bob.id)
    assert folder == "inbox" and b"Subject: from my mail client" in received
    async with runtime.db.session(write=False) as session:
        queued = (await session.execute(select(MailOutbound))).scalars().all()
    assert [(q.recipient, q.envelope_from, q.account_id, q.status) for q in queued] == [
        ("carol@remote.example", "alice@acme.test", alice.id, "queued")]


async def test_implicit_tls_port_takes_auth_plain(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    await org.add_account("bob")
    rc, out = await swaks(edge.ports["submissions"], "--tlsc", "--auth", "PLAIN",
                          "--auth-user", "alice@acme.test", "--auth-password", ADMIN_PASSWORD,
                          "--from", "alice@acme.test", "--to", "bob@acme.test")
    assert rc == 0, out
    assert len(await mailbox(runtime, alice.id)) == 1


async def test_wrong_password_is_535(edge: SmtpEdge, org: OrgHandle) -> None:
    await org.add_account("alice")
    rc, out = await swaks(edge.ports["submission"], "--tls", "--auth", "PLAIN",
                          "--auth-user", "alice@acme.test", "--auth-password", "wrong-password",
                          "--from", "alice@acme.test", "--to", "bob@acme.test")
    assert rc != 0
    assert "535 5.7.8" in out


async def test_sender_must_be_the_account_or_an_alias(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    await org.add_account("alice")
    await org.add_account("bob")
    rc, out = await swaks(edge.ports["submission"], "--tls", "--auth", "PLAIN",
                          "--auth-user", "alice@acme.test", "--auth-password", ADMIN_PASSWORD,
                          "--from", "bob@acme.test", "--to", "bob@acme.test")
    assert rc != 0
    assert "553 5.7.1 <bob@acme.test>: Sender address rejected" in out
    # the envelope is hers, but the From header claims the boss: refused too
    rc, out = await swaks(edge.ports["submission"], "--tls", "--auth", "PLAIN",
                          "--auth-user", "alice@acme.test", "--auth-password", ADMIN_PASSWORD,
                          "--from", "alice@acme.test", "--to", "bob@acme.test",
                          "--header", "From: The CEO <admin@acme.test>")
    assert rc != 0
    assert "550 5.7.1" in out


async def test_an_oauth_access_token_works_as_an_app_password(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    await org.add_account("bob")
    tokens = await user_tokens(org, "alice@acme.test", "mail:send")
    rc, out = await swaks(edge.ports["submission"], "--tls", "--auth", "PLAIN",
                          "--auth-user", "alice@acme.test", "--auth-password",
                          tokens["access_token"], "--from", "alice@acme.test",
                          "--to", "bob@acme.test")
    assert rc == 0, out
    assert len(await mailbox(runtime, alice.id)) == 1
    # the same token does not open someone else's account
    rc, out = await swaks(edge.ports["submission"], "--tls", "--auth", "PLAIN",
                          "--auth-user", "bob@acme.test", "--auth-password",
                          tokens["access_token"], "--from", "bob@acme.test",
                          "--to", "alice@acme.test")
    assert "535 5.7.8" in out
