"""examples/portal_unread.py follows the event stream and moves a mailbox's unread badge
when mail arrives (over the API and over SMTP) and when it is read."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from tests.examples.demo_server import DOMAIN, DemoServer


def test_badges_follow_mail_arriving_and_being_read(demo: DemoServer) -> None:
    admin, reader = f"admin@{DOMAIN}", f"li.na@{DOMAIN}"
    with demo.admin_client() as api:
        made = api.post("/v1/accounts", json={"address": reader, "display_name": "李娜"})
        assert made.status_code == 201, made.text
        portal = demo.start(
            "portal_unread.py",
            "--account",
            admin,
            "--account",
            reader,
            "--seconds",
            "90",
            "--max-changes",
            "3",
        )
        try:
            portal.wait_for(r"^watching 2 mailboxes", timeout=60)
            assert f"{reader}: 0 unread" in portal.lines

            sent = api.post(
                f"/v1/accounts/{admin}/mail/send",
                json={"to": [reader], "subject": "请审批 PO-42", "text": "please approve"},
            )
            assert sent.status_code == 202, sent.text
            portal.wait_for(rf"{reader}: 0 -> 1 unread  \(mail\.message\.received '请审批 PO-42'")

            # Mail from outside, through the SMTP edge.
            mail = EmailMessage()
            mail["From"], mail["To"], mail["Subject"] = "partner@example.org", reader, "invoice 7"
            mail.set_content("attached soon")
            with smtplib.SMTP("127.0.0.1", demo.mx_port, timeout=30) as smtp:
                smtp.send_message(mail)
            portal.wait_for(rf"{reader}: 1 -> 2 unread  \(mail\.message\.received 'invoice 7'")

            # Reading a message moves the badge down.
            inbox = api.get(f"/v1/accounts/{reader}/mail/messages", params={"unread": True}).json()
            first = next(m for m in inbox["data"] if m["subject"] == "请审批 PO-42")
            read = api.patch(
                f"/v1/accounts/{reader}/mail/messages/{first['id']}", json={"seen": True}
            )
            assert read.status_code == 200, read.text
            portal.wait_for(rf"{reader}: 2 -> 1 unread  \(mail\.message\.updated")
            assert portal.wait(timeout=30) == 0, portal.output
        finally:
            portal.stop()
        assert "stopped after 3 badge change(s)" in portal.output
        # Sending did not change the admin's unread count (a sent copy is read), so no line.
        assert not [
            line
            for line in portal.lines
            if line.endswith("unread") and admin in line and "->" in line
        ]
        assert api.get(f"/v1/accounts/{reader}/mail/counts").json()["unread_count"] == 1
