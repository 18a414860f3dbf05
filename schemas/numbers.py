"""Bounds for integers that reach the database: a value past a 64-bit column is a 422, not
a driver overflow (a 500) deep in a query."""

from __future__ import annotations

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
INT32_MAX = 2**31 - 1
