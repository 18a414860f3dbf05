"""Another organisation's token gets 404 on every route of every registered resource, and no
way of obtaining a token (tests/factories/grants.py) yields one acting in another organisation."""

from __future__ import annotations

import pytest

from tests.factories.grants import GRANT_PATHS
from tests.isolation import RESOURCES, IsolatedResource


def _cases() -> list[tuple[IsolatedResource, tuple]]:
    return [(r, route) for r in RESOURCES for route in r.routes]


@pytest.mark.parametrize(
    ("resource", "route"), _cases(), ids=[f"{r.name}:{rt[0]} {rt[1]}" for r, rt in _cases()]
)
async def test_other_org_gets_404_over_rest(client, org, other_org, resource, route):
    method, path, *body = route
    victim_id = await resource.create(org)
    kwargs = {"json": body[0]} if body else {}
    resp = await client.request(
        method, path.format(id=victim_id), headers=await other_org.headers(), **kwargs
    )
    assert resp.status_code == 404, resp.text
    assert resp.json()["code"] == "not_found"
    # and the victim's resource is untouched
    for m, p, *_ in resource.routes:
        if m == "GET":
            still = await client.get(p.format(id=victim_id), headers=await org.headers())
            assert still.status_code == 200, still.text


def _gql_cases() -> list[tuple[IsolatedResource, str]]:
    return [(r, q) for r in RESOURCES for q in r.graphql]


@pytest.mark.parametrize(
    ("resource", "query"), _gql_cases(), ids=[f"{r.name}:{q[:40]}" for r, q in _gql_cases()]
)
async def test_other_org_gets_not_found_over_graphql(client, org, other_org, resource, query):
    victim_id = await resource.create(org)
    resp = await client.post(
        "/graphql", json={"query": query, "variables": {"id": victim_id}},
        headers=await other_org.headers(),
    )
    assert resp.status_code == 200
    errors = resp.json().get("errors")
    assert errors, resp.text
    assert errors[0]["extensions"]["code"] == "not_found"


@pytest.mark.parametrize("path", GRANT_PATHS, ids=[p.name for p in GRANT_PATHS])
async def test_no_grant_path_yields_a_token_acting_in_another_org(client, org, other_org, path):
    """A person or app of `other_org` (the attacker) never obtains a token that acts in `org`,
    over REST, GraphQL or the event stream's authentication."""
    obtained = await path.attempt(other_org, org)
    for token in obtained:
        headers = {"Authorization": f"Bearer {token}"}
        me = await client.get("/v1/me", headers=headers)
        if me.status_code == 200:
            assert me.json()["org_id"] != org.id, me.text
            continue
        assert me.status_code == 401, me.text
        # refused everywhere a principal is read, not only on /v1/me
        for method, url in (("GET", "/v1/accounts"), ("GET", "/v1/audit/entries"),
                            ("GET", "/v1/events")):
            resp = await client.request(method, url, headers=headers)
            assert resp.status_code == 401, (url, resp.text)
        gql = await client.post("/graphql", headers=headers, json={"query": "{ me { orgId } }"})
        assert org.id not in gql.text, gql.text
