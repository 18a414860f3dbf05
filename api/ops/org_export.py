"""`mailplane export`: one organisation in formats another installation (or any mail,
calendar and contacts client) imports: every mailbox folder as mboxrd (LF line ends,
`From ` lines quoted reversibly) or Maildir (the stored bytes exactly, flags in the file
names), every calendar as iCalendar, every address book as vCard 4.0, and the directory
as the accounts CSV that `mailplane accounts import` reads.

    <out>/directory/accounts.csv
    <out>/mail/<address>/<folder>.mbox        (or <folder>/ as Maildir: cur/ new/ tmp/)
    <out>/calendars/<address>/<calendar>.ics
    <out>/contacts/<address>/<address book>.vcf
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from api.calendar.ics.service import export_ics
from api.contacts.contacts.transfer import export_vcards
from api.directory.imports.export import csv_stream
from api.ops import export_repository as repository
from api.runtime import Runtime
from api.storage.models import MailMessage

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
    for account in people:
        report.accounts += 1
        await _mail(runtime, org_id, account.id, out / "mail" / account.address, mail_format,
                    report)
        async with runtime.db.session(write=False) as session:
            taken: set[str] = set()
            for calendar in await repository.calendars(session, org_id, account.id):
                name = safe_name(calendar.name, taken)
                path = out / "calendars" / account.address / f"{name}.ics"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(await export_ics(session, calendar))
                report.calendars += 1
                report.files.append(str(path.relative_to(out)))
            taken = set()
            for book in await repository.address_books(session, org_id, account.id):
                path = out / "contacts" / account.address / f"{safe_name(book.name, taken)}.vcf"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(await export_vcards(session, runtime, book, "4.0"),
                                encoding="utf-8", newline="")
                report.address_books += 1
                report.files.append(str(path.relative_to(out)))
    return report


async def _mail(runtime: Runtime, org_id: str, account_id: str, root: Path,
                mail_format: str, report: ExportReport) -> None:
    async with runtime.db.session(write=False) as session:
        folders = await repository.folders(session, org_id, account_id)
    taken: set[str] = set()
    for folder in folders:
        name = safe_name(folder.name, taken)
        root.mkdir(parents=True, exist_ok=True)
        if mail_format == "maildir":
            target = root / name
            for sub in ("cur", "new", "tmp"):
                (target / sub).mkdir(parents=True, exist_ok=True)
            async for message in repository.messages(runtime.db, org_id, account_id, folder.id):
                raw = await runtime.blobs.read_all(message.blob_sha256)
                stamp = int(message.received_at.timestamp())
                path = target / "cur" / f"{stamp}.{message.id}.mailplane:2,{_flags(message)}"
                await asyncio.to_thread(path.write_bytes, raw)  # the stored bytes, exactly
                report.messages += 1
        else:
            target = root / f"{name}.mbox"
            with target.open("wb") as fh:
                async for message in repository.messages(
                        runtime.db, org_id, account_id, folder.id):
                    raw = await runtime.blobs.read_all(message.blob_sha256)
                    await asyncio.to_thread(fh.write, mboxrd_entry(message, raw))
                    report.messages += 1
        report.files.append(str(target.relative_to(root.parents[1])))


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
