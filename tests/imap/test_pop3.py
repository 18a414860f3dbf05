"""POP3 against the real server: STLS before any password, UIDL/TOP/CAPA, SASL PLAIN,
"leave on server" and deletion (the API's expunge), and fetchmail fetching a mailbox."""

from __future__ import annotations

import asyncio
import base64
import poplib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from api.pop3 import Pop3Server
from api.runtime import Runtime
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
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
