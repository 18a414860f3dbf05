"""`mbsync` (isync) against the real server: a 300-message mailbox with a Chinese folder
synced to a local Maildir and back — bytes identical both ways, flags, moves, deletions
and new messages travelling in each direction, and the API seeing every client change."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import httpx

from api.imap import ImapServer
from api.mail import append_many
from api.mail.folders.service import create_folder
from api.runtime import Runtime
from api.storage.models import Account
from schemas.mail import FolderCreate
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
from tests.imap.conftest import message
from tests.smtp.conftest import mailbox

ALICE = "alice@acme.test"
INBOX_COUNT, PROJECT_COUNT = 250, 50


def _config(imap: ImapServer, root: Path) -> Path:
    cert = imap.settings.data_dir / "smtp-tls" / "cert.pem"
    rc = root / "mbsyncrc"
    rc.write_text(f"""IMAPAccount mp
Host 127.0.0.1
Port {imap.ports['imap']}
User {ALICE}
Pass {ADMIN_PASSWORD}
SSLType STARTTLS
CertificateFile {cert}
PipelineDepth 50

IMAPStore far
Account mp

MaildirStore near
Path {root}/mail/
Inbox {root}/mail/INBOX
SubFolders Verbatim

Channel all
Far :far:
Near :near:
Patterns *
Create Both
Remove None
Expunge Both
SyncState *
""")
    return rc


async def _mbsync(rc: Path) -> str:
    binary = shutil.which("mbsync")
    assert binary, "isync is installed by .ci/run"
    proc = await asyncio.create_subprocess_exec(
        binary, "-c", str(rc), "-a", stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT)
    out, _ = await asyncio.wait_for(proc.communicate(), 240)
    assert proc.returncode == 0, out.decode(errors="replace")
    return out.decode(errors="replace")


def _as_stored(data: bytes) -> bytes:
    """A Maildir file as the server holds it: CRLF line ends, without the X-TUID header
    mbsync writes into the messages it stores locally (its own bookkeeping)."""
    data = re.sub(rb"(?m)^X-TUID: [^\n]*\n", b"", data.replace(b"\r\n", b"\n"), count=1)
    return data.replace(b"\n", b"\r\n")


def _maildir(path: Path) -> dict[bytes, str]:
    """Message bytes (CRLF, as the server holds them) -> Maildir flags, for cur/ and new/."""
    out: dict[bytes, str] = {}
    for sub in ("cur", "new"):
        for f in (path / sub).iterdir() if (path / sub).exists() else []:
            data = _as_stored(f.read_bytes())
            out[data] = f.name.split(":2,")[1] if ":2," in f.name else ""
    return out


async def _server_folders(runtime: Runtime, account: Account) -> dict[str, list[bytes]]:
    """Raw bytes per folder role ("" for custom folders)."""
    rows = await mailbox(runtime, account.id)
    out: dict[str, list[bytes]] = {}
    for role, raw in rows:
        out.setdefault(role, []).append(raw)
    return out


async def test_mbsync_round_trip_with_a_chinese_folder(
    imap: ImapServer, org: OrgHandle, runtime: Runtime, client: httpx.AsyncClient,
    tmp_path: Path,
) -> None:
    alice = await org.add_account("alice")
    inbox_raws = [message(f"邮件 {i}", f"第 {i} 封\r\n.leading dot\r\nend") for i in
                  range(INBOX_COUNT)]
    project_raws = [message(f"项目 {i}", f"进展 {i}") for i in range(PROJECT_COUNT)]
    async with runtime.db.session() as session:
        account = await session.get(Account, alice.id)
        assert account is not None
        await append_many(session, runtime, account, inbox_raws)
        parent = await create_folder(session, account, FolderCreate(name="工作"))
        project = await create_folder(session, account,
                                      FolderCreate(name="项目", parent_id=parent.id))
        await append_many(session, runtime, account, project_raws, folder_id=project.id)
    rc = _config(imap, tmp_path)
    (tmp_path / "mail").mkdir()

    # 1. far -> near: every message, byte-identical, in its folder
    await _mbsync(rc)
    near_inbox = _maildir(tmp_path / "mail" / "INBOX")
    project_dir = next(p for p in (tmp_path / "mail").rglob("*") if p.is_dir()
                       and (p / "cur").exists() and p.parent.name in ("工作", "&XeVPXA-"))
    near_project = _maildir(project_dir)
    assert set(near_inbox) == set(inbox_raws)
    assert set(near_project) == set(project_raws)

    # 2. near -> far: a flag, a move into the Chinese folder, a deletion, a new message
    inbox_dir = tmp_path / "mail" / "INBOX"
    files = sorted([*(inbox_dir / "cur").iterdir(), *(inbox_dir / "new").iterdir()])
    by_bytes = {_as_stored(f.read_bytes()): f for f in files}
    seen_file = by_bytes[inbox_raws[0]]
    seen_file.rename(inbox_dir / "cur" / (seen_file.name.split(":2,")[0] + ":2,S"))
    moved_file = by_bytes[inbox_raws[1]]
    moved_file.rename(project_dir / "new" / "moved.mail")  # mbsync sees a new message there
    by_bytes[inbox_raws[2]].unlink()
    written = message("本地写的", "新邮件")
    (tmp_path / "mail" / "INBOX" / "new" / "local.mail").write_bytes(
        written.replace(b"\r\n", b"\n"))
    await _mbsync(rc)
    listed = {m["subject"]: m for m in (await client.get(
        f"/v1/accounts/{ALICE}/mail/messages", headers=await org.headers(),
        params={"limit": 500})).json()["data"]}
    assert listed["邮件 0"]["seen"] is True
    assert "邮件 2" not in listed
    # (mbsync adds its X-TUID header to what it uploads, as it does with any server)
    folders = {role: [_as_stored(raw) for raw in raws]
               for role, raws in (await _server_folders(runtime, alice)).items()}
    assert written in folders["inbox"]
    assert inbox_raws[1] in folders[""] and inbox_raws[1] not in folders["inbox"]
    assert len(folders["inbox"]) == INBOX_COUNT - 2 + 1

    # 3. far -> near: API changes show up in the Maildir
    headers = await org.headers()
    folder_ids = {f["name"]: f["id"] for f in (await client.get(
        f"/v1/accounts/{ALICE}/mail/folders", headers=headers)).json()["data"]}
    await client.patch(f"/v1/accounts/{ALICE}/mail/messages/{listed['邮件 3']['id']}",
                       json={"flagged": True}, headers=headers)
    await client.patch(f"/v1/accounts/{ALICE}/mail/messages/{listed['邮件 4']['id']}",
                       json={"folder_id": folder_ids["项目"]}, headers=headers)
    await client.delete(f"/v1/accounts/{ALICE}/mail/messages/{listed['邮件 5']['id']}",
                        headers=headers, params={"permanent": "true"})
    await _mbsync(rc)
    near_inbox = _maildir(tmp_path / "mail" / "INBOX")
    near_project = _maildir(project_dir)
    assert "F" in near_inbox[inbox_raws[3]]
    assert inbox_raws[4] in near_project and inbox_raws[4] not in near_inbox
    assert inbox_raws[5] not in near_inbox
    assert "S" in near_inbox[inbox_raws[0]]
    assert len(near_inbox) == INBOX_COUNT - 2 + 1 - 2
    assert len(near_project) == PROJECT_COUNT + 2
