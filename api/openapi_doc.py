"""Finish the generated OpenAPI document: the RFC 9457 Problem schema and the error
responses every operation can give, so clients and fuzzers know the whole contract."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

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
        components.setdefault("securitySchemes", {})["oauth2"] = {
            "type": "oauth2",
            "flows": {
                "clientCredentials": {"tokenUrl": "/oauth/token", "scopes": {}},
                "authorizationCode": {
                    "authorizationUrl": "/oauth/authorize", "tokenUrl": "/oauth/token",
                    "refreshUrl": "/oauth/token", "scopes": {},
                },
            },
        }
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
                operation.setdefault("security", [{"oauth2": []}])
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
