"""Finish the generated OpenAPI document: the RFC 9457 Problem schema and the error
responses every operation can give, so clients and fuzzers know the whole contract."""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from api.deps import RequireScopes
from api.identity.scopes import ADMIN_SCOPES, SCOPES
from api.openapi_examples import Examples
from api.openapi_glossary import describe
from api.openapi_problems import problem_codes, register_module
from api.routes import ROUTERS
from schemas.base import Problem

_DESCRIPTIONS = {
    "400": "Malformed request (bad JSON, bad cursor)",
    "401": "Missing, invalid, expired or revoked token",
    "403": "Token lacks a scope or role",
    "404": "Not found, or not yours",
    "409": "Conflict (duplicate, state, idempotency key in flight)",
    "410": "Gone: the sync state is too old (`resync_required`)",
    "412": "If-Match names a stale ETag",
    "413": "Body too large",
    "422": "Invalid input",
    "429": "Rate limited (see Retry-After and RateLimit-*)",
}
_ALWAYS = ("400", "401", "403", "404", "413", "422", "429")
_MUTATIONS = ("409", "412")
_PUBLIC_PREFIXES = ("/healthz", "/readyz", "/metrics", "/oauth/", "/.well-known/")


def _scopes_of(dependant: Dependant) -> tuple[list[str], bool]:
    """The scopes a route's dependencies require, and whether one asks for an administrator."""
    scopes: list[str] = []
    admin = False
    call = dependant.call
    if isinstance(call, RequireScopes):
        scopes += call.scopes
        admin = admin or call.admin
    for sub in dependant.dependencies:
        more, sub_admin = _scopes_of(sub)
        scopes += more
        admin = admin or sub_admin
    return list(dict.fromkeys(scopes)), admin


def route_scopes() -> dict[str, tuple[list[str], bool]]:
    """operationId → (scopes, admin) for every documented route of the REST routers."""
    out = {}
    for route in (r for router in ROUTERS for r in router.routes):
        if isinstance(route, APIRoute) and route.include_in_schema:
            out[route.name] = _scopes_of(route.dependant)
            source = inspect.getsourcefile(route.endpoint)
            if source:
                register_module(route.name, source)
    return out


def _scope_text(scopes: list[str], admin: bool) -> str:
    if not scopes:
        return (
            "\n\n**Scopes:** none beyond a valid token; what it may reach is checked per"
            " resource (its own account, or an administrator's)."
        )
    names = ", ".join(f"`{s}`" for s in scopes)
    who = " (a user token only when the user is an administrator)" if admin else ""
    return f"\n\n**Scopes:** {names}{who}."


def add_descriptions(doc: dict[str, Any]) -> None:
    """Every schema property without a description gets the glossary's, by its name."""
    for schema in doc.get("components", {}).get("schemas", {}).values():
        for name, prop in (schema.get("properties") or {}).items():
            if not prop.get("description"):
                if name == "data":  # a page's items, or an event's payload
                    text: str | None = (
                        "The items of this page." if prop.get("type") == "array"
                        else "The event's payload; its schema depends on `type`."
                    )
                else:
                    text = describe(name)
                if text:
                    prop["description"] = text


def add_examples(doc: dict[str, Any]) -> None:
    """A request example for every JSON body and a response example for every JSON success
    answer (tests/test_openapi_examples.py validates each against the server's models)."""
    examples = Examples(doc.get("components", {}).get("schemas", {}))
    for item in doc.get("paths", {}).values():
        for operation in item.values():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body and "example" not in body:
                body["example"] = examples.of(body.get("schema", {}))
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {}).get("application/json")
                if status.startswith("2") and content and "example" not in content:
                    content["example"] = examples.of(content.get("schema", {}))


def order_path_parameters(doc: dict[str, Any]) -> None:
    """Path parameters in the order the path names them, whichever dependency declared them
    (`owner: Mailbox` declares `{account}` after a handler's own `{folder_id}`): generated
    clients take them positionally in this order."""
    for path, item in doc.get("paths", {}).items():
        for operation in item.values():
            params = operation.get("parameters") if isinstance(operation, dict) else None
            if not params:
                continue
            slots = [i for i, p in enumerate(params) if p.get("in") == "path"]
            ordered = sorted((params[i] for i in slots),
                             key=lambda p: path.find("{" + p["name"] + "}"))
            for i, param in zip(slots, ordered, strict=True):
                params[i] = param


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title, version=app.version, description=app.description,
            routes=app.routes, webhooks=app.webhooks.routes, openapi_version=app.openapi_version,
        )
        components = doc.setdefault("components", {})
        components.setdefault("schemas", {})["Problem"] = Problem.model_json_schema()
        described = {
            name: text + (" (administrators only in a user token)" if name in ADMIN_SCOPES else "")
            for name, text in sorted(SCOPES.items())
        }
        components.setdefault("securitySchemes", {})["oauth2"] = {
            "type": "oauth2",
            "description": "OAuth 2.0: client credentials for apps, authorization code with PKCE"
            " (S256) for people; ask for the scopes an operation lists under `x-scopes`.",
            "flows": {
                "clientCredentials": {"tokenUrl": "/oauth/token", "scopes": described},
                "authorizationCode": {
                    "authorizationUrl": "/oauth/authorize", "tokenUrl": "/oauth/token",
                    "refreshUrl": "/oauth/token", "scopes": described,
                },
            },
        }
        scopes_by_op = route_scopes()
        order_path_parameters(doc)
        add_examples(doc)
        add_descriptions(doc)
        ref = {"$ref": "#/components/schemas/Problem"}
        for path, item in doc.get("paths", {}).items():
            if path.startswith(_PUBLIC_PREFIXES):
                continue
            for method, operation in item.items():
                codes = list(_ALWAYS)
                if method in ("post", "put", "patch", "delete"):
                    codes += _MUTATIONS
                if path.endswith("/changes"):
                    codes.append("410")
                responses = operation.setdefault("responses", {})
                for code in codes:
                    entry = responses.setdefault(code, {"description": _DESCRIPTIONS[code]})
                    entry["content"] = {"application/problem+json": {"schema": ref}}
                needed, admin = scopes_by_op.get(operation.get("operationId", ""), ([], False))
                operation["security"] = [{"oauth2": needed}]
                operation["x-scopes"] = needed
                operation["x-problem-codes"] = problem_codes(
                    operation.get("operationId", ""), method, sorted(responses)
                )
                operation["description"] = (
                    operation.get("description", "").rstrip()
                    + _scope_text(needed, admin)
                    + "\n\n**Problem codes:** "
                    + ", ".join(f"`{c}`" for c in operation["x-problem-codes"])
                    + "."
                )
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
