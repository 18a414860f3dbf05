"""`mailplane migrate start FILE.csv` run for real (a subprocess, as an admin runs it)
against Dovecot: it shows progress per account and ends with the migration completed;
`status` and `list` read it back."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from api.config import Settings
from api.storage.models import MailMessage
from tests.factories.platform import OrgHandle
from tests.migration.conftest import message
from tests.migration.dovecot import Dovecot

MAILPLANE = str(Path(sys.executable).with_name("mailplane"))


def cli_env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "MAILPLANE_DATA_DIR": str(settings.data_dir),
        "MAILPLANE_DATABASE_URL": settings.effective_database_url,
        "MAILPLANE_SECRET_KEY": str(settings.secret_key),
        "MAILPLANE_MIGRATION_ALLOW_PRIVATE": "true",
        "MAILPLANE_MIGRATION_BATCH_MESSAGES": "10",
        "MAILPLANE_LOG_JSON": "true",
        "COLUMNS": "160",
    }


def mailplane(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MAILPLANE, "migrate", *args],
        env=cli_env(settings),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


async def test_cli_migrate_start_runs_the_accounts_with_progress_until_completed(
    org: OrgHandle, dovecot: Dovecot, settings: Settings, tmp_path: Path
) -> None:
    nina, omar = await org.add_account("nina"), await org.add_account("omar")
    sources = {nina.address: dovecot.new_user(), omar.address: dovecot.new_user()}
    for n, user in enumerate(sources.values()):
        for i in range(25 + n * 10):
            dovecot.add(user, message(f"cli {i}", msgid=f"cli{n}-{i}@old"), flags="S")
        dovecot.add(user, message("kept apart", msgid=f"cli{n}-sent@old"), folder="Sent Messages")
        dovecot.own(user)
    csv = tmp_path / "accounts.csv"
    csv.write_text(
        "account,host,port,security,username,password\n"
        + "".join(
            f"{address},127.0.0.1,{dovecot.imap_port},none,{user},secret\n"
            for address, user in sources.items()
        )
    )

    run = mailplane(settings, "start", str(csv), "--org", org.domain, "--every", "0")
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout
    started = re.search(r"Migration (mig_\w+) started\.", out)
    assert started, out
    # not a terminal: plain progress lines as batches land, then the final bars
    for address in (nina.address, omar.address):
        moving = [
            (int(done), int(total))
            for done, total in re.findall(rf"^{re.escape(address)} (\d+)/(\d+) running", out, re.M)
        ]
        assert any(0 < done < total for done, total in moving), out
    assert re.search(rf"{re.escape(nina.address)}.*26/26 completed", out), out
    assert re.search(rf"{re.escape(omar.address)}.*36/36 completed", out), out
    assert out.rstrip().endswith("Migration completed."), out

    async with org.runtime.db.session(write=False) as session:
        counts = dict(
            (
                await session.execute(
                    select(MailMessage.account_id, func.count())
                    .where(MailMessage.account_id.in_([nina.id, omar.id]))
                    .group_by(MailMessage.account_id)
                )
            ).all()
        )
    assert counts == {nina.id: 26, omar.id: 36}

    listed = mailplane(settings, "list", "--org", org.domain)
    assert listed.returncode == 0 and started.group(1) in listed.stdout
    assert "62/62" in listed.stdout
    status = mailplane(settings, "status", started.group(1), "--org", org.domain)
    assert status.returncode == 0 and "Migration completed." in status.stdout


async def test_cli_migrate_start_reports_a_failed_account_and_exits_non_zero(
    org: OrgHandle, dovecot: Dovecot, settings: Settings, tmp_path: Path
) -> None:
    pia = await org.add_account("pia")
    csv = tmp_path / "accounts.csv"
    csv.write_text(
        "account,host,port,security,username,password\n"
        f"{pia.address},127.0.0.1,{dovecot.imap_port},none,{dovecot.new_user()},wrong\n"
    )
    run = mailplane(settings, "start", str(csv), "--org", org.domain)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "source_auth_failed" in run.stdout
    assert run.stdout.rstrip().endswith("Migration failed."), run.stdout
