"""SMTP-edge factories: a sent message with a queued remote recipient, for the
tenant-isolation sweep of its delivery status."""

from __future__ import annotations

from tests.factories.mail import VICTIM


async def victim_sent_message(org) -> str:  # type: ignore[no-untyped-def]
    resp = await org.client.post(
        f"{VICTIM}/send", json={"to": ["partner@remote.example"], "subject": "secret",
                                "text": "for the partner"}, headers=await org.headers(),
    )
    assert resp.status_code == 202, resp.text
    assert resp.json()["queued"] == ["partner@remote.example"]
    return str(resp.json()["id"])


DELIVERY_ROUTES = [("GET", VICTIM + "/messages/{id}/delivery")]
DELIVERY_GRAPHQL = [
    'query($id: ID!) { messageDelivery(account: "admin@acme.test", id: $id) { pending } }',
]
