"""Account export in the import's own columns (so an export can be edited and re-imported),
streamed page by page; every cell is neutralised against spreadsheet formula injection."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import AsyncIterator

import openpyxl  # type: ignore[import-untyped]
from sqlalchemy import select

from api.directory.accounts import repository as account_repo
from api.directory.departments import repository as dep_repo
from api.directory.departments.service import Tree
from api.directory.imports.formats import EXPORT_COLUMNS, escape_formula, header
from api.runtime import Runtime
from api.storage.models import Account

PAGE = 1000


async def _rows(runtime: Runtime, org_id: str) -> AsyncIterator[list[str]]:
    """Every live account as a list of cells, read in pages with a fresh session each."""
    async with runtime.db.session(write=False) as session:
        tree = Tree.of(await dep_repo.all_of(session, org_id))
    last = ""
    while True:
        async with runtime.db.session(write=False) as session:
            stmt = (
                select(Account)
                .where(Account.org_id == org_id, Account.status != "deleted", Account.id > last)
                .order_by(Account.id)
                .limit(PAGE)
            )
            accounts = list((await session.execute(stmt)).scalars().all())
            if not accounts:
                return
            ids = [a.id for a in accounts]
            deps = await dep_repo.memberships(session, org_id, ids)
            aliases = await account_repo.aliases_of(session, org_id, ids)
            managers = {a.manager_id for a in accounts if a.manager_id}
            manager_addr: dict[str, str] = {}
            if managers:
                found = await session.execute(
                    select(Account.id, Account.address).where(
                        Account.org_id == org_id, Account.id.in_(managers)
                    )
                )
                manager_addr = dict(found.tuples().all())
        for a in accounts:
            yield [
                a.address,
                a.display_name,
                a.employee_number or "",
                a.mobile or "",
                a.job_title or "",
                ";".join(tree.path(d) for d in deps.get(a.id, [])),
                manager_addr.get(a.manager_id or "", ""),
                str(a.quota_bytes // (1024 * 1024)) if a.quota_bytes is not None else "",
                a.kind,
                "true" if a.hidden_from_address_book else "false",
                ";".join(x.address for x in aliases.get(a.id, [])),
                a.security_phone or "",
                a.recovery_email or "",
                a.locale or "",
            ]
        last = accounts[-1].id


async def csv_stream(
    runtime: Runtime, org_id: str, encoding: str, lang: str = "en"
) -> AsyncIterator[bytes]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header(EXPORT_COLUMNS, lang))
    prefix = "\ufeff" if encoding == "utf-8" else ""  # a BOM so Excel reads UTF-8
    yield (prefix + buf.getvalue()).encode(encoding)
    async for row in _rows(runtime, org_id):
        buf.seek(0)
        buf.truncate()
        writer.writerow([escape_formula(c) for c in row])
        yield buf.getvalue().encode(encoding, errors="replace")


async def xlsx_stream(runtime: Runtime, org_id: str, lang: str = "en") -> AsyncIterator[bytes]:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("accounts")
    sheet.append(header(EXPORT_COLUMNS, lang))
    async for row in _rows(runtime, org_id):
        sheet.append([escape_formula(c) for c in row])
    with tempfile.TemporaryFile() as fh:
        book.save(fh)
        fh.seek(0)
        while chunk := fh.read(256 * 1024):
            yield chunk
