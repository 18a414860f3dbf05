"""Turning GraphQL inputs into the same pydantic request models REST validates with."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry
from pydantic import BaseModel, ValidationError

from api.errors import ValidationFailed
from api.graphql_kit import as_graphql_error

M = TypeVar("M", bound=BaseModel)


def set_fields(data: Any) -> dict[str, Any]:
    """The fields the caller sent (UNSET ones left out, explicit nulls kept)."""
    out = {}
    for key, value in vars(data).items():
        if value is strawberry.UNSET:
            continue
        if isinstance(value, list):
            value = [set_fields(v) if hasattr(v, "__strawberry_definition__") else v for v in value]
        out[key] = value
    return out


def validated(model: type[M], data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise as_graphql_error(
            ValidationFailed(first["msg"], param=".".join(str(p) for p in first["loc"]))
        ) from None
