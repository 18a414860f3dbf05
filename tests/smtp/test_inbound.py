"""The MX: swaks as the sending client, the Knot DNS server for SPF, DKIM and DMARC."""

from __future__ import annotations

import dkim as dkimpy

from api.mail.inbound import SmtpEdge
from api.runtime import Runtime
from tests.factories.platform import OrgHandle
from tests.smtp.conftest import HOSTNAME, mailbox
from tests.smtp.tools import Conversation, new_dkim_key, swaks, txt

pytestmark = __import__("pytest").mark.usefixtures("swaks_binary")


def _mx(edge: SmtpEdge) -> int:
    return edge.ports["mx"]


async def test_hosted_recipient_gets_the_message_with_trace_and_auth_results(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, dns
) -> None:
    dns.publish({"example.net": ['@ TXT "v=spf1 ip4:127.0.0.1 -all"']})
    alice = await org.add_account("alice")
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "bob@example.net",
                          "--header", "Subject: hello from outside")
    assert rc == 0, out
    assert "250 2.0.0 OK: queued as" in out
    [(folder, raw)] = await mailbox(runtime, alice.id)
    assert folder == "inbox"
    head = raw.split(b"\r\n\r\n", 1)[0].decode()
    assert head.startswith("Return-Path: <bob@example.net>\r\nReceived: from client.example.net")
    assert f"by {HOSTNAME} (Mailplane) with ESMTP" in head
    assert f"Authentication-Results: {HOSTNAME};" in head
    assert "spf=pass smtp.mailfrom=example.net" in head
    assert "Subject: hello from outside" in head


async def test_relay_attempt_is_refused_550_5_7_1(edge: SmtpEdge, org: OrgHandle) -> None:
    rc, out = await swaks(_mx(edge), "--to", "victim@elsewhere.example", "--from",
                          "spammer@example.net")
    assert rc != 0
    assert "<** 550 5.7.1 <victim@elsewhere.example>: Relay access denied" in out


async def test_unknown_user_is_refused_550_5_1_1(edge: SmtpEdge, org: OrgHandle) -> None:
    rc, out = await swaks(_mx(edge), "--to", "nobody@acme.test", "--from", "x@example.net")
    assert rc != 0
    assert "<** 550 5.1.1 <nobody@acme.test>" in out


async def test_frozen_account_still_receives(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    frozen = await org.add_account("frozen", status="frozen")
    rc, out = await swaks(_mx(edge), "--to", "frozen@acme.test", "--from", "x@example.net")
    assert rc == 0, out
    assert len(await mailbox(runtime, frozen.id)) == 1


async def test_oversize_message_is_refused_552_5_3_4_declared_or_not(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, tmp_path
) -> None:
    alice = await org.add_account("alice")
    big = "x" * 990
    body = tmp_path / "body.txt"
    body.write_text("\n".join([big] * 260))  # ~260 KB against a 200 KB limit
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "x@example.net",
                          "--body", f"@{body}")
    assert rc != 0
    assert "552 5.3.4" in out
    # a client that does not declare SIZE is refused after DATA, and nothing is stored
    conv = await Conversation.open(_mx(edge))
    await conv.command("HELO client")
    assert (await conv.command("MAIL FROM:<x@example.net>")).startswith("250")
    assert (await conv.command("RCPT TO:<alice@acme.test>")).startswith("250")
    assert (await conv.command("DATA")).startswith("354")
    await conv.send(b"Subject: big\r\n\r\n" + (big.encode() + b"\r\n") * 260 + b".\r\n")
    assert (await conv.reply()).startswith("552 5.3.4")
    await conv.close()
    assert await mailbox(runtime, alice.id) == []


async def test_more_than_100_recipients_get_452_and_the_first_100_the_message(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    accounts = [await org.add_account(f"user{i}") for i in range(101)]
    rcpts = ",".join(f"user{i}@acme.test" for i in range(101))
    rc, out = await swaks(_mx(edge), "--to", rcpts, "--from", "x@example.net",
                          "--header", "To: team", timeout=120)
    assert "452 4.5.3 Too many recipients" in out
    assert out.count("250 2.1.5 OK") == 100
    assert "250 2.0.0 OK: queued as" in out
    assert len(await mailbox(runtime, accounts[0].id)) == 1
    assert await mailbox(runtime, accounts[100].id) == []


async def test_pipelined_transaction_is_answered_in_order(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    await org.add_account("bob")
    rc, out = await swaks(_mx(edge), "--pipeline", "--to", "alice@acme.test,nobody@acme.test",
                          "--from", "x@example.net")
    assert "PIPELINING" in out
    assert "550 5.1.1 <nobody@acme.test>" in out
    assert "250 2.0.0 OK: queued as" in out
    assert len(await mailbox(runtime, alice.id)) == 1


async def test_starttls_on_the_mx_and_esmtps_in_received(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    rc, out = await swaks(_mx(edge), "--tls", "--to", "alice@acme.test", "--from", "x@example.net")
    assert rc == 0, out
    assert "TLS started" in out
    [(_, raw)] = await mailbox(runtime, alice.id)
    assert b"with ESMTPS id" in raw


async def test_commands_pipelined_before_starttls_are_discarded(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    import ssl

    await org.add_account("alice")
    conv = await Conversation.open(_mx(edge))
    assert "STARTTLS" in await conv.command("EHLO client")
    # the injected MAIL FROM rides in the same packet as STARTTLS, in plain text
    await conv.send(b"STARTTLS\r\nMAIL FROM:<injected@example.net>\r\n")
    assert (await conv.reply()).startswith("220")
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    await conv.writer.start_tls(context)
    await conv.command("EHLO client")
    # the injected command was dropped: a MAIL FROM now is the first, not a nested one
    assert (await conv.command("MAIL FROM:<real@example.net>")).startswith("250")
    await conv.close()


async def test_bare_lf_dot_cannot_end_data_or_smuggle_a_message(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    conv = await Conversation.open(_mx(edge))
    await conv.command("EHLO client")
    await conv.command("MAIL FROM:<x@example.net>")
    await conv.command("RCPT TO:<alice@acme.test>")
    assert (await conv.command("DATA")).startswith("354")
    smuggled = (b"Subject: first\r\n\r\nhello\n.\nMAIL FROM:<ceo@acme.test>\n"
                b"RCPT TO:<alice@acme.test>\nDATA\nSubject: smuggled\n\nwire money\n.\n")
    await conv.send(smuggled)
    await conv.send(b"\r\n.\r\n")  # the only real end of DATA
    reply = await conv.reply()
    assert reply.startswith("554 5.5.2"), reply
    assert (await conv.command("NOOP")).startswith("250")
    await conv.close()
    assert await mailbox(runtime, alice.id) == []


async def test_bare_lf_without_a_dot_line_is_normalised(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    conv = await Conversation.open(_mx(edge))
    await conv.command("EHLO client")
    await conv.command("MAIL FROM:<x@example.net>")
    await conv.command("RCPT TO:<alice@acme.test>")
    await conv.command("DATA")
    await conv.send(b"Subject: lf\n\nline one\nline two\r\n.\r\n")
    assert (await conv.reply()).startswith("250")
    await conv.close()
    [(_, raw)] = await mailbox(runtime, alice.id)
    assert b"line one\r\nline two\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


async def test_dkim_signature_passes_and_dmarc_passes_aligned(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, dns
) -> None:
    pem, public = new_dkim_key()
    dns.publish({"example.net": [
        txt("sel._domainkey.example.net", f"v=DKIM1; k=rsa; p={public}"),
        txt("_dmarc.example.net", "v=DMARC1; p=reject"),
    ]})
    alice = await org.add_account("alice")
    message = (b"From: Bob <bob@example.net>\r\nTo: alice@acme.test\r\nSubject: signed\r\n"
               b"Message-ID: <signed@example.net>\r\n\r\nSigned body.\r\n")
    signed = dkimpy.sign(message, b"sel", b"example.net", pem.encode()) + message
    conv = await Conversation.open(_mx(edge))
    await conv.command("EHLO client")
    await conv.command("MAIL FROM:<bounce@other.example>")
    await conv.command("RCPT TO:<alice@acme.test>")
    await conv.command("DATA")
    await conv.send(signed + b".\r\n")
    assert (await conv.reply()).startswith("250")
    await conv.close()
    [(folder, raw)] = await mailbox(runtime, alice.id)
    assert folder == "inbox"
    assert b"dkim=pass header.d=example.net header.s=sel header.a=rsa-sha256" in raw
    assert b"dmarc=pass" in raw


async def test_rsa_sha1_signature_is_never_a_pass(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, dns
) -> None:
    pem, public = new_dkim_key()
    dns.publish({"example.net": [txt("sel._domainkey.example.net",
                                     f"v=DKIM1; k=rsa; p={public}")]})
    alice = await org.add_account("alice")
    message = (b"From: bob@example.net\r\nTo: alice@acme.test\r\nSubject: sha1\r\n\r\nBody.\r\n")
    signed = dkimpy.sign(message, b"sel", b"example.net", pem.encode(),
                         signature_algorithm=b"rsa-sha1") + message
    assert dkimpy.verify(signed, dnsfunc=lambda name, timeout=5: (
        f"v=DKIM1; k=rsa; p={public}".encode()))  # cryptographically valid
    conv = await Conversation.open(_mx(edge))
    await conv.command("EHLO client")
    await conv.command("MAIL FROM:<bob@example.net>")
    await conv.command("RCPT TO:<alice@acme.test>")
    await conv.command("DATA")
    await conv.send(signed + b".\r\n")
    assert (await conv.reply()).startswith("250")
    await conv.close()
    [(_, raw)] = await mailbox(runtime, alice.id)
    assert b"dkim=fail" in raw and b"header.a=rsa-sha1" in raw
    assert b"dkim=pass" not in raw


async def test_dmarc_reject_policy_refuses_550_5_7_1(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, dns
) -> None:
    dns.publish({"bank.example": ['@ TXT "v=spf1 ip4:192.0.2.1 -all"',
                                  txt("_dmarc.bank.example", "v=DMARC1; p=reject")]})
    alice = await org.add_account("alice")
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "ceo@bank.example")
    assert rc != 0
    assert "550 5.7.1 Rejected by the DMARC policy of bank.example" in out
    assert await mailbox(runtime, alice.id) == []


async def test_dmarc_quarantine_policy_files_the_message_as_junk(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime, dns
) -> None:
    dns.publish({"shop.example": ['@ TXT "v=spf1 -all"',
                                  txt("_dmarc.shop.example", "v=DMARC1; p=quarantine")]})
    alice = await org.add_account("alice")
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "news@shop.example")
    assert rc == 0, out
    [(folder, raw)] = await mailbox(runtime, alice.id)
    assert folder == "junk"
    assert b"spf=fail" in raw and b"dmarc=fail (p=quarantine dis=quarantine)" in raw


async def test_forged_authentication_results_naming_us_are_removed(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "x@example.net",
                          "--add-header", f"Authentication-Results: {HOSTNAME}; dkim=pass "
                          "header.d=acme.test", "--add-header", "X-Spam-Status: No, score=-100")
    assert rc == 0, out
    [(_, raw)] = await mailbox(runtime, alice.id)
    assert b"header.d=acme.test" not in raw
    assert b"score=-100" not in raw


async def test_full_mailbox_refuses_at_data_552_5_2_2_then_at_rcpt_452_4_2_2(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    from api.storage.models import Account

    alice = await org.add_account("alice")
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "x@example.net")
    assert rc == 0, out
    async with runtime.db.session() as session:
        (await session.get(Account, alice.id)).quota_bytes = 1500
    # the next message does not fit in what is left: refused after DATA
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "x@example.net",
                          "--body", "y" * 900)
    assert "<** 552 5.2.2 Mailbox full" in out
    # once usage reaches the quota, RCPT is refused with a temporary error
    async with runtime.db.session() as session:
        (await session.get(Account, alice.id)).quota_bytes = 100
    edge.recipients.forget("alice@acme.test")
    rc, out = await swaks(_mx(edge), "--to", "alice@acme.test", "--from", "x@example.net")
    assert "<** 452 4.2.2 <alice@acme.test>: Mailbox full" in out
    assert len(await mailbox(runtime, alice.id)) == 1


async def test_connections_per_ip_are_limited(edge: SmtpEdge, org: OrgHandle) -> None:
    edge.limiter.per_ip_limit = 2
    first, second = await Conversation.open(_mx(edge)), await Conversation.open(_mx(edge))
    import asyncio

    reader, writer = await asyncio.open_connection("127.0.0.1", _mx(edge))
    greeting = (await reader.readline()).decode()
    assert greeting.startswith("421 4.7.0")
    writer.close()
    await first.close()
    await second.close()


async def _send_data(edge: SmtpEdge, data: bytes) -> str:
    conv = await Conversation.open(_mx(edge))
    await conv.command("EHLO client")
    await conv.command("MAIL FROM:<x@example.net>")
    await conv.command("RCPT TO:<alice@acme.test>")
    await conv.command("DATA")
    await conv.send(data)
    reply = await conv.reply()
    await conv.close()
    return reply


async def test_bare_lf_is_normalised_whatever_the_message_size(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    """Postfix 3.9's `smtpd_forbid_bare_newline = normalize`: a bare LF ends a line at any
    size (it used to read as one 'line' and past 1,000 bytes drew `500 Line too long`);
    only CRLF.CRLF ends DATA."""
    alice = await org.add_account("alice")
    body = b"".join(b"line %d of a script's report\n" % n for n in range(2000))  # ~60 KB
    stuffed = b"..starts with a dot\n"
    reply = await _send_data(edge, b"Subject: big lf\n\n" + body + stuffed + b"end\r\n.\r\n")
    assert reply.startswith("250"), reply
    [(_, raw)] = await mailbox(runtime, alice.id)
    assert b"line 1999 of a script's report\r\n" in raw
    assert b"\r\n.starts with a dot\r\n" in raw  # dot-stuffing undone on LF lines too
    assert b"\n" not in raw.replace(b"\r\n", b"")


async def test_a_really_long_line_is_refused_with_either_line_ending(
    edge: SmtpEdge, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    long_line = b"x" * 1200
    for eol in (b"\n", b"\r\n"):
        reply = await _send_data(edge, b"Subject: long\n\n" + long_line + eol + b"end\r\n.\r\n")
        assert reply.startswith("500 5.5.2 Line too long"), reply
    assert await mailbox(runtime, alice.id) == []
