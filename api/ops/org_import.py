"""`mailplane org import`: an organisation export (`mailplane export`, a folder or a
.tar/.tar.gz/.zip of one) into an organisation of this installation.

Order: the directory (the export's accounts CSV, through the same import job as
`mailplane accounts import`), then per account its folders and mail, its calendars and its
address books. Mail goes through the delivery core's batch store (`store_batch`, event
`mail.message.imported`), so counters, quotas, threads, the search index and events stay
right; calendars through `import_ics` and contacts through `import_vcards`, each matched
by UID.

Safe to run again: a folder keeps the messages it already holds (matched by the SHA-256 of
their bytes, as many times as the export has them), events and contacts are matched by
UID, calendars and address books by name, folders by path. Nothing is half-written: the
whole export is checked first (manifest, every file inside the export, every message's
bytes against the hash the export recorded) and refused with `MalformedExport` before
anything is stored; each batch of messages, each calendar and each address book is then one
transaction.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import tarfile
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from api.calendar.calendars import repository as calendar_repository
from api.calendar.calendars.service import create_calendar, ensure_default
from api.calendar.ics.service import import_ics
from api.contacts.address_books.service import create_book
from api.contacts.contacts import repository as contacts_repository
from api.contacts.contacts.service import ensure_default_book
from api.contacts.contacts.transfer import import_vcards
from api.directory import imports_service as directory_imports
from api.errors import AppError
from api.mail import (
    NewMessage,
    create_folder,
    ensure_mailbox,
    parse_message,
    store_batch,
    system_folder,
    write_bytes,
)
from api.mail import folder_rows as folder_repository
from api.ops.org_export import FORMAT, MANIFEST, VERSION
from api.runtime import Runtime
from api.storage.models import (
    Account,
    AddressBook,
    Calendar,
    DirectoryImportRow,
    MailFolder,
    MailMessage,
)
from schemas.calendar import CalendarCreate
from schemas.contacts import AddressBookCreate
from schemas.mail import FolderCreate

BATCH = 200
EVENT = "mail.message.imported"
_MBOX_FROM = re.compile(rb"(?m)^From ")
_QUOTED_FROM = re.compile(rb"(?m)^>(>*From )")


class MalformedExport(Exception):
    """The export is not one `mailplane export` wrote, or was altered; nothing was stored."""


@dataclass
class ImportReport:
    accounts: dict[str, int] = field(default_factory=dict)  # created/updated/unchanged
    messages: int = 0
    messages_present: int = 0  # already there (a rerun)
    folders_created: int = 0
    calendars: int = 0
    events: int = 0
    address_books: int = 0
    contacts: int = 0

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Entry:
    """One message of the export, with what the export recorded beside it."""

    raw: bytes
    meta: dict[str, Any]


# -- reading and checking the export -------------------------------------------------------

def unpack(source: Path, scratch: Path) -> Path:
    """The export's folder: `source` itself, or an archive of it unpacked into `scratch`
    (members outside the archive's root refused)."""
    if source.is_dir():
        return source
    if not source.is_file():
        raise MalformedExport(f"{source}: no such folder or archive")
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if name.startswith("/") or ".." in Path(name).parts:
                    raise MalformedExport(f"{source}: member {name!r} leaves the archive")
            archive.extractall(scratch)
    elif tarfile.is_tarfile(source):
        with tarfile.open(source) as archive:
            try:
                archive.extractall(scratch, filter="data")
            except tarfile.FilterError as exc:
                raise MalformedExport(f"{source}: {exc}") from None
    else:
        raise MalformedExport(f"{source}: not a folder, .zip or .tar archive")
    found = [p.parents[1] for p in scratch.rglob("manifest.json") if p.parent.name == "mailplane"]
    if len(found) != 1:
        raise MalformedExport(f"{source}: the archive holds no single {MANIFEST}")
    return found[0]


def _inside(root: Path, relative: object, what: str) -> Path:
    if not isinstance(relative, str) or not relative:
        raise MalformedExport(f"{MANIFEST}: {what} names no file")
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise MalformedExport(f"{MANIFEST}: {what} {relative!r} is outside the export")
    if not path.exists():
        raise MalformedExport(f"{what} {relative!r} is missing from the export")
    return path


def load_manifest(root: Path) -> dict[str, Any]:
    path = root / MANIFEST
    if not path.is_file():
        raise MalformedExport(f"{root}: no {MANIFEST} (not an export `mailplane export` wrote)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedExport(f"{MANIFEST}: not JSON ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise MalformedExport(f"{MANIFEST}: not a {FORMAT} manifest")
    if manifest.get("version") != VERSION:
        raise MalformedExport(f"{MANIFEST}: version {manifest.get('version')!r}; "
                              f"this Mailplane reads version {VERSION}")
    accounts = manifest.get("accounts")
    if not isinstance(accounts, list):
        raise MalformedExport(f"{MANIFEST}: 'accounts' is not a list")
    _inside(root, "directory/accounts.csv", "the directory")
    for account in accounts:
        if not isinstance(account, dict) or not isinstance(account.get("address"), str):
            raise MalformedExport(f"{MANIFEST}: an account without an address")
        address = account["address"]
        for key in ("folders", "calendars", "address_books"):
            if not isinstance(account.get(key), list):
                raise MalformedExport(f"{MANIFEST}: {address}: '{key}' is not a list")
        for folder in account["folders"]:
            names = folder.get("path") if isinstance(folder, dict) else None
            if not names or not isinstance(names, list) or not all(
                    isinstance(p, str) and p for p in names):
                raise MalformedExport(f"{MANIFEST}: {address}: a folder without a path")
            _inside(root, folder.get("file"), f"{address} folder {'/'.join(names)}")
            _inside(root, folder.get("index"), f"{address} folder {'/'.join(names)} index")
        for item in (*account["calendars"], *account["address_books"]):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise MalformedExport(f"{MANIFEST}: {address}: a calendar or address book "
                                      "without a name")
            _inside(root, item.get("file"), f"{address} {item['name']!r}")
    return manifest


def _index(path: Path) -> list[dict[str, Any]]:
    lines = []
    for n, line in enumerate(path.read_bytes().splitlines(), 1):
        try:
            meta = json.loads(line)
            if not isinstance(meta, dict) or not isinstance(meta.get("sha256"), str):
                raise ValueError("no sha256")
            datetime.fromisoformat(meta["received_at"])
        except (ValueError, KeyError, TypeError) as exc:
            raise MalformedExport(f"{path.name} line {n}: {exc}") from None
        lines.append(meta)
    return lines


def mbox_bodies(data: bytes) -> list[bytes]:
    """The entries of an mboxrd file as the exporter wrote them: without their From_ line
    and the blank line after each, `>From ` unquoted once."""
    starts = [m.start() for m in _MBOX_FROM.finditer(data)]
    if data.strip() and (not starts or starts[0] != 0):
        raise MalformedExport("an mbox file that does not start with a From_ line")
    if not starts:
        return []
    bodies = []
    for at, end in zip(starts, [*starts[1:], len(data)], strict=True):
        entry = data[at:end]
        newline = entry.find(b"\n")
        body = entry[newline + 1:] if newline >= 0 else b""
        if body.endswith(b"\n"):
            body = body[:-1]  # the blank line after each entry
        bodies.append(_QUOTED_FROM.sub(rb"\1", body))
    return bodies


def restore_bytes(body: bytes, meta: dict[str, Any]) -> bytes:
    """The stored bytes from an mbox entry: the final newline the exporter added dropped,
    CRLF line ends back (or the bytes the index kept, for mixed line ends)."""
    if isinstance(meta.get("raw"), str):
        try:
            return base64.b64decode(meta["raw"], validate=True)
        except ValueError:
            raise MalformedExport("an index line's raw bytes are not base64") from None
    if not meta.get("final_newline", True) and body.endswith(b"\n"):
        body = body[:-1]
    if meta.get("eol") == "crlf":
        body = body.replace(b"\n", b"\r\n")
    return body


def folder_entries(root: Path, folder: dict[str, Any]) -> Iterator[Entry]:
    """A folder's messages in the export's order, each checked against its recorded hash."""
    where = "/".join(folder["path"])
    metas = _index(root / folder["index"])
    target = root / folder["file"]
    if target.is_dir():  # Maildir
        def raw_of(n: int) -> bytes:
            return _maildir_file(target, metas[n], where)
    else:
        bodies = mbox_bodies(target.read_bytes())
        if len(bodies) != len(metas):
            raise MalformedExport(f"{where}: {len(bodies)} messages in the mbox, "
                                  f"{len(metas)} in its index")

        def raw_of(n: int) -> bytes:
            return restore_bytes(bodies[n], metas[n])
    for n, meta in enumerate(metas):
        raw = raw_of(n)
        if hashlib.sha256(raw).hexdigest() != meta["sha256"]:
            raise MalformedExport(f"{where}: message {n + 1} differs from the bytes exported "
                                  "(SHA-256 mismatch)")
        yield Entry(raw, meta)


def _maildir_file(target: Path, meta: dict[str, Any], where: str) -> bytes:
    name = meta.get("file")
    if not isinstance(name, str) or "/" in name or name.startswith("."):
        raise MalformedExport(f"{where}: an index line names no Maildir file")
    for sub in ("cur", "new"):
        if (target / sub / name).is_file():
            return (target / sub / name).read_bytes()
    raise MalformedExport(f"{where}: {name} is missing")


def check(root: Path) -> dict[str, Any]:
    """Everything an import will read, checked before it stores anything."""
    manifest = load_manifest(root)
    for account in manifest["accounts"]:
        for folder in account["folders"]:
            for _entry in folder_entries(root, folder):
                pass
    return manifest


# -- storing -------------------------------------------------------------------------------

async def import_org(runtime: Runtime, org_id: str, source: Path) -> ImportReport:
    with tempfile.TemporaryDirectory(prefix="mailplane-import-") as scratch:
        root = unpack(source, Path(scratch))
        manifest = check(root)
        report = ImportReport()
        await _directory(runtime, org_id, root, manifest, report)
        for entry in manifest["accounts"]:
            async with runtime.db.session(write=False) as session:
                account = await session.scalar(select(Account).where(
                    Account.org_id == org_id, Account.address == entry["address"].lower()))
            if account is None:
                raise MalformedExport(f"{entry['address']} is in the manifest but not in "
                                      "the directory CSV")
            for folder in sorted(entry["folders"], key=lambda f: len(f["path"])):
                await _folder(runtime, account, root, folder, report)
            for calendar in entry["calendars"]:
                await _calendar(runtime, account, root, calendar, report)
            for book in entry["address_books"]:
                await _book(runtime, account, root, book, report)
        return report


async def _directory(runtime: Runtime, org_id: str, root: Path, manifest: dict[str, Any],
                     report: ImportReport) -> None:
    data = (root / "directory" / "accounts.csv").read_bytes()
    listed = {row.get("address", "").lower() for row in csv.DictReader(
        io.StringIO(data.decode("utf-8-sig")))}
    missing = [a["address"] for a in manifest["accounts"] if a["address"].lower() not in listed]
    if missing:
        raise MalformedExport(f"directory/accounts.csv lacks {', '.join(missing[:5])}")
    async with runtime.db.session() as session:
        job = await directory_imports.create_import(
            session, runtime, org_id, data, filename="accounts.csv", actor=None,
            enqueue_job=False)
    job = await directory_imports.process_import(runtime, job.id)
    counts = dict(job.counts or {})
    report.accounts = {k: int(v) for k, v in counts.items()}
    if counts.get("error"):
        async with runtime.db.session(write=False) as session:
            rows = (await session.execute(select(DirectoryImportRow).where(
                DirectoryImportRow.import_id == job.id, DirectoryImportRow.status == "error",
            ).order_by(DirectoryImportRow.row).limit(5))).scalars().all()
        raise MalformedExport("accounts not imported: " + "; ".join(
            f"row {r.row} {r.address or ''}: {r.reason}" for r in rows))


async def _target_folder(runtime: Runtime, account: Account, folder: dict[str, Any],
                         report: ImportReport) -> MailFolder:
    async with runtime.db.session() as session:
        await ensure_mailbox(session, account.id, account.org_id)
        if folder.get("role"):
            return await system_folder(session, account.id, account.org_id, folder["role"])
        parent: MailFolder | None = None
        for name in folder["path"]:
            found = await folder_repository.sibling_named(
                session, account.id, parent.id if parent else None, name)
            if found is None:
                found = await create_folder(session, account, FolderCreate(
                    name=name, parent_id=parent.id if parent else None))
                report.folders_created += 1
            parent = found
        assert parent is not None
        return parent


async def _folder(runtime: Runtime, account: Account, root: Path, folder: dict[str, Any],
                  report: ImportReport) -> None:
    target = await _target_folder(runtime, account, folder, report)
    async with runtime.db.session(write=False) as session:
        present = Counter((await session.execute(select(MailMessage.blob_sha256).where(
            MailMessage.org_id == account.org_id, MailMessage.account_id == account.id,
            MailMessage.folder_id == target.id))).scalars())
    batch: list[Entry] = []
    for entry in folder_entries(root, folder):
        if present[entry.meta["sha256"]] > 0:  # a rerun: this copy is there already
            present[entry.meta["sha256"]] -= 1
            report.messages_present += 1
            continue
        batch.append(entry)
        if len(batch) >= BATCH:
            await _store(runtime, account, target, batch, report)
            batch = []
    if batch:
        await _store(runtime, account, target, batch, report)


async def _store(runtime: Runtime, account: Account, folder: MailFolder, batch: list[Entry],
                 report: ImportReport) -> None:
    items = []
    for entry in batch:
        flags = entry.meta.get("flags") or {}
        items.append(NewMessage(
            blob=await write_bytes(runtime, entry.raw),
            parsed=parse_message(entry.raw),
            received_at=datetime.fromisoformat(entry.meta["received_at"]),
            keywords=[str(k) for k in entry.meta.get("keywords") or []],
            seen=bool(flags.get("seen")), flagged=bool(flags.get("flagged")),
            answered=bool(flags.get("answered")), forwarded=bool(flags.get("forwarded")),
            draft=bool(flags.get("draft")),
        ))
    async with runtime.db.session() as session:
        fresh_account = await session.get(Account, account.id)
        fresh_folder = await folder_repository.get(session, account.id, folder.id)
        assert fresh_account is not None and fresh_folder is not None
        await store_batch(session, runtime.blobs, fresh_account, fresh_folder, items,
                          event=EVENT)
    report.messages += len(items)


async def _calendar(runtime: Runtime, account: Account, root: Path, item: dict[str, Any],
                    report: ImportReport) -> None:
    body = (root / item["file"]).read_bytes()
    async with runtime.db.session() as session:
        if item.get("is_default"):
            calendar: Calendar | None = await ensure_default(session, account.org_id,
                                                             account.id)
        else:
            calendar = next((c for c in await calendar_repository.owned_by(
                session, account.org_id, account.id) if c.name == item["name"]), None)
            if calendar is None:
                calendar = await create_calendar(session, account.org_id, account.id,
                                                 CalendarCreate(
                    name=item["name"], description=item.get("description") or "",
                    color=item.get("color"), time_zone=item.get("time_zone") or "UTC"))
        assert calendar is not None
        try:
            result = await import_ics(session, calendar, body)
        except AppError as exc:
            raise MalformedExport(f"{item['file']}: {str(exc.detail)}") from None
    report.calendars += 1
    report.events += len(result["event_ids"])


async def _book(runtime: Runtime, account: Account, root: Path, item: dict[str, Any],
                report: ImportReport) -> None:
    body = (root / item["file"]).read_bytes()
    async with runtime.db.session() as session:
        if item.get("is_default"):
            book: AddressBook | None = await ensure_default_book(session, account.org_id,
                                                                 account.id)
        else:
            book = next((b for b in await contacts_repository.books(
                session, account.org_id, account.id) if b.name == item["name"]), None)
            if book is None:
                book = await create_book(session, account.org_id, account.id, AddressBookCreate(
                    name=item["name"], description=item.get("description") or ""))
        assert book is not None
        try:
            result = await import_vcards(session, runtime, book, body)
        except AppError as exc:
            raise MalformedExport(f"{item['file']}: {str(exc.detail)}") from None
    report.address_books += 1
    report.contacts += len(result["contact_ids"])
