"""IMAP conformance with Python's imaplib against the real server on loopback: sign-in rules,
mailbox commands with Chinese folder names, FETCH, STORE, COPY/MOVE/EXPUNGE with UIDPLUS,
APPEND, SEARCH from the index, CONDSTORE/QRESYNC resync, and one mailbox through two doors
(an IMAP change is the API's change with its events, and the reverse wakes IDLE)."""

from __future__ import annotations

import base64
import imaplib
import re
import socket
import ssl
import time

import httpx
from sqlalchemy import select

from api.imap import ImapServer
from api.runtime import Runtime
from api.storage.models import AuditEntry, Event
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle, user_tokens
from tests.imap.conftest import connect, deliver, message, on_thread, tls_context

ALICE = "alice@acme.test"


def _api(address: str, path: str) -> str:
    return f"/v1/accounts/{address}/mail{path}"


async def test_sign_in_needs_tls_and_a_right_password(imap: ImapServer, org: OrgHandle) -> None:
    await org.add_account("alice")

    def go() -> tuple[bytes, str, str]:
        plain = imaplib.IMAP4("127.0.0.1", imap.ports["imap"], timeout=10)
        caps = plain.capability()[1][0]
        try:
            plain.login(ALICE, ADMIN_PASSWORD)
            refused = "no"
        except imaplib.IMAP4.error as error:
            refused = str(error)
        plain.starttls(tls_context(imap.settings))
        try:
            plain.login(ALICE, "wrong-password")
            wrong = "no"
        except imaplib.IMAP4.error as error:
            wrong = str(error)
        plain.login(ALICE, ADMIN_PASSWORD)
        plain.logout()
        return caps, refused, wrong

    caps, refused, wrong = await on_thread(go)
    assert b"STARTTLS" in caps and b"LOGINDISABLED" in caps and b"AUTH=PLAIN" not in caps
    assert "PRIVACYREQUIRED" in refused
    assert "AUTHENTICATIONFAILED" in wrong


async def test_implicit_tls_port_and_sign_ins_are_audited(
    imap: ImapServer, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")

    def go() -> None:
        client = imaplib.IMAP4_SSL("127.0.0.1", imap.ports["imaps"],
                                   ssl_context=tls_context(imap.settings), timeout=10)
        client.authenticate("PLAIN", lambda _: f"\0{ALICE}\0{ADMIN_PASSWORD}".encode())
        client.logout()

    await on_thread(go)
    async with runtime.db.session(write=False) as session:
        entries = (await session.execute(
            select(AuditEntry).where(AuditEntry.action == "mail.client.signed_in"))).scalars().all()
    assert [(e.actor_id, e.ip, e.details["protocol"], e.details["mechanism"]) for e in entries] \
        == [(alice.id, "127.0.0.1", "imap", "PLAIN")]


async def test_frozen_account_is_refused(imap: ImapServer, org: OrgHandle) -> None:
    await org.add_account("frozen", status="suspended")

    def go() -> str:
        client = connect(imap)
        try:
            client.login("frozen@acme.test", ADMIN_PASSWORD)
        except imaplib.IMAP4.error as error:
            return str(error)
        return "signed in"

    assert "AUTHENTICATIONFAILED" in await on_thread(go)


async def test_oauthbearer_needs_a_mail_scope(imap: ImapServer, org: OrgHandle) -> None:
    await org.add_account("alice")
    reader = (await user_tokens(org, ALICE, "mail:read"))["access_token"]
    sender = (await user_tokens(org, ALICE, "mail:send"))["access_token"]

    def attempt(token: str, mechanism: str) -> str:
        client = connect(imap)
        if mechanism == "XOAUTH2":
            blob = f"user={ALICE}\x01auth=Bearer {token}\x01\x01".encode()
        else:
            blob = f"n,a={ALICE},\x01auth=Bearer {token}\x01\x01".encode()
        try:
            typ, _ = client.authenticate(mechanism, lambda _: blob)
            client.logout()
            return typ
        except imaplib.IMAP4.error as error:
            return str(error)

    assert await on_thread(attempt, reader, "OAUTHBEARER") == "OK"
    assert await on_thread(attempt, reader, "XOAUTH2") == "OK"
    assert "AUTHENTICATIONFAILED" in await on_thread(attempt, sender, "XOAUTH2")
    # a token only good for sending is not a password either
    assert "AUTHENTICATIONFAILED" in await on_thread(
        lambda: _login_error(imap, ALICE, sender))


def _login_error(imap: ImapServer, user: str, password: str) -> str:
    try:
        connect(imap, user, password).logout()
        return "signed in"
    except imaplib.IMAP4.error as error:
        return str(error)


async def test_chinese_folders_in_modified_utf7_and_special_use(
    imap: ImapServer, org: OrgHandle, client: httpx.AsyncClient
) -> None:
    await org.add_account("alice")

    def go() -> tuple[list[bytes], list[bytes], bytes]:
        c = connect(imap, ALICE)
        assert c.create('"&XeVPXA-/&mHl27g-"')[0] == "OK"
        listed = c.list()[1]
        special = c.list('""', "*")[1]
        c.rename('"&XeVPXA-/&mHl27g-"', '"&XeVPXA-/&UXZO1g-"')  # 工作/其他
        status = c.status('"&XeVPXA-/&UXZO1g-"', "(MESSAGES UIDNEXT UIDVALIDITY)")[1][0]
        c.logout()
        return listed, special, status

    listed, _, status = await on_thread(go)
    assert b'(\\HasNoChildren \\Sent) "/" "Sent"' in listed
    assert b'(\\HasNoChildren \\Trash) "/" "Trash"' in listed
    assert b'(\\HasChildren) "/" "&XeVPXA-"' in listed
    assert b'(\\HasNoChildren) "/" "&XeVPXA-/&mHl27g-"' in listed
    assert status.startswith(b'"&XeVPXA-/&UXZO1g-" (MESSAGES 0 UIDNEXT 1 UIDVALIDITY ')
    listed = await client.get(_api(ALICE, "/folders"), headers=await org.headers())
    folders = listed.json()["data"]
    assert {"工作", "其他"} <= {f["name"] for f in folders}


async def test_fetch_is_byte_exact_and_body_fetch_marks_seen(
    imap: ImapServer, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    multipart = (
        b"From: =?UTF-8?B?5byg5LiJ?= <zhang@acme.test>\r\nTo: alice@acme.test\r\n"
        b"Subject: =?UTF-8?B?5Lya6K6u57qq6KaB?=\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        b"preamble\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"\xe4\xbd\xa0\xe5\xa5\xbd\r\n--b1\r\nContent-Type: application/pdf; name=a.pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; "
        b"filename=a.pdf\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n"
    )
    await deliver(runtime, alice, multipart)

    def go() -> dict[str, object]:
        c = connect(imap, ALICE)
        c.select("INBOX")
        out: dict[str, object] = {}
        _, data = c.uid("FETCH", "1", "(BODY.PEEK[] FLAGS)")
        out["full"] = data[0][1]
        out["flags_after_peek"] = c.fetch("1", "(FLAGS)")[1][0]
        _, data = c.fetch("1", "(BODY[1] BODY[2.MIME] BODYSTRUCTURE ENVELOPE)")
        out["parts"] = data
        out["binary"] = c.fetch("1", "(BINARY.PEEK[2])")[1][0][1]
        out["partial"] = c.fetch("1", "(BODY.PEEK[]<0.4>)")[1][0][1]
        out["flags_after_body"] = c.fetch("1", "(FLAGS)")[1][0]
        c.logout()
        return out

    out = await on_thread(go)
    assert out["full"] == multipart
    assert b"\\Seen" not in out["flags_after_peek"]  # type: ignore[operator]
    parts = out["parts"]
    assert parts[0][1] == "你好".encode()  # type: ignore[index]
    assert parts[1][1].startswith(b"Content-Type: application/pdf")  # type: ignore[index]
    structure = b"".join(p if isinstance(p, bytes) else p[0] + p[1] for p in parts)  # type: ignore[union-attr]
    assert b'("application" "pdf" ("name" "a.pdf") NIL NIL "BASE64" 12 NIL ' \
           b'("attachment" ("filename" "a.pdf"))' in structure
    assert b'"mixed"' in structure and b'"=?UTF-8?B?5Lya6K6u57qq6KaB?="' in structure
    assert out["binary"] == b"%PDF-1.4\n"
    assert out["partial"] == b"From"
    assert b"\\Seen" in out["flags_after_body"]  # type: ignore[operator]


async def test_store_copy_move_expunge_answer_with_uidplus_and_are_api_changes(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient
) -> None:
    alice = await org.add_account("alice")
    ids = [await deliver(runtime, alice, message(f"m{i}")) for i in range(4)]
    headers = await org.headers()

    def go() -> dict[str, object]:
        c = connect(imap, ALICE)
        c.select("INBOX")
        out: dict[str, object] = {}
        out["store"] = c.uid("STORE", "1", "+FLAGS", r"(\Seen $Work)")[1]
        out["copy"] = c._simple_command("UID", "COPY", "2", "Archive")
        out["move"] = c._simple_command("UID", "MOVE", "3", "Archive")
        out["after_move"] = c.untagged_responses.copy()
        c.untagged_responses.pop("EXPUNGE", None)
        c.uid("STORE", "4", "+FLAGS.SILENT", r"(\Deleted)")
        out["expunge"] = c.expunge()
        out["left"] = c.uid("SEARCH", "ALL")[1]
        c.logout()
        return out

    out = await on_thread(go)
    assert out["store"] == [b"1 (UID 1 FLAGS (\\Seen $Work))"]
    assert re.match(rb"\[COPYUID \d+ 2 1\]", out["copy"][1][0])  # type: ignore[index]
    assert out["move"][0] == "OK"  # type: ignore[index]
    assert re.match(rb"\[COPYUID \d+ 3 2\]", out["after_move"]["OK"][-1])  # type: ignore[index]
    assert out["after_move"]["EXPUNGE"][-1] == b"3"  # type: ignore[index]
    assert out["expunge"] == ("OK", [b"3"])  # sequence number 3 (UID 4) went
    assert out["left"] == [b"1 2"]
    messages = {m["id"]: m for m in (await client.get(
        _api(ALICE, "/messages"), headers=headers, params={"limit": 50})).json()["data"]}
    assert messages[ids[0]]["seen"] is True and "$Work" in messages[ids[0]]["keywords"]
    assert ids[3] not in messages  # expunged for good
    folders = {f["role"]: f for f in (await client.get(_api(ALICE, "/folders"),
                                                       headers=headers)).json()["data"]}
    assert messages[ids[2]]["folder_id"] == folders["archive"]["id"]  # moved, same id
    assert folders["archive"]["total_count"] == 2 and folders["inbox"]["total_count"] == 2
    async with runtime.db.session(write=False) as session:
        types = (await session.execute(select(Event.type, Event.data))).all()
    updated = [d["id"] for t, d in types if t == "mail.message.updated"]
    assert ids[0] in updated and ids[2] in updated
    assert [d["id"] for t, d in types if t == "mail.message.deleted"] == [ids[3]]


async def test_append_goes_through_the_store_and_answers_appenduid(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient
) -> None:
    await org.add_account("alice")
    raw = message("草稿", "写了一半")

    def go() -> tuple[str, list[bytes], bytes]:
        c = connect(imap, ALICE)
        typ, data = c.append("Drafts", r"(\Draft \Seen)",
                             imaplib.Time2Internaldate(1_700_000_000), raw)
        c.select("Drafts")
        fetched = c.fetch("1", "(BODY.PEEK[] INTERNALDATE FLAGS)")[1]
        c.logout()
        return typ, data, fetched[0][0] + fetched[0][1] + fetched[1]

    typ, data, fetched = await on_thread(go)
    assert typ == "OK" and re.match(rb"\[APPENDUID \d+ 1\]", data[0])
    assert raw in fetched and b'"14-Nov-2023 22:13:20 +0000"' in fetched
    assert b"\\Draft" in fetched and b"\\Seen" in fetched
    listed = (await client.get(_api(ALICE, "/messages"), headers=await org.headers(),
                               params={"q": "写了"})).json()["data"]
    assert [m["subject"] for m in listed] == ["草稿"]


async def test_search_uses_the_index_with_two_chinese_characters(
    imap: ImapServer, org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    await deliver(runtime, alice, message("季度报告", "请审阅项目进展 zebra"))
    await deliver(runtime, alice, message("午餐", "今天吃什么"))
    await deliver(runtime, alice, message("Re: 季度", "好的", sender="carol@acme.test"))

    def go() -> dict[str, object]:
        c = connect(imap, ALICE)
        c.select("INBOX")
        c.store("3", "+FLAGS", r"(\Flagged)")
        out = {
            "body": c.uid("SEARCH", "CHARSET", "UTF-8", "BODY", "项目".encode())[1],
            "text": c.search(None, "TEXT", "zebra")[1],
            "subject": c.uid("SEARCH", "CHARSET", "UTF-8", "SUBJECT", "季度".encode())[1],
            "from_flagged": c.search(None, "FROM", "carol", "FLAGGED")[1],
            "or_not": c.search(None, "OR", "SUBJECT", "zebra", "NOT", "FLAGGED")[1],
            "esearch": (c.uid("SEARCH", "RETURN", "(MIN MAX COUNT)", "ALL"),
                        c.untagged_responses.pop("ESEARCH"))[1],
            "sort": c.sort("(REVERSE ARRIVAL)", "UTF-8", "ALL")[1],
        }
        c.logout()
        return out

    out = await on_thread(go)
    assert out["body"] == [b"1"]
    assert out["text"] == [b"1"]
    assert out["subject"] == [b"1 3"]
    assert out["from_flagged"] == [b"3"]
    assert out["or_not"] == [b"1 2"]
    assert re.match(rb'\(TAG "\w+"\) UID MIN 1 MAX 3 COUNT 3$', out["esearch"][0])  # type: ignore[index]
    assert out["sort"] == [b"3 2 1"]


def _raw_session(imap: ImapServer) -> ssl.SSLSocket:
    """A bare TLS socket signed in as Alice (for IDLE and QRESYNC, which imaplib lacks)."""
    sock = socket.create_connection(("127.0.0.1", imap.ports["imaps"]), timeout=10)
    tls = tls_context(imap.settings).wrap_socket(sock, server_hostname="127.0.0.1")
    _read_until(tls, b"* OK")
    creds = base64.b64encode(f"\0{ALICE}\0{ADMIN_PASSWORD}".encode()).decode()
    tls.sendall(f"a AUTHENTICATE PLAIN {creds}\r\n".encode())
    _read_until(tls, b"a OK")
    return tls


def _read_until(sock: ssl.SSLSocket, marker: bytes, timeout: float = 10) -> bytes:
    data = b""
    sock.settimeout(timeout)
    while marker not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(data.decode(errors="replace"))
        data += chunk
    return data


async def test_idle_wakes_within_a_second_of_an_api_change_and_a_delivery(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient
) -> None:
    alice = await org.add_account("alice")
    first = await deliver(runtime, alice, message("one"))
    sock = await on_thread(_raw_session, imap)
    sock.sendall(b"s SELECT INBOX\r\ni IDLE\r\n")
    await on_thread(_read_until, sock, b"+ idling")
    headers = await org.headers()
    resp = await client.patch(_api(ALICE, f"/messages/{first}"), json={"flagged": True},
                              headers=headers)
    assert resp.status_code == 200
    committed = time.monotonic()  # the API answers after its transaction committed
    woke = await on_thread(_read_until, sock, b"FETCH", 5)
    assert time.monotonic() - committed < 1.0
    assert b"* 1 FETCH (UID 1 FLAGS (\\Flagged))" in woke
    started = time.monotonic()
    await deliver(runtime, alice, message("two"))
    woke = await on_thread(_read_until, sock, b"EXISTS", 5)
    assert time.monotonic() - started < 1.0 and b"* 2 EXISTS" in woke
    await client.delete(_api(ALICE, f"/messages/{first}"), headers=headers,
                        params={"permanent": "true"})
    woke = await on_thread(_read_until, sock, b"EXPUNGE", 5)
    assert b"* 1 EXPUNGE" in woke
    sock.sendall(b"DONE\r\n")
    assert b"i OK" in await on_thread(_read_until, sock, b"i OK")
    sock.close()


async def test_condstore_and_qresync_resync_after_a_disconnection(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient
) -> None:
    alice = await org.add_account("alice")
    ids = [await deliver(runtime, alice, message(f"m{i}")) for i in range(3)]
    sock = await on_thread(_raw_session, imap)
    sock.sendall(b"e ENABLE QRESYNC\r\ns SELECT INBOX\r\n")
    selected = await on_thread(_read_until, sock, b"s OK")
    validity = re.search(rb"UIDVALIDITY (\d+)", selected).group(1)  # type: ignore[union-attr]
    highest = int(re.search(rb"HIGHESTMODSEQ (\d+)", selected).group(1))  # type: ignore[union-attr]
    sock.sendall(b"l LOGOUT\r\n")
    sock.close()
    # while the client is away: one flag change and one deletion through the API
    headers = await org.headers()
    await client.patch(_api(ALICE, f"/messages/{ids[1]}"), json={"seen": True}, headers=headers)
    await client.delete(_api(ALICE, f"/messages/{ids[0]}"), headers=headers)
    sock = await on_thread(_raw_session, imap)
    sock.sendall(b"e ENABLE QRESYNC\r\ns SELECT INBOX (QRESYNC (" + validity
                 + f" {highest} 1:3))\r\n".encode())
    resync = await on_thread(_read_until, sock, b"s OK")
    assert b"* VANISHED (EARLIER) 1" in resync
    assert re.search(rb"\* 1 FETCH \(UID 2 FLAGS \(\\Seen\) MODSEQ \(\d+\)\)", resync)
    assert b"UID 3 FLAGS" not in resync  # unchanged since
    sock.sendall(f"f UID FETCH 1:* (FLAGS) (CHANGEDSINCE {highest})\r\n".encode())
    changed = await on_thread(_read_until, sock, b"f OK")
    assert b"UID 2" in changed and b"UID 3" not in changed
    sock.close()


async def test_uids_and_uidvalidity_survive_a_restart(
    org: OrgHandle, runtime: Runtime
) -> None:
    alice = await org.add_account("alice")
    for i in range(3):
        await deliver(runtime, alice, message(f"m{i}"))

    async def snapshot() -> tuple[bytes, list[bytes]]:
        server = ImapServer(runtime)
        await server.start()
        try:
            def go() -> tuple[bytes, list[bytes]]:
                c = connect(server, ALICE)
                c.select("INBOX")
                validity = c.response("UIDVALIDITY")[1][0]
                uids = c.uid("SEARCH", "ALL")[1]
                c.logout()
                return validity, uids
            return await on_thread(go)
        finally:
            await server.stop()

    assert await snapshot() == await snapshot()


async def test_malformed_commands_get_tagged_bad_and_the_session_lives(
    imap: ImapServer, org: OrgHandle
) -> None:
    await org.add_account("alice")

    def go() -> bytes:
        sock = _raw_session(imap)
        for line in (b"x1 FETCH\r\n", b"x2 UID BOGUS 1\r\n", b"x3 SELECT\r\n",
                     b"x4 FETCH 1:* (BODY[HEADER.FIELDS ()])\r\n", b'x5 LOGIN "a\r\n',
                     b"x6 SEARCH OR\r\n", b"x7 STORE 1 +FLAGS (\\Bogus)\r\n",
                     b"x8 NOOP\r\n"):
            sock.sendall(line)
        data = _read_until(sock, b"x8 OK")
        sock.close()
        return data

    data = await on_thread(go)
    for tag in (b"x1", b"x2", b"x3", b"x4", b"x5", b"x6", b"x7"):
        assert tag + b" BAD" in data
