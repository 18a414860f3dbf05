"""How a command handler ends a command other than OK: a tagged NO (with an optional
response code), a tagged BAD, or closing the connection."""

from __future__ import annotations


class No(Exception):
    """Answer the command with a tagged NO."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Bad(Exception):
    """Answer the command with a tagged BAD."""


class Disconnect(Exception):
    """Close the connection (after LOGOUT or a fatal client error)."""
