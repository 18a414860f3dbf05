"""Bad input is a clear 4xx, never a 500: integers past 2^63, bodies that are not UTF-8,
odd URL literals, and GraphQL page arguments refused exactly as REST refuses them."""

from __future__ import annotations

import base64
import json

import pytest

HUGE = "999999999999999999999"


def _cursor(values: list) -> str:  # type: ignore[type-arg]
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize("url", ["/v1/events", "/v1/events/stream"])
async def test_event_positions_past_2_63_are_422(client, org, url):
    resp = await client.get(url, params={"after": HUGE}, headers=await org.headers())
    assert resp.status_code == 422 and resp.json()["param"] == "after"


async def test_last_event_id_past_2_63_is_422(client, org):
    resp = await client.get("/v1/events/stream",
                            headers={**await org.headers(), "Last-Event-ID": HUGE})
    assert resp.status_code == 422 and resp.json()["param"] == "Last-Event-ID"


async def test_forged_cursors_are_400(client, org):
    headers = await org.headers()
    for url in ("/v1/events", "/v1/accounts", "/v1/apps"):
        for values in ([10**21], [-(10**21)], [True], [1.5], [{"a": 1}]):
            resp = await client.get(url, params={"cursor": _cursor(values)}, headers=headers)
            assert resp.status_code in (400, 422), (url, values, resp.text)
            assert resp.json()["param"] == "cursor"


async def test_a_cursor_of_the_wrong_type_for_its_column_is_400(client, org):
    resp = await client.get("/v1/accounts", params={"cursor": _cursor([12345])},
                            headers=await org.headers())
    assert resp.status_code == 400 and resp.json()["param"] == "cursor"


async def test_graphql_body_that_is_not_utf8_is_400(client, org):
    headers = {**await org.headers(), "Content-Type": "application/json"}
    for body in (b'{"query": "{ me { orgId } }\xff"}', b"\xc3\x28", b"\xed\xa0\x80"):
        resp = await client.post("/graphql", content=body, headers=headers)
        assert resp.status_code == 400, (body, resp.text)


async def test_odd_url_literals_for_webhooks_are_422(client, org):
    for url in ("https://0177.0.0.1/hook", "https://0x7f.0.0.1/hook", "https://2130706433/hook",
                "https://127.1/hook", "https://xn--/hook", "https://example.com:99999/hook"):
        resp = await client.post("/v1/webhooks", json={"url": url}, headers=await org.headers())
        assert resp.status_code == 422, (url, resp.text)
        assert resp.json()["param"] == "url"


async def test_graphql_page_limit_is_refused_like_rest(client, org):
    headers = await org.headers()
    for limit in (-5, 0, 501):
        rest = await client.get("/v1/accounts", params={"limit": limit}, headers=headers)
        assert rest.status_code == 422 and rest.json()["param"] == "limit"
        for field in ("accounts", "apps", "groups"):
            gql = await client.post("/graphql", headers=headers, json={
                "query": f"query($n: Int!) {{ {field}(limit: $n) {{ data {{ id }} }} }}",
                "variables": {"n": limit}})
            error = gql.json()["errors"][0]
            assert error["extensions"]["code"] == "validation_failed", (field, gql.text)
            assert error["extensions"]["param"] == "limit"
