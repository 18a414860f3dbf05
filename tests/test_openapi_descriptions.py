"""The contract documents itself: every schema property has a description, the OAuth scheme
lists its scopes, and every operation lists its scopes and the problem codes it can answer."""

from __future__ import annotations

import json

from api.cli import openapi_document
from api.identity.scopes import SCOPES
from api.openapi_glossary import describe

DOC = json.loads(openapi_document())
PUBLIC = ("/healthz", "/readyz", "/metrics", "/oauth/", "/.well-known/")


def test_every_schema_property_has_a_description() -> None:
    missing = [
        f"{schema}.{name}"
        for schema, body in DOC["components"]["schemas"].items()
        for name, prop in (body.get("properties") or {}).items()
        if not prop.get("description", "").strip()
    ]
    assert missing == [], f"{len(missing)} properties without a description: {missing[:20]}"


def test_the_glossary_speaks_of_the_field_it_names() -> None:
    assert "employee number" in (describe("employee_number") or "")
    assert describe("room_id") == "A room's id."
    assert describe("last_checked_at", ).startswith("When last checked")  # type: ignore[union-attr]
    assert describe("zzz") is None


def test_the_oauth_scheme_lists_every_scope() -> None:
    flows = DOC["components"]["securitySchemes"]["oauth2"]["flows"]
    for flow in flows.values():
        assert set(flow["scopes"]) == set(SCOPES)
        assert all(text.strip() for text in flow["scopes"].values())


def test_every_operation_lists_its_scopes_and_problem_codes() -> None:
    for path, item in DOC["paths"].items():
        if path.startswith(PUBLIC):
            continue
        for method, operation in item.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary") and operation.get("description"), where
            assert "x-scopes" in operation, where
            assert operation["security"] == [{"oauth2": operation["x-scopes"]}], where
            assert set(operation["x-scopes"]) <= set(SCOPES), where
            codes = operation["x-problem-codes"]
            assert {"unauthorized", "validation_failed", "not_found"} <= set(codes), where
            assert "**Problem codes:**" in operation["description"], where


def test_scopes_come_from_the_routes_dependencies() -> None:
    ops = {o["operationId"]: o for item in DOC["paths"].values() for o in item.values()}
    assert ops["list_accounts"]["x-scopes"] == ["directory:read"]
    assert ops["create_account"]["x-scopes"] == ["directory:write"]
    assert ops["send_message"]["x-scopes"] == ["mail:send"]
    assert "quota_exceeded" in ops["send_message"]["x-problem-codes"]
    assert "last_admin" not in ops["list_accounts"]["x-problem-codes"]  # a read changes nothing
