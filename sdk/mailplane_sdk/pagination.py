"""Cursor pages (`{"data": [...], "next_cursor": ...}`) and walking them to the end."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from mailplane_sdk.calls import Call

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list."""

    items: list[T]
    next_cursor: str | None


def page_of(item: Callable[[Mapping[str, Any]], T]) -> Callable[[httpx.Response], Page[T]]:
    """A reader for a page whose items `item` builds (a generated model's `from_dict`)."""

    def read(response: httpx.Response) -> Page[T]:
        body = response.json()
        return Page([item(entry) for entry in body.get("data", [])], body.get("next_cursor"))

    return read


def single_page_of(
    item: Callable[[Mapping[str, Any]], T],
) -> Callable[[httpx.Response], list[T]]:
    """A reader for a list answered whole in one page (`next_cursor` always null): its items."""

    def read(response: httpx.Response) -> list[T]:
        return [item(entry) for entry in response.json().get("data", [])]

    return read


def next_call(call: Call[Page[T]], page: Page[T]) -> Call[Page[T]] | None:
    """The request for the page after `page`, or None at the end (or if the cursor stalls)."""
    cursor = page.next_cursor
    if not cursor or cursor == (call.spec.params or {}).get("cursor"):
        return None
    return call.with_params(cursor=cursor)
