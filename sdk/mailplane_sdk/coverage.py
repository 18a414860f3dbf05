"""Which OpenAPI operations a hand-written (non-endpoint) method performs, so a test can
check that every operation has an SDK method."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., object])

ATTRIBUTE = "__mailplane_operations__"


def covers(*operations: str) -> Callable[[F], F]:
    """Mark a method as performing these operationIds."""

    def mark(fn: F) -> F:
        setattr(fn, ATTRIBUTE, operations)
        return fn

    return mark
