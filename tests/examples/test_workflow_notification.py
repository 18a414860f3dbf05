"""examples/workflow_notification.py: a large attachment through an upload session, a
transactional notice to a local approver (who gets the file) and a remote one (who gets a
download link through SMTP), then the delivery status until it is sent."""

from __future__ import annotations

import email
import hashlib
import re
from email import policy

import httpx

from tests.examples.demo_server import DOMAIN, DemoServer

# The test sends 5 MiB instead of the default 100 MiB; a 2 MiB link threshold keeps the
# remote recipient on the download-link path the default size takes in production.
SERVER_ENV = {"MAILPLANE_MAIL_LINK_THRESHOLD_BYTES": str(2 * 1024 * 1024)}
SIZE = 5 * 1024 * 1024


def test_notice_with_upload_reaches_local_inbox_and_remote_relay(demo: DemoServer) -> None:
    approver, remote = f"li.na@{DOMAIN}", "auditor@partner.example"
    with demo.admin_client() as api:
        assert (
            api.post("/v1/accounts", json={"address": approver, "display_name": "李娜"}).status_code
            == 201
        )

        out = demo.run(
            "workflow_notification.py",
            "--to",
            approver,
            "--to",
            remote,
            "--size-mb",
            "5",
            "--wait",
            "60",
        ).stdout
        upload_id = re.search(r"^uploaded (upl_\w+): 5242880 bytes", out, re.M)
        assert upload_id, out
        assert f"  {approver}: delivered to the inbox" in out
        assert f"  {remote}: queued for SMTP delivery" in out
        assert re.search(rf"^  {re.escape(remote)}: sent after 1 attempt\(s\)$", out, re.M), out
        assert out.rstrip().endswith(
            "delivery: 1 local delivered, 1 remote sent, 0 failed, 0 still pending"
        )

        # Server state: the approver's copy carries the whole file, byte for byte as uploaded.
        upload = api.get(f"/v1/uploads/{upload_id.group(1)}").json()
        assert upload["state"] == "committed" and upload["size"] == SIZE
        inbox = api.get(
            f"/v1/accounts/{approver}/mail/messages", params={"q": "PO-2026-0042"}
        ).json()["data"]
        assert len(inbox) == 1
        notice = inbox[0]
        assert notice["priority"] in ("normal", "high")
        attachment = notice["attachments"][0]
        assert attachment["size"] == SIZE and attachment["filename"].endswith(".bin")
        blob = api.get(
            f"/v1/accounts/{approver}/mail/messages/{notice['id']}/attachments/{attachment['id']}"
        )
        assert (
            blob.status_code == 200 and hashlib.sha256(blob.content).hexdigest() == upload["sha256"]
        )
        raw = api.get(f"/v1/accounts/{approver}/mail/messages/{notice['id']}/raw").content
        headers = email.message_from_bytes(raw, policy=policy.default)
        assert headers["Auto-Submitted"] == "auto-generated"
        assert headers["X-OA-Workflow"] == "purchase-order/PO-2026-0042"

    # The remote approver got it through the relay, with a link instead of 5 MiB.
    relayed = [m for m in demo.relay.messages if remote in m.recipients]
    assert len(relayed) == 1 and len(relayed[0].data) < 200_000
    body = email.message_from_bytes(relayed[0].data, policy=policy.default)
    text = body.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/v1/mail/links/[\w.-]+", text)
    assert link, text
    assert "DKIM-Signature" in body
    download = httpx.get(link.group(0), timeout=60)  # no token: the signed link is the key
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == upload["sha256"]
