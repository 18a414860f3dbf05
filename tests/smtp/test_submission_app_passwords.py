"""Submission with app passwords, driven by a real SMTP client (smtplib) over STARTTLS and
implicit TLS: the send path, 535 for wrong or revoked ones, frozen accounts, password resets,
and the argon2 check running off the event loop."""

from __future__ import annotations

import asyncio
import smtplib
import ssl
import threading
import time
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from api.mail.inbound import SmtpEdge, sasl
from api.runtime import Runtime
from api.storage.models import MailOutbound
from tests.factories.app_passwords import create_app_password
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
from tests.smtp.conftest import mailbox


def _tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the edge's self-signed certificate
    return context


def _message(sender: str, to: list[str], subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, ", ".join(to), subject
    msg.set_content("sent by a mail client with an app password\n")
    return msg


def _send(port: int, user: str, password: str, to: list[str], subject: str = "hello",
          *, implicit: bool = False) -> dict[str, tuple[int, bytes]]:
    """One real SMTP submission (blocking: run it in a thread)."""
    if implicit:
        client: smtplib.SMTP = smtplib.SMTP_SSL("127.0.0.1", port, context=_tls(), timeout=30)
    else:
        client = smtplib.SMTP("127.0.0.1", port, timeout=30)
    with client:
        if not implicit:
            client.starttls(context=_tls())
        client.login(user, password)
        return client.send_message(_message(user, to, subject))


async def send(*args, **kwargs) -> dict[str, tuple[int, bytes]]:  # type: ignore[no-untyped-def]
    return await asyncio.to_thread(_send, *args, **kwargs)


async def refused(port: int, user: str, password: str) -> int:
    with pytest.raises(smtplib.SMTPAuthenticationError) as caught:
        await send(port, user, password, ["bob@acme.test"])
    return caught.value.smtp_code


async def test_an_app_password_sends_over_tls_through_the_api_send_path(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, client
) -> None:
    alice = await org.add_account("alice")
    bob = await org.add_account("bob")
    made = await create_app_password(org, alice.id, "Outlook")
    port = edge.ports["submission"]
    assert await send(port, "alice@acme.test", made["password"],
                      ["bob@acme.test", "carol@remote.example"], "with an app password") == {}
    [(folder, sent)] = await mailbox(runtime, alice.id)
    assert folder == "sent" and b"with ESMTPSA id" in sent
    [(folder, received)] = await mailbox(runtime, bob.id)
    assert folder == "inbox" and b"Subject: with an app password" in received
    async with runtime.db.session(write=False) as session:
        queued = (await session.execute(select(MailOutbound))).scalars().all()
    assert [(q.recipient, q.envelope_from, q.status) for q in queued] == [
        ("carol@remote.example", "alice@acme.test", "queued")]
    # typed without the spaces, on the implicit-TLS port, also works
    await send(edge.ports["submissions"], "Alice@Acme.test", made["password"].replace(" ", ""),
               ["bob@acme.test"], implicit=True)
    assert len(await mailbox(runtime, bob.id)) == 2
    listed = await client.get(f"/v1/accounts/{alice.id}/app-passwords",
                              headers=await org.headers())
    [entry] = listed.json()["data"]
    assert entry["last_used_at"] is not None and entry["last_used_ip"] == "127.0.0.1"


async def test_wrong_and_revoked_app_passwords_are_535(
    edge: SmtpEdge, org: OrgHandle, client
) -> None:
    alice = await org.add_account("alice")
    await org.add_account("bob")
    made = await create_app_password(org, alice.id)
    port = edge.ports["submission"]
    wrong = "abcd efgh ijkl mnop" if made["password"] != "abcd efgh ijkl mnop" else "zzzz " * 4
    assert await refused(port, "alice@acme.test", wrong) == 535
    # another account's app password opens only that account
    bob_made = await create_app_password(org, "bob@acme.test")
    assert await refused(port, "alice@acme.test", bob_made["password"]) == 535
    await send(port, "alice@acme.test", made["password"], ["bob@acme.test"])
    resp = await client.delete(f"/v1/accounts/{alice.id}/app-passwords/{made['id']}",
                               headers=await org.headers())
    assert resp.status_code == 204
    assert await refused(port, "alice@acme.test", made["password"]) == 535


async def test_revoking_ends_a_session_already_signed_in(
    edge: SmtpEdge, org: OrgHandle, client
) -> None:
    alice = await org.add_account("alice")
    await org.add_account("bob")
    made = await create_app_password(org, alice.id)
    smtp = await asyncio.to_thread(smtplib.SMTP, "127.0.0.1", edge.ports["submission"],
                                   timeout=30)
    try:
        await asyncio.to_thread(smtp.starttls, context=_tls())
        await asyncio.to_thread(smtp.login, "alice@acme.test", made["password"])
        await client.delete(f"/v1/accounts/{alice.id}/app-passwords/{made['id']}",
                            headers=await org.headers())
        code, _ = await asyncio.to_thread(smtp.mail, "alice@acme.test")
        assert code == 530
    finally:
        await asyncio.to_thread(smtp.close)


async def test_frozen_accounts_app_passwords_stop_and_resume_on_unfreeze(
    edge: SmtpEdge, org: OrgHandle, client
) -> None:
    alice = await org.add_account("alice")
    await org.add_account("bob")
    made = await create_app_password(org, alice.id)
    port = edge.ports["submission"]
    h = await org.headers()
    assert (await client.post(f"/v1/accounts/{alice.id}/freeze", headers=h)).status_code == 200
    assert await refused(port, "alice@acme.test", made["password"]) == 535
    assert (await client.post(f"/v1/accounts/{alice.id}/unfreeze", headers=h)).status_code == 200
    assert await send(port, "alice@acme.test", made["password"], ["bob@acme.test"]) == {}


async def test_deleted_accounts_app_passwords_stop(
    edge: SmtpEdge, org: OrgHandle, client
) -> None:
    alice = await org.add_account("alice")
    made = await create_app_password(org, alice.id)
    resp = await client.delete(f"/v1/accounts/{alice.id}", headers=await org.headers())
    assert resp.status_code == 204
    assert await refused(edge.ports["submission"], "alice@acme.test", made["password"]) == 535


async def test_an_admin_password_reset_leaves_app_passwords_working(
    edge: SmtpEdge, org: OrgHandle, client
) -> None:
    """The documented choice: app passwords are separate credentials (revoke them, or freeze
    the account, to cut a compromised mailbox off)."""
    alice = await org.add_account("alice")
    await org.add_account("bob")
    made = await create_app_password(org, alice.id)
    resp = await client.post(f"/v1/accounts/{alice.id}/reset-password",
                             json={"password": "a-brand-new-password-1",
                                   "must_change_password": False},
                             headers=await org.headers())
    assert resp.status_code == 200, resp.text
    port = edge.ports["submission"]
    assert await refused(port, "alice@acme.test", ADMIN_PASSWORD) == 535
    assert await send(port, "alice@acme.test", made["password"], ["bob@acme.test"]) == {}
    assert await send(port, "alice@acme.test", "a-brand-new-password-1", ["bob@acme.test"]) == {}


async def test_app_password_guesses_are_throttled_like_sign_ins(
    edge: SmtpEdge, org: OrgHandle, monkeypatch
) -> None:
    from api.directory.accounts import throttle

    monkeypatch.setattr(throttle, "ADDRESS_RULE", throttle.Rule(2, 30, 900,
                                                                throttle.ADDRESS_RULE.forget_after))
    alice = await org.add_account("alice")
    await org.add_account("bob")
    made = await create_app_password(org, alice.id)
    port = edge.ports["submission"]
    for _ in range(3):
        assert await refused(port, "alice@acme.test", "aaaa bbbb cccc dddd") == 535
    # locked out: even the right app password waits
    assert await refused(port, "alice@acme.test", made["password"]) == 535


async def test_auth_hashing_runs_off_the_event_loop(
    edge: SmtpEdge, org: OrgHandle, monkeypatch
) -> None:
    """While one connection's AUTH is being verified (made to take 1.5 s), another connection
    gets its greeting and EHLO answered at once, and the check ran outside the loop's thread."""
    alice = await org.add_account("alice")
    await org.add_account("bob")
    made = await create_app_password(org, alice.id)
    started, threads = threading.Event(), []
    real_check = sasl.check

    def slow_check(*args):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        started.set()
        time.sleep(1.5)
        return real_check(*args)

    monkeypatch.setattr(sasl, "check", slow_check)
    port = edge.ports["submission"]
    timings: list[float] = []

    def other_client() -> None:  # a plain thread: it does not wait for the loop to notice
        assert started.wait(10)
        t0 = time.monotonic()
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as other:
            code, _ = other.ehlo("other.example")
            assert code == 250
        timings.append(time.monotonic() - t0)

    watcher = threading.Thread(target=other_client)
    watcher.start()
    auth = asyncio.create_task(send(port, "alice@acme.test", made["password"], ["bob@acme.test"]))
    await asyncio.to_thread(watcher.join, 15)
    assert not auth.done()  # the AUTH was still being verified
    assert timings and timings[0] < 0.75, timings
    assert await auth == {}
    assert threads and threading.get_ident() not in threads
