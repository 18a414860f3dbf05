"""Unread-mail badges for an OA portal, kept live from Mailplane's event stream.

OA scenario: the OA portal's home page shows each employee "you have N unread mails".
Polling every mailbox every minute is slow and costly; instead the portal reads the counts
once, then follows the event stream (Server-Sent Events, no public URL needed) and re-reads
a mailbox's counts whenever an event says something changed in it: a message arrived, was
read, moved or deleted.

Run it against `make run` (in a second terminal, from the repository root):

    .venv/bin/python examples/portal_unread.py                      # every active account
    .venv/bin/python examples/portal_unread.py --account admin@demo.mailplane.test --seconds 60

then send mail (README tour steps 4 and 5) and watch the badges change. It runs until
Ctrl-C, or for `--seconds`, or until `--max-changes` badges have changed.
The server URL comes from MAILPLANE_URL (default http://127.0.0.1:8025), the credentials
from MAILPLANE_CLIENT_ID / MAILPLANE_CLIENT_SECRET or else `data/demo-credentials.json`.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
import time
from datetime import datetime

import httpx
from mailplane_sdk import Mailplane, PlatformEvent

# Everything that can change a mailbox's unread counts.
MAIL_EVENTS = ["mail.message.*", "mail.folder.deleted"]


class Badges:
    """Unread counts per account, refreshed from the API when an event touches one."""

    def __init__(self, mp: Mailplane, accounts: dict[str, str]) -> None:
        self.mp = mp
        self.addresses = accounts  # account id -> address
        self.unread: dict[str, int] = {}

    def load(self) -> None:
        for account_id in self.addresses:
            self.unread[account_id] = self.mp.mail.counts(account_id).unread_count

    def refresh(self, event: PlatformEvent) -> str | None:
        """Re-read the counts of the event's mailbox; a line to print when they changed."""
        account_id = event.data.get("account_id")
        if account_id not in self.addresses:
            return None
        before = self.unread[account_id]
        after = self.mp.mail.counts(account_id).unread_count
        if after == before:
            return None
        self.unread[account_id] = after
        subject = event.data.get("subject")
        why = event.type + (f" {subject!r}" if subject else "")
        return (
            f"{datetime.now():%H:%M:%S} {self.addresses[account_id]}: "
            f"{before} -> {after} unread  ({why}, event #{event.sequence})"
        )


def follow(mp: Mailplane, events: queue.Queue[PlatformEvent], connected: threading.Event) -> None:
    """Feed the event stream into a queue (the stream reconnects by itself after drops)."""

    def on_response(response: httpx.Response) -> None:
        if response.request.url.path == "/v1/events/stream":
            connected.set()

    mp.http.event_hooks["response"].append(on_response)
    for event in mp.events.stream(types=MAIL_EVENTS):
        events.put(event)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--account",
        action="append",
        default=[],
        help="an address or id to watch (repeatable; default: every active account)",
    )
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: never)")
    parser.add_argument(
        "--max-changes", type=int, default=0, help="stop after this many badge changes (0: never)"
    )
    args = parser.parse_args()

    mp = Mailplane.from_env()
    if args.account:
        watched = {a.id: a.address for a in (mp.accounts.get(ref) for ref in args.account)}
    else:
        watched = {a.id: a.address for a in mp.accounts.list(status="active")}
    badges = Badges(mp, watched)

    # A new stream starts at the newest event. Read the counts only once it is connected,
    # so that no change can slip in between the two.
    events: queue.Queue[PlatformEvent] = queue.Queue()
    connected = threading.Event()
    threading.Thread(target=follow, args=(mp, events, connected), daemon=True).start()
    if not connected.wait(30):
        print("could not connect to the event stream", file=sys.stderr)
        return 1
    badges.load()
    for account_id, address in sorted(watched.items(), key=lambda item: item[1]):
        print(f"{address}: {badges.unread[account_id]} unread")
    print(f"watching {len(watched)} mailboxes for {', '.join(MAIL_EVENTS)}", flush=True)

    deadline = time.monotonic() + args.seconds if args.seconds else None
    changes = 0
    while deadline is None or time.monotonic() < deadline:
        wait = 1.0 if deadline is None else max(0.0, min(1.0, deadline - time.monotonic()))
        try:
            event = events.get(timeout=wait)
        except queue.Empty:
            continue
        line = badges.refresh(event)
        if line:
            print(line, flush=True)
            changes += 1
            if args.max_changes and changes >= args.max_changes:
                break
    print(f"stopped after {changes} badge change(s)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(0)
