"""Turning GraphQL inputs into the same pydantic request models REST validates with."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry
from pydantic import BaseModel

from api.graphql_kit import validated as graphql_kit_validated

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


validated = graphql_kit_validated  # one implementation for every domain
