"""The hand-written SDK layer checked against the contract: every operation's body and
query are typed keyword arguments (the generated TypedDicts of mailplane_sdk.generated.params),
named parameters exist in the operation, and every docstring that lists a body's fields
lists real ones. A renamed or added field fails here instead of drifting."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import pytest
from mailplane_sdk import resources
from mailplane_sdk.endpoints import _Described
from mailplane_sdk.generated import params

from tests.sdk_params import body_schema_name, pascal

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
OPERATIONS = {o["operationId"]: o for item in SPEC["paths"].values() for o in item.values()}
SCHEMAS = SPEC["components"]["schemas"]
FORM_OPERATIONS = {"issue_token"}  # form-encoded OAuth fields, typed `str`


def _methods() -> list[tuple[str, Any]]:
    found = []
    for module in vars(resources).values():
        if not inspect.ismodule(module):
            continue
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            for name, attr in vars(cls).items():
                if isinstance(attr, _Described) and attr.operation:
                    found.append((f"{cls.__name__}.{name}", attr))
    return found


METHODS = _methods()


def test_the_sweep_finds_the_layer() -> None:
    assert len(METHODS) > 100
    assert {d.operation for _, d in METHODS} <= set(OPERATIONS)


@pytest.mark.parametrize(("name", "described"), METHODS, ids=[n for n, _ in METHODS])
def test_keyword_arguments_are_the_operations_typed_fields(name: str, described: Any) -> None:
    operation = OPERATIONS[described.operation]
    signature = inspect.signature(described.build)
    query_names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
    path_names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
    content = operation.get("requestBody", {}).get("content", {})
    body = body_schema_name(content.get("application/json", {}).get("schema", {}))
    fields = set(SCHEMAS[body]["properties"]) if body else set()
    other_body = bool(content) and "application/json" not in content
    for parameter in list(signature.parameters.values())[1:]:
        annotation = str(parameter.annotation)
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            if described.operation in FORM_OPERATIONS:
                continue
            if parameter.name == "query":
                assert annotation == f"Unpack[params.{pascal(described.operation)}Query]", name
                assert hasattr(params, f"{pascal(described.operation)}Query")
            else:
                assert body, f"{name} takes **{parameter.name} but the operation has no body"
                assert annotation == f"Unpack[params.{body}]", name
                typed = params.__dict__[body].__annotations__
                assert set(typed) == {f + "_" if f == "from" else f for f in fields}
            continue
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and not other_body:
            # A keyword-only parameter is a query parameter or a body field by its own name.
            assert parameter.name in query_names | fields, (
                f"{name}(*, {parameter.name}) is not a parameter of {described.operation}"
            )
    positional = [
        p for p in list(signature.parameters.values())[1:]
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    # Positional parameters are the path values in order, then a non-JSON body's content.
    assert len(positional) <= len(path_names) + (1 if other_body or body else 0), name


DOC_FIELDS = re.compile(r"Body: (\w+) \(([^)]*)\)", re.S)


@pytest.mark.parametrize(("name", "described"), METHODS, ids=[n for n, _ in METHODS])
def test_docstrings_name_only_real_fields(name: str, described: Any) -> None:
    for schema, listed in DOC_FIELDS.findall(described.__doc__ or ""):
        assert schema in SCHEMAS, f"{name} names {schema}, not in the contract"
        real = set(SCHEMAS[schema]["properties"])
        for field in re.findall(r"`(\w+)`", listed):
            assert field in real, f"{name}: `{field}` is not a field of {schema}"
