"""Unknown query parameters are refused with 422 naming them, on every GET route of the
contract, so a typo in a filter never turns a filtered list into the whole list."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.factories.platform import OrgHandle

UNKNOWN = "employee_numbr"


def _fill(path: str, org: OrgHandle) -> str:
    path = path.replace("{account}", f"admin@{org.domain}")
    return re.sub(r"\{[^}]+\}", "x_missing", path)


async def test_every_get_route_refuses_an_unknown_query_parameter(
    client: httpx.AsyncClient, org: OrgHandle
) -> None:
    spec = (await client.get("/openapi.json")).json()
    headers = await org.headers()
    gets = [p for p, item in spec["paths"].items() if "get" in item]
    assert len(gets) > 40, "the sweep found too few routes to mean anything"
    failures = []
    for path in gets:
        resp = await client.get(_fill(path, org), params={UNKNOWN: "E1002"}, headers=headers)
        body = resp.json() if resp.headers.get("content-type", "").endswith("json") else {}
        if resp.status_code != 422 or body.get("param") != UNKNOWN:
            failures.append((path, resp.status_code, body.get("param")))
    assert failures == []


async def test_the_filtered_list_with_a_typo_is_refused_not_widened(
    client: httpx.AsyncClient, org: OrgHandle
) -> None:
    resp = await client.get(
        "/v1/accounts", params={"employee_number": "E1", "statuss": "frozen"},
        headers=await org.headers(),
    )
    assert resp.status_code == 422
    body = resp.json()
    assert body["code"] == "validation_failed"
    assert body["param"] == "statuss"
    assert resp.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("params", [{"limit": "5"}, {"limit": "5", "cursor": None}])
async def test_declared_parameters_still_pass(
    client: httpx.AsyncClient, org: OrgHandle, params: dict[str, str | None]
) -> None:
    clean = {k: v for k, v in params.items() if v is not None}
    resp = await client.get("/v1/accounts", params=clean, headers=await org.headers())
    assert resp.status_code == 200
