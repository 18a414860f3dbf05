"""Debian's mail clients against the real server: offlineimap3 syncing two ways (with a
Chinese folder), getmail6 retrieving over POP3 (left on the server, then deleted) and over
IMAP, and neomutt driven in tmux — opens the inbox, reads a Chinese message, flags one,
moves it, deletes another and sends a message through submission — with the API seeing
every change."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import ssl
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from api.config import Settings
from api.imap import ImapServer
from api.kit import mutf7
from api.mail import append_many
from api.mail.folders.service import create_folder
from api.mail.inbound import SmtpEdge
from api.pop3 import Pop3Server
from api.runtime import Runtime
from api.storage.models import Account
from schemas.mail import FolderCreate
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
from tests.imap.conftest import message
from tests.imap.test_mbsync import _as_stored, _maildir

ALICE = "alice@acme.test"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"submission_port": 0, "submissions_port": -1,
                                       "smtp_port": -1})


async def _run(*argv: str, env: dict[str, str] | None = None, timeout: float = 240) -> str:
    binary = shutil.which(argv[0])
    assert binary, f"{argv[0]} is installed by .ci/run"
    proc = await asyncio.create_subprocess_exec(
        binary, *argv[1:], stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, **(env or {})})
    out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    text = out.decode(errors="replace")
    assert proc.returncode == 0, text
    return text


async def _seed(runtime: Runtime, account_id: str, inbox: list[bytes],
                project: list[bytes]) -> None:
    async with runtime.db.session() as session:
        account = await session.get(Account, account_id)
        assert account is not None
        await append_many(session, runtime, account, inbox)
        folder = await create_folder(session, account, FolderCreate(name="项目"))
        await append_many(session, runtime, account, project, folder_id=folder.id)


async def _messages(client: httpx.AsyncClient, org: OrgHandle) -> dict[str, dict[str, object]]:
    resp = await client.get(f"/v1/accounts/{ALICE}/mail/messages",
                            headers=await org.headers(), params={"limit": 500})
    return {str(m["subject"]): m for m in resp.json()["data"]}


async def _folder_of(client: httpx.AsyncClient, org: OrgHandle) -> dict[str, str]:
    resp = await client.get(f"/v1/accounts/{ALICE}/mail/folders", headers=await org.headers())
    return {f["id"]: f["name"] for f in resp.json()["data"]}


# --- offlineimap3 --------------------------------------------------------------------------


async def test_offlineimap_syncs_both_ways(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient,
    tmp_path: Path,
) -> None:
    alice = await org.add_account("alice")
    inbox = [message(f"同步 {i}", f"正文 {i}\r\n.dot line") for i in range(30)]
    project = [message(f"项目 {i}", f"进展 {i}") for i in range(5)]
    await _seed(runtime, alice.id, inbox, project)
    cert = imap.settings.data_dir / "smtp-tls" / "cert.pem"
    # (imaplib2 matches host names only, not the certificate's 127.0.0.1: pin it instead)
    fingerprint = hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert.read_text())).hexdigest()
    rc = tmp_path / "offlineimaprc"
    rc.write_text(f"""[general]
accounts = mp
metadata = {tmp_path}/meta

[Account mp]
localrepository = near
remoterepository = far

[Repository near]
type = Maildir
localfolders = {tmp_path}/mail
utf8foldernames = yes

[Repository far]
type = IMAP
remotehost = 127.0.0.1
remoteport = {imap.ports['imaps']}
remoteuser = {ALICE}
remotepass = {ADMIN_PASSWORD}
ssl = yes
cert_fingerprint = {fingerprint}
utf8foldernames = yes
""")
    sync = ("offlineimap", "-c", str(rc), "-o", "-u", "basic")
    await _run(*sync)
    near_inbox = _maildir(tmp_path / "mail" / "INBOX")
    # offlineimap keeps the folder's wire name (modified UTF-7) on disk
    made = {mutf7.decode(p.name): p for p in (tmp_path / "mail").iterdir()}
    assert "项目" in made, made
    project_dir = made["项目"]
    near_project = _maildir(project_dir)
    assert set(near_inbox) == set(inbox)  # byte-identical
    assert set(near_project) == set(project)

    # near -> far: seen, deleted, a new message in the Chinese folder
    files = {_as_stored(f.read_bytes()): f for sub in ("cur", "new")
             for f in (tmp_path / "mail" / "INBOX" / sub).iterdir()}
    seen = files[inbox[0]]
    seen.rename(tmp_path / "mail" / "INBOX" / "cur" / (seen.name.split(":2,")[0] + ":2,S"))
    files[inbox[1]].unlink()
    written = message("离线写的", "新")
    (project_dir / "new" / f"{int(time.time())}.local.x").write_bytes(written)
    # far -> near: a flag through the API
    listed = await _messages(client, org)
    await client.patch(f"/v1/accounts/{ALICE}/mail/messages/{listed['同步 2']['id']}",
                       json={"flagged": True}, headers=await org.headers())
    await _run(*sync)

    listed = await _messages(client, org)
    names = await _folder_of(client, org)
    assert listed["同步 0"]["seen"] is True
    assert "同步 1" not in listed
    assert names[str(listed["离线写的"]["folder_id"])] == "项目"
    near_inbox = _maildir(tmp_path / "mail" / "INBOX")
    assert "F" in near_inbox[inbox[2]] and inbox[1] not in near_inbox
    assert len(near_inbox) == 29


# --- getmail6 --------------------------------------------------------------------------------


def _getmailrc(path: Path, retriever: str, port: int, cert: Path, dest: Path,
               delete: bool, extra: str = "") -> Path:
    fingerprint = hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert.read_text())).hexdigest()
    path.write_text(f"""[retriever]
type = {retriever}
server = 127.0.0.1
port = {port}
username = {ALICE}
password = {ADMIN_PASSWORD}
ssl_fingerprints = ('{fingerprint}',)
{extra}
[destination]
type = Maildir
path = {dest}/
user = nobody

[options]
read_all = false
delete = {str(delete).lower()}
verbose = 1
""")
    return path


async def test_getmail_over_pop3_and_imap(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient,
    tmp_path: Path,
) -> None:
    alice = await org.add_account("alice")
    inbox = [message(f"取信 {i}", f"内容 {i}") for i in range(8)]
    await _seed(runtime, alice.id, inbox, [])
    pop3 = Pop3Server(runtime)
    await pop3.start()
    cert = imap.settings.data_dir / "smtp-tls" / "cert.pem"
    # getmail will not deliver as root: it delivers as nobody, into directories nobody
    # may write (the test's tmp_path is root's alone)
    drop = Path(tempfile.mkdtemp(prefix="getmail-"))
    drop.chmod(0o777)
    try:
        for name in ("pop", "imap"):
            for sub in ("cur", "new", "tmp"):
                (drop / name / sub).mkdir(parents=True)
                (drop / name / sub).chmod(0o777)
            (drop / name).chmod(0o777)
        state = tmp_path / "state"
        state.mkdir()
        # POP3, left on the server: all eight, then nothing new on the second run
        keep = _getmailrc(tmp_path / "pop-keep", "SimplePOP3SSLRetriever",
                          pop3.ports["pop3s"], cert, drop / "pop", delete=False)
        await _run("getmail", "--rcfile", str(keep), "--getmaildir", str(state))
        assert _fetched(_maildir(drop / "pop"), inbox)
        out = await _run("getmail", "--rcfile", str(keep), "--getmaildir", str(state))
        assert len(_maildir(drop / "pop")) == 8 and "0 messages (0 bytes) retrieved" in out
        assert len(await _messages(client, org)) == 8

        # IMAP retrieval of the same inbox
        over_imap = _getmailrc(tmp_path / "imap-rc", "SimpleIMAPSSLRetriever",
                               imap.ports["imaps"], cert, drop / "imap", delete=False,
                               extra="mailboxes = ('INBOX',)\n")
        await _run("getmail", "--rcfile", str(over_imap), "--getmaildir", str(state))
        assert _fetched(_maildir(drop / "imap"), inbox)

        # POP3 with delete: a new message is fetched and the mailbox emptied
        await _seed_one(runtime, alice.id, message("新到的", "刚到"))
        delete = _getmailrc(tmp_path / "pop-delete", "SimplePOP3SSLRetriever",
                            pop3.ports["pop3s"], cert, drop / "pop", delete=True)
        await _run("getmail", "--rcfile", str(delete), "--getmaildir", str(state))
        assert len(_maildir(drop / "pop")) == 9
        assert await _messages(client, org) == {}
    finally:
        await pop3.stop()
        shutil.rmtree(drop, ignore_errors=True)


async def _seed_one(runtime: Runtime, account_id: str, raw: bytes) -> None:
    async with runtime.db.session() as session:
        account = await session.get(Account, account_id)
        assert account is not None
        await append_many(session, runtime, account, [raw])


def _fetched(got: dict[bytes, str], sent: list[bytes]) -> bool:
    """Each message arrived once, byte-identical after the trace headers getmail prepends
    (Delivered-To, Return-Path, Received)."""
    assert len(got) == len(sent), (len(got), len(sent))
    tails = [g[g.find(b"\r\nFrom: ") + 2:].replace(
        b"X-getmail-retrieved-from-mailbox: INBOX\r\n", b"") for g in got]
    for raw in sent:
        assert tails.count(raw) == 1, (raw, tails[:2])
    return True


# --- neomutt in tmux -------------------------------------------------------------------------


class Tmux:
    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.env = env

    async def start(self, command: str) -> None:
        await _run("tmux", "new-session", "-d", "-s", self.name, "-x", "160", "-y", "45",
                   command, env=self.env)

    async def keys(self, *keys: str) -> None:
        await _run("tmux", "send-keys", "-t", self.name, *keys, env=self.env)

    async def screen(self) -> str:
        return await _run("tmux", "capture-pane", "-p", "-t", self.name, env=self.env)

    async def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = await self.screen()
            if text in shown:
                return shown
            assert time.monotonic() < deadline, f"{text!r} never shown:\n{shown}"
            await asyncio.sleep(0.3)

    async def stop(self) -> None:
        proc = await asyncio.create_subprocess_exec(
            "tmux", "kill-session", "-t", self.name, env={**os.environ, **self.env},
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        await proc.wait()


async def test_neomutt_reads_flags_moves_deletes_and_sends(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient,
    tmp_path: Path,
) -> None:
    alice = await org.add_account("alice")
    await org.add_account("bob")
    first = message("第一封", "你好，这是第一封中文邮件。")
    second = message("第二封", "要删除的邮件")
    await _seed(runtime, alice.id, [first, second], [])
    edge = SmtpEdge(runtime)
    await edge.start()
    cert = imap.settings.data_dir / "smtp-tls" / "cert.pem"
    rc = tmp_path / "muttrc"
    user = ALICE.replace("@", "%40")
    rc.write_text(f"""set folder = "imap://{user}@127.0.0.1:{imap.ports['imap']}/"
set spoolfile = "+INBOX"
set imap_pass = "{ADMIN_PASSWORD}"
set ssl_starttls = yes
set ssl_force_tls = yes
set certificate_file = "{tmp_path}/certificates"
set ssl_ca_certificates_file = "{cert}"
set smtp_url = "smtp://{user}@127.0.0.1:{edge.ports['submission']}/"
set smtp_pass = "{ADMIN_PASSWORD}"
set from = "{ALICE}"
set record = "+Sent"
set copy = yes
set mbox_type = Maildir
set header_cache = ""
set message_cachedir = ""
set sort = date
set confirmappend = no
set delete = yes
set move = no
set mark_old = no
set wait_key = no
set charset = "utf-8"
set send_charset = "utf-8"
set pager_stop = yes
set resolve = no
set imap_check_subscribed = no
""")
    env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
           "HOME": str(tmp_path), "TMUX_TMPDIR": str(tmp_path)}
    tmux = Tmux("mutt", env)
    try:
        await tmux.start(f"neomutt -n -F {rc}")
        await tmux.wait_for("第二封")
        await tmux.keys("=")  # first entry (sorted by date, ours share one; pick by search)
        await tmux.keys("/", "第一封", "Enter")
        await tmux.keys("Enter")  # read it in the pager
        await tmux.wait_for("这是第一封中文邮件")
        await tmux.keys("q")
        await tmux.keys("F")  # flag it
        await tmux.keys("s", "C-u", "=项目", "Enter")  # save = move (delete from INBOX)
        shown = await tmux.wait_for("项目")
        if "Create" in shown:
            await tmux.keys("y")  # create the folder when asked
        await tmux.keys("/", "第二封", "Enter", "d")
        await tmux.keys("$")  # sync: expunge the deleted
        deadline = time.monotonic() + 60
        while True:
            listed = await _messages(client, org)
            names = await _folder_of(client, org)
            done = ("第二封" not in listed and "第一封" in listed
                    and names.get(str(listed["第一封"]["folder_id"])) == "项目")
            if done:
                break
            assert time.monotonic() < deadline, (
                {k: (names.get(str(v["folder_id"])), v["flagged"], v["seen"])
                 for k, v in listed.items()}, await tmux.screen())
            await asyncio.sleep(0.5)
        assert listed["第一封"]["flagged"] is True
        assert listed["第一封"]["seen"] is True
        await tmux.keys("q", "y")
    finally:
        await tmux.stop()
    # sending: neomutt in batch mode through submission; the copy goes to Sent over IMAP
    body = tmp_path / "body.txt"
    body.write_text("周五开会\n", encoding="utf-8")
    try:
        await _run("sh", "-c", f"neomutt -n -F {rc} -s '会议通知' bob@acme.test < {body}",
                   env=env)
    finally:
        await edge.stop()
    deadline = time.monotonic() + 30
    while True:
        resp = await client.get("/v1/accounts/bob@acme.test/mail/messages",
                                headers=await org.headers())
        subjects = [m["subject"] for m in resp.json()["data"]]
        if "会议通知" in subjects:
            break
        assert time.monotonic() < deadline, subjects
        await asyncio.sleep(0.5)
    sent = await _messages(client, org)
    assert "会议通知" in sent  # the record copy, appended over IMAP
