"""Keyset cursor pagination: `?limit=&cursor=` → `{"data": [...], "next_cursor": ...}`.

Cursors encode the last row's sort key, so they stay stable while rows are inserted.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from api.errors import MalformedRequest
from schemas.numbers import INT64_MAX, INT64_MIN

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    data: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    """`?limit=&cursor=` for REST and the `limit`/`cursor` arguments of GraphQL, one rule."""

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    cursor: str | None = Field(None, max_length=512)


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (1-500).")] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=512, description="Opaque cursor.")] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps(list(values), separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedRequest("The cursor is not valid.", param="cursor") from exc
    if not isinstance(values, list) or len(values) != width or not all(map(_scalar, values)):
        raise MalformedRequest("The cursor is not valid.", param="cursor")
    return values


def _scalar(value: Any) -> bool:
    """A cursor holds strings, nulls and integers a database column can hold (64-bit)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return INT64_MIN <= value <= INT64_MAX
    return value is None or isinstance(value, str)


def _fits(col: InstrumentedAttribute[Any], value: Any) -> bool:
    try:
        kind = col.type.python_type
    except NotImplementedError:
        return True
    return value is None or isinstance(value, kind)


async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    params: PageParams,
    order: Sequence[InstrumentedAttribute[Any]],
    *,
    descending: bool = False,
) -> tuple[list[Any], str | None]:
    """Run `stmt` ordered by `order` (unique together) after the cursor; return rows and next cursor.

    The order columns must be plain (string or integer) columns whose values round-trip JSON.
    """
    if params.cursor:
        last = decode_cursor(params.cursor, len(order))
        if not all(_fits(col, value) for col, value in zip(order, last, strict=True)):
            raise MalformedRequest("The cursor is not valid.", param="cursor")
        # (a, b) > (x, y)  ==  a > x OR (a = x AND b > y)
        clauses = []
        for i, col in enumerate(order):
            eqs = [order[j] == last[j] for j in range(i)]
            cmp = col < last[i] if descending else col > last[i]
            clauses.append(and_(*eqs, cmp))
        stmt = stmt.where(or_(*clauses))
    stmt = stmt.order_by(*[c.desc() if descending else c.asc() for c in order])
    rows = list((await session.execute(stmt.limit(params.limit + 1))).scalars().all())
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        next_cursor = encode_cursor([getattr(rows[-1], c.key) for c in order])
    return rows, next_cursor
