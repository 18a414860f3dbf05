"""Every operation has a request example (when it takes a JSON body) and a response example
(for each JSON success answer), and each one validates against the very models the server
validates requests with and answers from, in JSON mode."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.routing import APIRoute
from pydantic import TypeAdapter

from api.cli import openapi_document
from api.routes import ROUTERS

DOC = json.loads(openapi_document())
OPERATIONS = {o["operationId"]: (path, o) for path, item in DOC["paths"].items()
              for o in item.values()}
ROUTES = {r.name: r for router in ROUTERS for r in router.routes
          if isinstance(r, APIRoute) and r.include_in_schema}


def _json(content: dict[str, Any]) -> dict[str, Any] | None:
    return content.get("application/json")


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_the_operation_has_valid_examples(operation_id: str) -> None:
    path, operation = OPERATIONS[operation_id]
    route = ROUTES.get(operation_id)
    body = _json(operation.get("requestBody", {}).get("content", {}))
    if body is not None:
        assert "example" in body, f"{operation_id}: no request example"
        if route is not None and route.body_field is not None:
            TypeAdapter(route.body_field.field_info.annotation).validate_json(
                json.dumps(body["example"])
            )
    answered = False
    for status, response in operation["responses"].items():
        content = _json(response.get("content", {}))
        if not status.startswith("2") or content is None:
            continue
        answered = True
        assert "example" in content, f"{operation_id} {status}: no response example"
        if route is not None and route.response_field is not None:
            TypeAdapter(route.response_field.field_info.annotation).validate_json(
                json.dumps(content["example"])
            )
    assert answered or any(
        s.startswith(("2", "3")) for s in operation["responses"]
    ), f"{operation_id} documents no success answer"


def test_examples_read_like_an_oa_systems_data() -> None:
    _, create = OPERATIONS["create_account"]
    example = create["requestBody"]["content"]["application/json"]["example"]
    assert example["address"] == "li.lei@example.com" and example["employee_number"] == "E1002"
