"""The app password secret: 16 random lower-case letters (about 75 bits), shown as four
groups of four, accepted with or without the spaces."""

from __future__ import annotations

import re
import secrets
import string

LENGTH = 16
_SHAPE = re.compile(r"^[a-z]{16}$")


def generate() -> str:
    """A new secret in its canonical form (no spaces)."""
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(LENGTH))


def display(secret: str) -> str:
    """`abcdefghijklmnop` → `abcd efgh ijkl mnop`."""
    return " ".join(secret[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(typed: str) -> str:
    """What a person typed (spaces, capitals) in the canonical form that was hashed."""
    return typed.replace(" ", "").lower()


def looks_like_app_password(typed: str) -> bool:
    return bool(_SHAPE.match(normalise(typed))) and len(typed) <= 2 * LENGTH
