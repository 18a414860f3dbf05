"""examples/webhook_receiver.py registers itself with a live server, processes a real
signed delivery once, refuses forgeries and acknowledges a redelivered webhook-id without
processing it again."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import httpx

from tests.examples.demo_server import DOMAIN, DemoServer, until
from tests.live_server import free_port


def _signed(secret_key: bytes, msg_id: str, ts: int, body: bytes) -> str:
    mac = hmac.new(secret_key, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def test_receiver_verifies_processes_once_and_refuses_forgeries(demo: DemoServer) -> None:
    port = free_port()
    receiver = demo.start(
        "webhook_receiver.py", "--register", "--port", str(port), "--types", "directory.account.*"
    )
    try:
        line = receiver.wait_for(r"^registered webhook whk_", timeout=60)[0]
        endpoint_id = line.split()[2]
        assert "answered Mailplane's verification challenge" in receiver.output
        with demo.admin_client() as api:
            endpoint = api.get(f"/v1/webhooks/{endpoint_id}").json()
            assert endpoint["url"] == f"http://127.0.0.1:{port}/webhooks"
            assert endpoint["verified_at"] is not None

            # A real event, delivered and signed by the server.
            address = f"li.na@{DOMAIN}"
            created = api.post(
                "/v1/accounts",
                json={"address": address, "display_name": "李娜", "password": "a-long-password-1"},
            )
            assert created.status_code == 201, created.text
            receiver.wait_for(rf"directory\.account\.created {address} \(webhook-id ", timeout=30)

            def delivered(attempts: int) -> dict | None:
                rows = api.get(f"/v1/webhooks/{endpoint_id}/deliveries").json()["data"]
                row = next(d for d in rows if d["event_type"] == "directory.account.created")
                return row if row["status"] == "succeeded" and row["attempts"] >= attempts else None

            delivery = until(lambda: delivered(1), "the delivery to be recorded")
            assert delivery["last_status_code"] == 200

            # The server sends the same event again with the same webhook-id: acknowledged
            # (so the retry schedule ends) but not processed twice.
            again = api.post(
                f"/v1/webhooks/{endpoint_id}/redeliver", json={"event_id": delivery["event_id"]}
            )
            assert again.status_code == 202, again.text
            receiver.wait_for(rf"duplicate webhook-id {delivery['id']}", timeout=30)
            assert (
                until(lambda: delivered(2), "the redelivery to be recorded")["id"] == delivery["id"]
            )
            processed = [ln for ln in receiver.lines if f"(webhook-id {delivery['id']})" in ln]
            assert len(processed) == 1, receiver.output

        # An attacker without the secret: a made-up signature, or none at all, is refused.
        url = f"http://127.0.0.1:{port}/webhooks"
        body = json.dumps(
            {
                "type": "directory.account.deleted",
                "sequence": 999,
                "data": {"id": "acc_x", "address": address},
            }
        ).encode()
        now = int(time.time())
        wrong_key = base64.b64decode(base64.b64encode(b"not-the-secret-key-0123456789abc"))
        forged = httpx.post(
            url,
            content=body,
            headers={
                "webhook-id": "msg_forged",
                "webhook-timestamp": str(now),
                "webhook-signature": _signed(wrong_key, "msg_forged", now, body),
            },
        )
        assert forged.status_code == 401
        missing = httpx.post(url, content=body, headers={"webhook-id": "msg_bare"})
        assert missing.status_code == 401
        receiver.wait_for(r"^refused a request", count=2)
        assert "directory.account.deleted" not in receiver.output
    finally:
        code = receiver.stop()
    assert code == 0, receiver.output
    assert f"deleted webhook {endpoint_id}" in receiver.output
    with demo.admin_client() as api:
        assert api.get(f"/v1/webhooks/{endpoint_id}").status_code == 404
