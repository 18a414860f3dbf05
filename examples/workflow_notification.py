"""Send an OA approval notice with a 100 MB attachment, then follow its delivery.

OA scenario: a purchase order waits for approval; the OA system mails the approvers the
notice with the scanned contract bundle attached (100 MB: far over the 1 MiB JSON body
limit). The file goes up through an upload session in chunks (resumable if the connection
drops), the notice is sent as a transactional message (marked Auto-Submitted and queued
ahead of other mail) and the script then reads the per-recipient delivery status: local
approvers have it in their inbox at once; remote ones are delivered over SMTP, and get
attachments over 25 MB as an expiring download link instead.

Run it against `make run` (in a second terminal, from the repository root):

    .venv/bin/python examples/workflow_notification.py
    .venv/bin/python examples/workflow_notification.py --to li.na@demo.mailplane.test \\
        --to auditor@example.org --size-mb 30 --wait 60

By default the demo administrator sends to itself. A remote address shows the SMTP side:
without internet access, or for a domain that takes no mail, it ends deferred or failed
with the reason, which is reported, not an error. `--file` attaches a real file instead
of a generated one.
The server URL comes from MAILPLANE_URL (default http://127.0.0.1:8025), the credentials
from MAILPLANE_CLIENT_ID / MAILPLANE_CLIENT_SECRET or else `data/demo-credentials.json`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from mailplane_sdk import Mailplane

MiB = 1024 * 1024


def generate_bundle(directory: Path, size_mb: int) -> Path:
    """Stand-in for the scanned contract bundle: size_mb MiB written one MiB at a time."""
    path = directory / "PO-2026-0042-contract-scans.bin"
    with path.open("wb") as f:
        for _ in range(size_mb):
            f.write(os.urandom(MiB))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sender", help="the sending mailbox (default: admin@ the first domain)")
    parser.add_argument("--to", action="append", default=[], help="an approver (repeatable)")
    parser.add_argument("--size-mb", type=int, default=100, help="size of the generated attachment")
    parser.add_argument("--file", type=Path, help="attach this file instead of a generated one")
    parser.add_argument(
        "--wait", type=float, default=30, help="seconds to follow the delivery of remote recipients"
    )
    args = parser.parse_args()

    with Mailplane.from_env() as mp, tempfile.TemporaryDirectory() as scratch:
        sender = args.sender or f"admin@{next(iter(mp.domains.list())).name}"
        approvers = args.to or [sender]

        path = args.file or generate_bundle(Path(scratch), args.size_mb)
        size = path.stat().st_size
        print(f"uploading {path.name} ({size / MiB:.1f} MiB) as {sender} ...", flush=True)
        began = time.monotonic()
        upload = mp.mail.upload(
            sender, path, filename=path.name, content_type="application/octet-stream"
        )
        took = time.monotonic() - began
        print(
            f"uploaded {upload.id}: {upload.size} bytes in {took:.1f} s "
            f"({size / MiB / max(took, 1e-6):.0f} MiB/s), sha256 {upload.sha256[:16]}…"
        )

        sent = mp.mail.send(
            sender,
            to=approvers,
            subject="[Approval needed] Purchase order PO-2026-0042 (¥1,280,000)",
            text=(
                "Purchase order PO-2026-0042 is waiting for your approval.\n"
                "Supplier: Shenzhen Precision Parts Co., amount ¥1,280,000.\n"
                "The signed contract scans are attached.\n\n"
                "Approve or reject in the OA portal: https://oa.demo.mailplane.test/po/2026-0042\n"
            ),
            attachments=[{"upload_id": upload.id}],
            transactional=True,
            headers={"X-OA-Workflow": "purchase-order/PO-2026-0042"},
        )
        print(f"sent {sent.id} (Message-ID {sent.message_id})")
        for address in sent.delivered:
            print(f"  {address}: delivered to the inbox")
        for address in sent.queued:
            print(f"  {address}: queued for SMTP delivery")
        for refused in sent.rejected:
            print(f"  {refused.address}: rejected ({refused.code})")

        # Follow the remote recipients until none is pending, or until --wait runs out.
        seen: dict[str, str] = {}
        deadline = time.monotonic() + args.wait
        while True:
            delivery = mp.mail.delivery(sender, sent.id)
            for r in delivery.recipients:
                state = r.status + (f" ({r.last_error})" if r.last_error else "")
                if seen.get(r.recipient) != state:
                    seen[r.recipient] = state
                    print(f"  {r.recipient}: {state} after {r.attempts} attempt(s)", flush=True)
            if delivery.pending == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        print(
            f"delivery: {len(sent.delivered)} local delivered, {delivery.sent} remote sent, "
            f"{delivery.failed} failed, {delivery.pending} still pending"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
