"""An admin dashboard for the OA portal, built from ONE GraphQL query.

OA scenario: the IT page of the OA portal shows the mail platform at a glance: domains and
their DNS status, head count per department, frozen accounts, rooms, webhook health and
how much mail waits unread in a
mailbox the portal cares about. Over REST that is seven calls; over GraphQL it is one
round trip, and the portal asks for exactly the fields it shows.

Run it against `make run` (in a second terminal, from the repository root):

    .venv/bin/python examples/graphql_dashboard.py
    .venv/bin/python examples/graphql_dashboard.py --mailbox admin@demo.mailplane.test
    .venv/bin/python examples/graphql_dashboard.py --json   # the raw query result

The server URL comes from MAILPLANE_URL (default http://127.0.0.1:8025), the credentials
from MAILPLANE_CLIENT_ID / MAILPLANE_CLIENT_SECRET or else `data/demo-credentials.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from mailplane_sdk import Mailplane

# Lists stop at 500 rows (the API's page limit); a non-null nextCursor means "more".
DASHBOARD = """
query Dashboard($mailbox: String!, $withMailbox: Boolean!) {
  me { orgName appName }
  domains(limit: 50) { data { name status verifiedAt } }
  active: accounts(status: "active", limit: 500) {
    data { address role departmentIds }
    nextCursor
  }
  frozen: accounts(status: "frozen", limit: 500) {
    data { address displayName frozenAt }
    nextCursor
  }
  departments(limit: 500) { data { id path } nextCursor }
  rooms(limit: 100) { data { name capacity building floor } }
  webhooks(limit: 100) { data { url status disabledReason failingSince eventTypes } }
  apps(limit: 100) { data { name disabled } }
  mailbox: mailCounts(account: $mailbox) @include(if: $withMailbox) {
    unreadCount
    totalUnread
  }
}
"""


def at_least(page: dict[str, Any]) -> str:
    count = len(page["data"])
    return f"{count}+" if page.get("nextCursor") else str(count)


def render(data: dict[str, Any], mailbox: str | None) -> str:
    out = [f"== {data['me']['orgName']} — mail platform dashboard (as {data['me']['appName']}) =="]

    out.append("\nDomains")
    for domain in data["domains"]["data"]:
        out.append(f"  {domain['name']:<32} {domain['status']}")

    active, frozen = data["active"], data["frozen"]
    out.append(f"\nAccounts: {at_least(active)} active, {at_least(frozen)} frozen")
    admins = [a["address"] for a in active["data"] if a["role"] in ("admin", "operator")]
    out.append(f"Administrators: {', '.join(admins) or '-'}")
    headcount = Counter(d for account in active["data"] for d in account["departmentIds"])
    # The root department (the organisation itself, path "") holds no one directly.
    departments = sorted(
        (d for d in data["departments"]["data"] if d["path"]), key=lambda d: d["path"]
    )
    if departments:
        out.append("\nHead count by department")
        for department in departments:
            out.append(f"  {department['path']:<40} {headcount.get(department['id'], 0):>4}")
        unassigned = sum(1 for a in active["data"] if not a["departmentIds"])
        out.append(f"  {'(no department)':<40} {unassigned:>4}")
    if frozen["data"]:
        out.append("\nFrozen accounts")
        for account in frozen["data"]:
            out.append(
                f"  {account['address']:<40} {account['displayName']}  since {account['frozenAt']}"
            )

    rooms = data["rooms"]["data"]
    out.append(f"\nRooms: {len(rooms)}")
    for room in rooms:
        where = " ".join(part for part in (room["building"], room["floor"]) if part)
        out.append(f"  {room['name']:<32} {room['capacity']:>3} seats  {where}")

    webhooks = data["webhooks"]["data"]
    failing = [w for w in webhooks if w["status"] != "enabled" or w["failingSince"]]
    out.append(f"\nWebhooks: {len(webhooks)} endpoints, {len(failing)} need attention")
    for hook in failing:
        reason = hook["disabledReason"] or f"failing since {hook['failingSince']}"
        out.append(f"  {hook['url']:<40} {hook['status']} ({reason})")

    apps = data["apps"]["data"]
    enabled = sum(1 for app in apps if not app["disabled"])
    out.append(f"\nOAuth apps: {len(apps)} registered, {enabled} enabled")
    if mailbox:
        mail = data["mailbox"]
        out.append(
            f"\nUnread mail for {mailbox}: {mail['unreadCount']} in the inbox, "
            f"{mail['totalUnread']} in all folders"
        )
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mailbox", help="also show this mailbox's unread counts")
    parser.add_argument("--json", action="store_true", help="print the raw query result")
    args = parser.parse_args()

    with Mailplane.from_env() as mp:
        data = mp.graphql(
            DASHBOARD, {"mailbox": args.mailbox or "", "withMailbox": bool(args.mailbox)}
        )
    print(
        json.dumps(data, indent=2, ensure_ascii=False) if args.json else render(data, args.mailbox)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
