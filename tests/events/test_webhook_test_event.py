""""Send test event": one signed delivery of `webhook.endpoint.test` to the chosen endpoint,
logged like any other; never fanned out to the organisation's other endpoints; another
organisation's endpoint is 404."""

from __future__ import annotations

import time

from api.platform.webhooks import signing
from tests.events.helpers import deliveries, dispatcher
from tests.factories.webhooks import make_endpoint


async def test_a_test_event_reaches_only_the_chosen_endpoint(client, org, receiver, runtime):
    chosen, secret = await make_endpoint(org, receiver.url)
    other, _ = await make_endpoint(org, receiver.url + "other")
    resp = await client.post(f"/v1/webhooks/{chosen}/test", headers=await org.headers())
    assert resp.status_code == 202, resp.text
    body = resp.json()
    assert body["event_type"] == "webhook.endpoint.test" and body["endpoint_id"] == chosen
    d = dispatcher(runtime)
    await d.step()
    await d.step()
    await d.aclose()
    got = receiver.deliveries
    assert len(got) == 1 and got[0].json()["type"] == "webhook.endpoint.test"
    signing.verify(got[0].body, got[0].headers, secret, now=int(time.time()))
    assert [x.status for x in await deliveries(runtime, chosen)] == ["succeeded"]
    assert await deliveries(runtime, other) == []
    log = await client.get(f"/v1/webhooks/{chosen}/deliveries", headers=await org.headers())
    assert [x["event_type"] for x in log.json()["data"]] == ["webhook.endpoint.test"]


async def test_another_organisation_cannot_test_this_endpoint(client, org, other_org, runtime):
    chosen, _ = await make_endpoint(org)
    resp = await client.post(f"/v1/webhooks/{chosen}/test", headers=await other_org.headers())
    assert resp.status_code == 404
    assert await deliveries(runtime, chosen) == []


async def test_graphql_sends_the_same_test_event(client, org, runtime):
    chosen, _ = await make_endpoint(org)
    resp = await client.post(
        "/graphql", headers=await org.headers(),
        json={"query": f'mutation {{ sendWebhookTestEvent(id: "{chosen}") }}'},
    )
    assert resp.status_code == 200 and "errors" not in resp.json(), resp.text
    delivery_id = resp.json()["data"]["sendWebhookTestEvent"]
    assert [x.id for x in await deliveries(runtime, chosen)] == [delivery_id]
