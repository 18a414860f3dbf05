from api.platform.webhooks.dispatcher import Dispatcher
from api.platform.webhooks import signing
from tests.factories.webhooks import emit_events
import time


async def test_smoke(client, org, receiver, runtime):
    h = await org.headers()
    resp = await client.post("/v1/webhooks", json={"url": receiver.url, "event_types": ["directory.*"]}, headers=h)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    secret = body["secret"]
    assert secret.startswith("whsec_")
    await emit_events(org, "directory.account.created", 3)
    await emit_events(org, "mail.message.received", 2, account_id="acc_x")
    d = Dispatcher(runtime)
    n = await d.step()
    await d.aclose()
    assert n == 3
    got = receiver.deliveries
    assert len(got) == 3
    for r in got:
        signing.verify(r.body, r.headers, secret, now=int(time.time()))
    resp = await client.get(f"/v1/webhooks/{body['id']}/attempts", headers=h)
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["data"]) == 3
    resp = await client.get("/v1/events", params={"types": "directory.*"}, headers=h)
    assert resp.status_code == 200, resp.text
    print(resp.json())
    resp = await client.get("/v1/accounts/changes", headers=h)
    assert resp.status_code == 200, resp.text
    st = resp.json()["new_state"]
    await emit_events(org, "directory.account.updated", 2)
    resp = await client.get("/v1/accounts/changes", params={"since": st}, headers=h)
    assert resp.status_code == 200, resp.text
    print(resp.json())
    assert len(resp.json()["updated"]) == 2
