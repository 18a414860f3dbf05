"""JSON merge patch (RFC 7396) on pydantic update models: only fields the caller sent apply."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def changes(patch: BaseModel) -> dict[str, Any]:
    """The fields present in the request body (`null` included, meaning "clear it")."""
    return patch.model_dump(exclude_unset=True)


def apply(target: object, values: dict[str, Any]) -> list[str]:
    """Set attributes that differ; return the names of those that changed."""
    changed = []
    for key, value in values.items():
        if getattr(target, key) != value:
            setattr(target, key, value)
            changed.append(key)
    return changed
