"""Directory background jobs: purging deleted accounts and running bulk imports."""

from __future__ import annotations

from typing import Any

from api.directory.accounts import repository
from api.directory.accounts.purge import purge_account
from api.directory.imports.service import process_import
from api.runtime import Runtime
from api.storage.models import Account
from api.worker.runner import PERIODIC, handler


@handler("directory.account.purge")
async def purge_one(runtime: Runtime, payload: dict[str, Any]) -> None:
    """Purge one account when its restore window ends (a restored account is left alone)."""
    async with runtime.db.session() as session:
        account = await session.get(Account, payload["account_id"])
        if account is not None:
            await purge_account(session, account)


async def purge_due(runtime: Runtime) -> int:
    """Sweep for deleted accounts past their window whose job was lost."""
    done = 0
    async with runtime.db.session() as session:
        for account in await repository.due_for_purge(session):
            done += int(await purge_account(session, account))
    return done


@handler("directory.import")
async def run_import(runtime: Runtime, payload: dict[str, Any]) -> None:
    await process_import(runtime, payload["import_id"])


PERIODIC.append((3600.0, purge_due))
