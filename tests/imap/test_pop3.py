"""POP3 against the real server: STLS before any password, UIDL/TOP/CAPA, SASL PLAIN,
"leave on server" and deletion (the API's expunge), AUTH LOGIN, XOAUTH2 and OAUTHBEARER
through IMAP's SASL exchange, and fetchmail fetching a mailbox."""

from __future__ import annotations

import asyncio
import base64
import poplib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from api.pop3 import Pop3Server
from api.runtime import Runtime
from api.storage.models import AuditEntry
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle, user_tokens
from tests.imap.conftest import deliver, message, on_thread, tls_context

ALICE = "alice@acme.test"


@pytest.fixture
async def pop3(runtime: Runtime) -> AsyncIterator[Pop3Server]:
    server = Pop3Server(runtime)
    await server.start()
    yield server
    await server.stop()


def _client(server: Pop3Server) -> poplib.POP3:
    client = poplib.POP3("127.0.0.1", server.ports["pop3"], timeout=10)
    client.stls(tls_context(server.settings))
    return client


async def test_password_only_after_stls_and_uidl_top_capa(
    pop3: Pop3Server, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    raws = [message(f"m{i}", "line one\r\n.dotted line\r\nline three") for i in range(2)]
    for raw in raws:
        await deliver(runtime, alice, raw)

    def go() -> dict[str, object]:
        plain = poplib.POP3("127.0.0.1", pop3.ports["pop3"], timeout=10)
        out: dict[str, object] = {"capa_plain": plain.capa()}
        try:
            plain.user(ALICE)
            out["user_plain"] = "accepted"
        except poplib.error_proto as error:
            out["user_plain"] = str(error)
        plain.quit()
        c = _client(pop3)
        out["capa_tls"] = c.capa()
        c.user(ALICE)
        c.pass_(ADMIN_PASSWORD)
        out["stat"] = c.stat()
        out["uidl"] = c.uidl()[1]
        out["retr"] = b"\r\n".join(c.retr(1)[1]) + b"\r\n"
        out["top"] = c.top(2, 1)[1]
        c.quit()
        return out

    out = await on_thread(go)
    assert "STLS" in out["capa_plain"] and "USER" not in out["capa_plain"]  # type: ignore[operator]
    assert "Use STLS" in str(out["user_plain"])
    assert "SASL" in out["capa_tls"] and "UIDL" in out["capa_tls"]  # type: ignore[operator]
    assert out["stat"] == (2, sum(len(r) for r in raws))
    assert [u.split()[1].split(b".")[1] for u in out["uidl"]] == [b"1", b"2"]  # type: ignore[union-attr]
    assert out["retr"] == raws[0]
    assert out["top"][-2:] == [b"", b"line one"]  # type: ignore[index]


async def test_leave_on_server_then_delete_through_the_api_expunge(
    pop3: Pop3Server, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient
) -> None:
    alice = await org.add_account("alice")
    for i in range(3):
        await deliver(runtime, alice, message(f"m{i}"))

    def session(delete: list[int]) -> int:
        c = _client(pop3)
        creds = base64.b64encode(f"\0{ALICE}\0{ADMIN_PASSWORD}".encode()).decode()
        c._shortcmd(f"AUTH PLAIN {creds}")
        count = c.stat()[0]
        for n in delete:
            c.dele(n)
        c.quit()
        return count

    assert await on_thread(session, []) == 3
    assert await on_thread(session, []) == 3  # left on the server
    assert await on_thread(session, [1, 3]) == 3
    assert await on_thread(session, []) == 1
    listed = (await client.get(f"/v1/accounts/{ALICE}/mail/messages",
                               headers=await org.headers())).json()["data"]
    assert [m["subject"] for m in listed] == ["m1"]


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _auth_login(server: Pop3Server, user: str, password: str, *, initial: bool) -> list[str]:
    """AUTH LOGIN on the socket as RFC 5034 has it: the prompts, then the outcome."""
    c = _client(server)
    seen: list[str] = []
    try:
        if initial:  # the user name as the initial response, only the password prompted
            seen.append(c._shortcmd(f"AUTH LOGIN {_b64(user)}").decode())
        else:
            seen.append(c._shortcmd("AUTH LOGIN").decode())
            seen.append(c._shortcmd(_b64(user)).decode())
        seen.append(c._shortcmd(_b64(password)).decode())
        seen.append(f"STAT {c.stat()[0]}")
        c.quit()
    except poplib.error_proto as error:
        seen.append(error.args[0].decode())
    return seen


def _auth_bearer(server: Pop3Server, mechanism: str, token: str) -> list[str]:
    c = _client(server)
    blob = f"user={ALICE}\x01auth=Bearer {token}\x01\x01" if mechanism == "XOAUTH2" else \
        f"n,a={ALICE},\x01auth=Bearer {token}\x01\x01"
    seen: list[str] = []
    try:
        reply = c._shortcmd(f"AUTH {mechanism} {_b64(blob)}").decode()
        seen.append(reply)
        if reply.startswith("+ "):  # the error challenge; the client answers with a dummy
            seen.append(base64.b64decode(reply[2:]).decode())
            seen.append(c._shortcmd("AQ==").decode())
        else:
            seen.append(f"STAT {c.stat()[0]}")
            c.quit()
    except poplib.error_proto as error:
        seen.append(error.args[0].decode())
    return seen


async def test_auth_login_xoauth2_and_oauthbearer_like_imap(
    pop3: Pop3Server, org: OrgHandle, runtime: Runtime, other_org: OrgHandle
) -> None:
    alice = await org.add_account("alice")
    await deliver(runtime, alice, message("one"))
    reader = (await user_tokens(org, ALICE, "mail:read"))["access_token"]
    sender = (await user_tokens(org, ALICE, "mail:send"))["access_token"]

    def capa_and_plain_refusal() -> tuple[dict[str, list[str]], str]:
        c = _client(pop3)
        capa = c.capa()
        c.quit()
        plain = poplib.POP3("127.0.0.1", pop3.ports["pop3"], timeout=10)
        try:
            refused = plain._shortcmd(f"AUTH LOGIN {_b64(ALICE)}").decode()
        except poplib.error_proto as error:
            refused = error.args[0].decode()
        plain.quit()
        return capa, refused

    capa, refused = await on_thread(capa_and_plain_refusal)
    assert capa["SASL"] == ["PLAIN", "LOGIN", "OAUTHBEARER", "XOAUTH2"]
    assert "Use STLS" in refused  # never a password over a plain connection

    prompted = await on_thread(lambda: _auth_login(pop3, ALICE, ADMIN_PASSWORD, initial=False))
    assert [base64.b64decode(p[2:]) for p in prompted[:2]] == [b"Username:", b"Password:"]
    assert prompted[2].startswith("+OK") and prompted[3] == "STAT 1"
    initial = await on_thread(lambda: _auth_login(pop3, ALICE, ADMIN_PASSWORD, initial=True))
    assert base64.b64decode(initial[0][2:]) == b"Password:" and initial[-1] == "STAT 1"
    wrong = await on_thread(lambda: _auth_login(pop3, ALICE, "not-the-password", initial=False))
    assert wrong[-1].startswith("-ERR [AUTH]")
    # another organisation's person cannot open Alice's drop with Alice's name
    stranger = await on_thread(lambda: _auth_login(pop3, "alice@globex.test", ADMIN_PASSWORD,
                                                   initial=False))
    assert stranger[-1].startswith("-ERR [AUTH]")

    for mechanism in ("XOAUTH2", "OAUTHBEARER"):
        ok = await on_thread(_auth_bearer, pop3, mechanism, reader)
        assert ok[0].startswith("+OK") and ok[1] == "STAT 1", ok
        # a token only good for sending: RFC 7628's error challenge, then -ERR
        refused_token = await on_thread(_auth_bearer, pop3, mechanism, sender)
        assert '"invalid_token"' in refused_token[1], refused_token
        assert refused_token[2].startswith("-ERR [AUTH]"), refused_token

    def bad_input() -> list[str]:
        c = _client(pop3)
        out = []
        for line in ("AUTH CRAM-MD5", "AUTH LOGIN not*base64", "AUTH PLAIN " + _b64("no-nuls")):
            try:
                out.append(c._shortcmd(line).decode())
            except poplib.error_proto as error:
                out.append(error.args[0].decode())
        c.quit()
        return out

    assert await on_thread(bad_input) == ["-ERR Unsupported mechanism", "-ERR Invalid base64",
                                          "-ERR [AUTH] Authentication failed"]

    async with runtime.db.session(write=False) as session:
        entries = (await session.execute(select(AuditEntry).where(
            AuditEntry.action.in_(["mail.client.signed_in", "mail.client.sign_in_failed"]),
        ))).scalars().all()
    seen = sorted({(e.action, e.details["protocol"], e.details["mechanism"]) for e in entries
                   if e.actor_id == alice.id})
    assert seen == [
        ("mail.client.sign_in_failed", "pop3", "LOGIN"),
        ("mail.client.sign_in_failed", "pop3", "OAUTHBEARER"),
        ("mail.client.sign_in_failed", "pop3", "XOAUTH2"),
        ("mail.client.signed_in", "pop3", "LOGIN"),
        ("mail.client.signed_in", "pop3", "OAUTHBEARER"),
        ("mail.client.signed_in", "pop3", "XOAUTH2"),
    ]
    assert all(e.ip == "127.0.0.1" for e in entries)


async def test_fetchmail_fetches_the_mailbox(
    pop3: Pop3Server, org: OrgHandle, runtime: Runtime, tmp_path: Path
) -> None:
    binary = shutil.which("fetchmail")
    assert binary, "fetchmail is installed by .ci/run"
    alice = await org.add_account("alice")
    raws = [message(f"邮件 {i}", f"正文 {i}") for i in range(3)]
    for raw in raws:
        await deliver(runtime, alice, raw)
    inbox = tmp_path / "fetched"
    inbox.mkdir()
    rc = tmp_path / "fetchmailrc"
    cert = pop3.settings.data_dir / "smtp-tls" / "cert.pem"
    rc.write_text(
        f"poll 127.0.0.1 protocol POP3 port {pop3.ports['pop3']} uidl\n"
        f"  user '{ALICE}' password '{ADMIN_PASSWORD}' sslproto TLS1.2+ sslcertck "
        f"sslcommonname mail.acme.test sslcertfile {cert} keep\n"
        f"  mda \"/bin/sh -c 'cat > $(mktemp {inbox}/m.XXXXXX)'\"\n")
    rc.chmod(0o600)
    proc = await asyncio.create_subprocess_exec(
        binary, "-f", str(rc), "--nodetach", "-v", "--idfile", str(tmp_path / "ids"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        env={"HOME": str(tmp_path), "FETCHMAILHOME": str(tmp_path)})
    out, _ = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 0, out.decode(errors="replace")
    got = sorted(p.read_bytes() for p in inbox.iterdir())
    assert len(got) == 3
    for raw in raws:  # fetchmail adds its Received line and writes LF line ends
        assert sum(raw.replace(b"\r\n", b"\n") in g.replace(b"\r\n", b"\n") for g in got) == 1
