"""`mailplane export`: one organisation in formats another installation (or any mail,
calendar and contacts client) imports: every mailbox folder as mboxrd (LF line ends,
`From ` lines quoted reversibly) or Maildir (the stored bytes exactly, flags in the file
names), every calendar as iCalendar, every address book as vCard 4.0, and the directory
as the accounts CSV that `mailplane accounts import` reads.

    <out>/directory/accounts.csv
    <out>/mail/<address>/<folder>.mbox        (or <folder>/ as Maildir: cur/ new/ tmp/)
    <out>/calendars/<address>/<calendar>.ics
    <out>/contacts/<address>/<address book>.vcf
    <out>/mailplane/manifest.json              (what `mailplane org import` reads)
    <out>/mailplane/mail/<address>/<folder>.jsonl

The `mailplane/` part makes the export lossless for another Mailplane: the manifest names
each account's folders (their full path and role, which file names cannot carry),
calendars and address books (time zone, colour, default), and each folder's `.jsonl` has
one line per message, in file order, with what mbox or Maildir lose: the exact internal
date, flags and keywords, the SHA-256 of the stored bytes and their line ends (mboxrd
stores LF; the importer restores CRLF and checks the hash; a message with mixed line ends,
which mboxrd cannot give back, also has its bytes there in base64).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from api.calendar.ics.service import export_ics
from api.contacts.contacts.transfer import export_vcards
from api.directory import csv_stream
from api.ops import export_repository as repository
from api.runtime import Runtime
from api.storage.models import MailFolder, MailMessage

FORMAT = "mailplane-org-export"
VERSION = 1
MANIFEST = "mailplane/manifest.json"

_UNSAFE = re.compile(r"[^\w.@+ -]+", re.UNICODE)


@dataclass
class ExportReport:
    accounts: int = 0
    messages: int = 0
    calendars: int = 0
    address_books: int = 0
    files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"accounts": self.accounts, "messages": self.messages,
                "calendars": self.calendars, "address_books": self.address_books,
                "files": len(self.files)}


def safe_name(name: str, taken: set[str]) -> str:
    """A file name from a folder or calendar name: no separators, unique in its folder."""
    base = _UNSAFE.sub("_", name).strip(" .") or "unnamed"
    candidate, n = base[:120], 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base[:110]} ({n})"
    taken.add(candidate.lower())
    return candidate


def _flags(message: MailMessage) -> str:
    return "".join(flag for flag, on in (
        ("D", message.draft), ("F", message.flagged), ("P", message.forwarded),
        ("R", message.answered), ("S", message.seen)) if on)


async def export_org(
    runtime: Runtime, org_id: str, out: Path, *, mail_format: Literal["mbox", "maildir"] = "mbox"
) -> ExportReport:
    report = ExportReport()
    (out / "directory").mkdir(parents=True, exist_ok=True)
    with (out / "directory" / "accounts.csv").open("wb") as fh:
        async for chunk in csv_stream(runtime, org_id, "utf-8"):
            fh.write(chunk)
    report.files.append("directory/accounts.csv")
    async with runtime.db.session(write=False) as session:
        people = await repository.accounts(session, org_id)
    manifest: dict[str, object] = {"format": FORMAT, "version": VERSION,
                                   "mail_format": mail_format, "accounts": []}
    entries: list[dict[str, object]] = []
    for account in people:
        report.accounts += 1
        entry: dict[str, object] = {"address": account.address, "calendars": [],
                                    "address_books": []}
        entry["folders"] = await _mail(runtime, org_id, account.id, out, account.address,
                                       mail_format, report)
        async with runtime.db.session(write=False) as session:
            taken: set[str] = set()
            for calendar in await repository.calendars(session, org_id, account.id):
                name = safe_name(calendar.name, taken)
                path = out / "calendars" / account.address / f"{name}.ics"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(await export_ics(session, calendar))
                report.calendars += 1
                report.files.append(str(path.relative_to(out)))
                entry["calendars"].append({  # type: ignore[attr-defined]
                    "name": calendar.name, "description": calendar.description,
                    "color": calendar.color, "time_zone": calendar.time_zone,
                    "is_default": calendar.is_default, "file": str(path.relative_to(out))})
            taken = set()
            for book in await repository.address_books(session, org_id, account.id):
                path = out / "contacts" / account.address / f"{safe_name(book.name, taken)}.vcf"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(await export_vcards(session, runtime, book, "4.0"),
                                encoding="utf-8", newline="")
                report.address_books += 1
                report.files.append(str(path.relative_to(out)))
                entry["address_books"].append({  # type: ignore[attr-defined]
                    "name": book.name, "description": book.description,
                    "is_default": book.is_default, "file": str(path.relative_to(out))})
        entries.append(entry)
    manifest["accounts"] = entries
    (out / MANIFEST).parent.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                encoding="utf-8")
    report.files.append(MANIFEST)
    return report


def folder_path(folder: MailFolder, by_id: dict[str, MailFolder]) -> list[str]:
    """A folder's names from the top, e.g. ["Archive", "2030"]."""
    names = [folder.name]
    seen = {folder.id}
    parent = by_id.get(folder.parent_id or "")
    while parent is not None and parent.id not in seen:
        names.insert(0, parent.name)
        seen.add(parent.id)
        parent = by_id.get(parent.parent_id or "")
    return names


def line_ends(raw: bytes) -> str:
    """"crlf" when every line ends CRLF, "lf" when none does, else "mixed"."""
    crlf = raw.count(b"\r\n")
    lf = raw.count(b"\n")
    if crlf == lf:
        return "crlf"
    return "lf" if crlf == 0 else "mixed"


def _index_line(message: MailMessage, raw: bytes, file: str | None) -> bytes:
    meta: dict[str, object] = {
        "sha256": hashlib.sha256(raw).hexdigest(),
        "size": len(raw),
        "received_at": message.received_at.isoformat(),
        "flags": {"seen": message.seen, "flagged": message.flagged,
                  "answered": message.answered, "forwarded": message.forwarded,
                  "draft": message.draft},
        "keywords": list(message.keywords or []),
        "eol": line_ends(raw),
        "final_newline": raw.endswith(b"\n"),
        "file": file,
    }
    if file is None and meta["eol"] == "mixed":  # mboxrd cannot keep these bytes: keep them here
        meta["raw"] = base64.b64encode(raw).decode()
    return json.dumps(meta, ensure_ascii=False).encode() + b"\n"


async def _mail(runtime: Runtime, org_id: str, account_id: str, out: Path, address: str,
                mail_format: str, report: ExportReport) -> list[dict[str, object]]:
    async with runtime.db.session(write=False) as session:
        folders = await repository.folders(session, org_id, account_id)
    by_id = {f.id: f for f in folders}
    root = out / "mail" / address
    index_root = out / "mailplane" / "mail" / address
    taken: set[str] = set()
    described: list[dict[str, object]] = []
    for folder in folders:
        name = safe_name(folder.name, taken)
        root.mkdir(parents=True, exist_ok=True)
        index_root.mkdir(parents=True, exist_ok=True)
        index = (index_root / f"{name}.jsonl").open("wb")
        try:
            if mail_format == "maildir":
                target = root / name
                for sub in ("cur", "new", "tmp"):
                    (target / sub).mkdir(parents=True, exist_ok=True)
                async for message in repository.messages(runtime.db, org_id, account_id,
                                                         folder.id):
                    raw = await runtime.blobs.read_all(message.blob_sha256)
                    stamp = int(message.received_at.timestamp())
                    file = f"{stamp}.{message.id}.mailplane:2,{_flags(message)}"
                    await asyncio.to_thread((target / "cur" / file).write_bytes, raw)  # exactly
                    index.write(_index_line(message, raw, file))
                    report.messages += 1
            else:
                target = root / f"{name}.mbox"
                with target.open("wb") as fh:
                    async for message in repository.messages(
                            runtime.db, org_id, account_id, folder.id):
                        raw = await runtime.blobs.read_all(message.blob_sha256)
                        await asyncio.to_thread(fh.write, mboxrd_entry(message, raw))
                        index.write(_index_line(message, raw, None))
                        report.messages += 1
        finally:
            index.close()
        report.files.append(str(target.relative_to(out)))
        described.append({"path": folder_path(folder, by_id), "role": folder.role,
                          "subscribed": folder.subscribed,
                          "file": str(target.relative_to(out)),
                          "index": str((index_root / f"{name}.jsonl").relative_to(out))})
    return described


_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)


def mboxrd_entry(message: MailMessage, raw: bytes) -> bytes:
    """One mboxrd entry: the From_ line, the message with LF line ends and every
    `>*From ` line quoted once more (reversible), and a blank line."""
    sender = (message.from_address or "MAILER-DAEMON").replace(" ", "_")
    when = message.received_at.strftime("%a %b %d %H:%M:%S %Y")
    body = raw.replace(b"\r\n", b"\n")
    body = _FROM_LINE.sub(rb">\1", body)
    if not body.endswith(b"\n"):
        body += b"\n"
    return f"From {sender} {when}\n".encode() + body + b"\n"
