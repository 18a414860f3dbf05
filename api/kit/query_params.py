"""Unknown query parameters are refused (422 naming the first in `param`), on every route.

A typo in a filter (`?employee_numbr=E1`) must never turn a filtered list into the whole
list, exactly as an unknown body field is refused. The check compares the request's query
keys with the parameters the matched route declares (its own and its dependencies'), so a
new endpoint is covered by being included, with nothing to remember.
"""

from __future__ import annotations

from typing import Any

from fastapi import params as fastapi_params
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.requests import HTTPConnection

from api.errors import ValidationFailed
from api.i18n import Msg

# RFC 6749 §3.1: an authorization server MUST ignore unrecognised request parameters.
EXEMPT_PREFIXES = ("/oauth/",)
_CACHE = "_mailplane_query_names"


def _query_fields(dependant: Dependant) -> list[Any]:
    fields = list(dependant.query_params)
    for sub in dependant.dependencies:
        fields += _query_fields(sub)
    return fields


def declared_query_names(route: APIRoute) -> frozenset[str]:
    """The query parameter names `route` accepts, aliases included, models expanded
    (worked out once per route and kept on it)."""
    cached: frozenset[str] | None = getattr(route, _CACHE, None)
    if cached is not None:
        return cached
    names: set[str] = set()
    for field in _query_fields(route.dependant):
        annotation = field.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            for name, info in annotation.model_fields.items():
                names.add(info.alias or name)
        else:
            names.add(field.alias)
    setattr(route, _CACHE, frozenset(names))
    return frozenset(names)


def unknown_query_names(route: APIRoute, keys: list[str]) -> list[str]:
    allowed = declared_query_names(route)
    return [key for key in dict.fromkeys(keys) if key not in allowed]


async def reject_unknown_query(connection: HTTPConnection) -> None:
    """A router-wide dependency: 422 `validation_failed` for the first undeclared key."""
    route = connection.scope.get("route")
    if not isinstance(route, APIRoute) or route.path.startswith(EXEMPT_PREFIXES):
        return
    unknown = unknown_query_names(route, [k for k, _ in connection.query_params.multi_items()])
    if unknown:
        raise ValidationFailed(
            Msg("Unknown query parameter: {value}", value=unknown[0]), param=unknown[0],
            extra={"errors": [
                {"param": name, "message": "Unknown query parameter", "type": "extra_forbidden"}
                for name in unknown[:20]
            ]},
        )


RejectUnknownQuery = fastapi_params.Depends(reject_unknown_query)
