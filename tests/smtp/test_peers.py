"""Interop with a real MTA: Postfix (+ Dovecot LMTP) receives Mailplane's outbound mail, and
sends into Mailplane's MX; signatures checked by dkimpy's independent `dkimverify`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from api.mail.inbound import SmtpEdge
from api.runtime import Runtime
from tests.factories.platform import OrgHandle
from tests.smtp.conftest import mailbox, signing_record
from tests.smtp.peers import PostfixPeer, dkimverify, new_peer
from tests.smtp.test_outbound import all_final, send, until, worker
from tests.smtp.tools import ensure_binary, swaks


@pytest.fixture(scope="session")
def postfix() -> Iterator[PostfixPeer]:
    for binary, packages in (("postfix", ["postfix"]), ("dovecot", ["dovecot-lmtpd",
                                                                     "dovecot-imapd"])):
        if ensure_binary(binary, packages) is None:
            pytest.skip(f"needs {binary} (Debian packages {' '.join(packages)})")
    peer = new_peer("smtp")
    peer.start()
    yield peer
    peer.stop()


async def test_postfix_accepts_our_mail_and_dkimverify_passes_it(
    org: OrgHandle, runtime: Runtime, postfix: PostfixPeer, dns
) -> None:
    dns.publish({"peer.test": ["@ MX 10 mx.peer.test.", "mx A 127.0.0.1"],
                 "acme.test": [await signing_record(runtime, org)]})
    runtime.settings.outbound_port = postfix.smtp_port
    alice = await org.add_account("alice")
    before = len(postfix.maildir("user7"))
    await send(org, alice.id, ["user7@peer.test"], subject="Signed for Postfix",
               html="<p>Hello <b>Postfix</b></p>")
    async with worker(runtime):
        await until(lambda: all_final(runtime), timeout=60)
    await until(lambda: len(postfix.maildir("user7")) > before, timeout=30)
    delivered = postfix.maildir("user7")[-1].read_bytes()
    assert b"Subject: Signed for Postfix" in delivered
    assert b"DKIM-Signature:" in delivered
    rc, out = dkimverify(delivered, dns.address)
    assert rc == 0 and "signature ok" in out, out
    rc, out = dkimverify(delivered.replace(b"Hello", b"Jello"), dns.address)
    assert rc != 0, out


async def test_postfix_delivers_into_our_mx_over_starttls(
    org: OrgHandle, runtime: Runtime, postfix: PostfixPeer, swaks_binary: str
) -> None:
    runtime.settings.smtp_port = postfix.mailplane_port
    edge = SmtpEdge(runtime)
    await edge.start()
    try:
        alice = await org.add_account("alice")
        rc, out = await swaks(postfix.smtp_port, "--to", "alice@acme.test",
                              "--from", "someone@peer.test", "--header", "Subject: via Postfix")
        assert rc == 0, out
        await until(lambda: _has_mail(runtime, alice.id), timeout=60)
        [(folder, raw)] = await mailbox(runtime, alice.id)
        assert folder == "inbox" and b"Subject: via Postfix" in raw
        assert b"with ESMTPS id" in raw  # Postfix took our STARTTLS offer
    finally:
        await edge.stop()
    await asyncio.sleep(0)


async def _has_mail(runtime: Runtime, account_id: str) -> bool:
    return bool(await mailbox(runtime, account_id))
