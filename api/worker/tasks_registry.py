"""Imports every domain's tasks module so their @handler registrations take effect.

One import line per domain; the worker imports this module before it claims jobs."""

from __future__ import annotations
