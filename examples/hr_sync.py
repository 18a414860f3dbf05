"""Keep the mail directory in step with the HR system: joiners, movers and leavers.

OA scenario: every night the HR system exports its staff list as CSV (one row per employee:
id, name, email, department path, job title, active or left). This script makes Mailplane
match it: missing departments are created, joiners get an account, movers are moved to
their new department (and get their new title), leavers' accounts are frozen (mail still
arrives, nobody can sign in; HR may delete them later) and returning staff are unfrozen.

Joiners get no password: Mailplane returns a one-time activation link (valid 7 days) with
which the person chooses their own. The script hands the links to the OA system's own
channel (its message centre, an SMS gateway) by appending them to a CSV file,
`--activation-links` (default `activation_links.csv`, readable by its owner only); it never
sees or stores a password.
It compares before it changes anything, so running it twice on the same export changes
nothing the second time, and a run cut short is finished by the next one.

Run it against `make run` (in a second terminal, from the repository root), with the two
exports in examples/data:

    .venv/bin/python examples/hr_sync.py examples/data/hr_export_2026-03-02.csv   # first export
    .venv/bin/python examples/hr_sync.py examples/data/hr_export_2026-03-09.csv   # a week later
    .venv/bin/python examples/hr_sync.py examples/data/hr_export_2026-03-09.csv   # nothing to do
    .venv/bin/python examples/hr_sync.py --dry-run examples/data/hr_export_2026-03-02.csv
    .venv/bin/python examples/hr_sync.py --activation-links /secure/links.csv FILE

The server URL comes from MAILPLANE_URL (default http://127.0.0.1:8025), the credentials
from MAILPLANE_CLIENT_ID / MAILPLANE_CLIENT_SECRET or else `data/demo-credentials.json`.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mailplane_sdk import Mailplane

DEFAULT_CSV = Path(__file__).parent / "data" / "hr_export_2026-03-02.csv"
COLUMNS = ("employee_id", "name", "email", "department", "job_title", "status")


@dataclass
class Employee:
    employee_id: str
    name: str
    email: str
    department: str  # a path: "Engineering/Platform"
    job_title: str
    active: bool


def read_export(path: Path) -> list[Employee]:
    """The whole export, checked before anything is changed."""
    # utf-8-sig: HR systems on Windows often start the file with a byte-order mark.
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path.name}: missing column(s) {', '.join(missing)}")
        people = [
            Employee(
                row["employee_id"].strip(),
                row["name"].strip(),
                row["email"].strip().lower(),
                row["department"].strip().strip("/"),
                row["job_title"].strip(),
                row["status"].strip().lower() != "left",
            )
            for row in reader
        ]
    for line, person in enumerate(people, start=2):
        if not (person.employee_id and person.name and "@" in person.email and person.department):
            raise ValueError(
                f"{path.name} line {line}: employee_id, name, email and department are required"
            )
    return people


class LinkDrop:
    """Where activation links go for the OA system to deliver: a CSV only its owner reads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0

    def add(self, person: Employee, url: str, expires_at: str) -> None:
        new = not self.path.exists()
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            if new:
                writer.writerow(["employee_id", "name", "email", "activation_url", "expires_at"])
            writer.writerow([person.employee_id, person.name, person.email, url, expires_at])
        self.count += 1


class Sync:
    def __init__(self, mp: Mailplane, dry_run: bool, links: LinkDrop) -> None:
        self.mp = mp
        self.dry_run = dry_run
        self.links = links
        self.changes = 0
        self.departments = {d.path: d.id for d in mp.departments.list()}
        accounts = list(mp.accounts.list())  # active and frozen
        self.by_number = {a.employee_number: a for a in accounts if a.employee_number}
        self.by_address = {a.address: a for a in accounts}

    def change(self, message: str) -> bool:
        """Print a change; True when it should be applied (not a dry run)."""
        self.changes += 1
        print(("[dry run] " if self.dry_run else "") + message)
        return not self.dry_run

    def department(self, path: str) -> str:
        """The id of the department at `path`, creating it and its parents as needed."""
        parent_id = None
        for depth, name in enumerate(path.split("/"), start=1):
            here = "/".join(path.split("/")[:depth])
            if here not in self.departments:
                if self.change(f"create department {here}"):
                    self.departments[here] = self.mp.departments.create(
                        name=name, parent_id=parent_id
                    ).id
                else:
                    self.departments[here] = f"(new {here})"
            parent_id = self.departments[here]
        assert parent_id is not None
        return parent_id

    def joiner_or_mover(self, person: Employee) -> None:
        department_id = self.department(person.department)
        account = self.by_number.get(person.employee_id) or self.by_address.get(person.email)
        if account is None:
            if self.change(f"joiner: create {person.email} ({person.name}) in {person.department}"):
                # No password: the person sets their own through a one-time activation link.
                created = self.mp.accounts.create(
                    address=person.email,
                    display_name=person.name,
                    employee_number=person.employee_id,
                    job_title=person.job_title,
                    department_ids=[department_id],
                    activation_link=True,
                )
                link = created.activation
                self.links.add(person, link.url, str(link.expires_at))
            return
        if account.status == "frozen" and self.change(f"returner: unfreeze {account.address}"):
            self.mp.accounts.unfreeze(account.address)
        if department_id not in account.department_ids:
            old = [path for path, id_ in self.departments.items() if id_ in account.department_ids]
            if self.change(
                f"mover: {account.address} {', '.join(old) or '(none)'} -> {person.department}"
            ):
                self.mp.accounts.move(account.address, department_id=department_id)
        fields = {
            "display_name": person.name,
            "job_title": person.job_title,
            "employee_number": person.employee_id,
        }
        stale = {k: v for k, v in fields.items() if getattr(account, k) != v}
        if stale and self.change(f"update {account.address}: {', '.join(sorted(stale))}"):
            self.mp.accounts.update(account.address, **stale)

    def leaver(self, person: Employee) -> None:
        account = self.by_number.get(person.employee_id) or self.by_address.get(person.email)
        if account is None or account.status != "active":
            return  # never had an account, or already frozen
        if self.change(f"leaver: freeze {account.address} ({person.name})"):
            self.mp.accounts.freeze(account.address)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV, help="the HR export")
    parser.add_argument("--dry-run", action="store_true", help="print the changes, make none")
    parser.add_argument(
        "--activation-links", type=Path, default=Path("activation_links.csv"),
        help="CSV the joiners' one-time activation links are appended to (mode 0600)",
    )
    args = parser.parse_args()

    try:
        people = read_export(args.csv)
    except (OSError, ValueError) as exc:
        print(f"cannot use the export: {exc}", file=sys.stderr)
        return 2
    with Mailplane.from_env() as mp:
        sync = Sync(mp, args.dry_run, LinkDrop(args.activation_links))
        print(
            f"{args.csv.name}: {len(people)} employees; Mailplane has "
            f"{len(sync.by_address)} accounts, {len(sync.departments)} departments"
        )
        for person in people:
            if person.active:
                sync.joiner_or_mover(person)
        for person in people:
            if not person.active:
                sync.leaver(person)
    if sync.links.count:
        print(f"{sync.links.count} activation link(s) to deliver: {args.activation_links}")
    print(
        f"{sync.changes} change(s)" + (" to make" if args.dry_run else " made")
        if sync.changes
        else "already in step: nothing to do"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
