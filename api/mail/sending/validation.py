"""Check what goes into headers before any of it is written: no line breaks anywhere
(header injection), well-formed addresses, `X-` header names, recipient limits."""

from __future__ import annotations

import email.utils
import mimetypes
import re

from api.errors import ValidationFailed
from api.i18n import Msg
from api.mail.errors import HeaderInjection, TooManyRecipients
from schemas.mail import AddressIn

_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_HEADER_NAME = re.compile(r"^X-[A-Za-z0-9-]{1,70}$", re.IGNORECASE)
_CONTENT_TYPE = re.compile(r"^[A-Za-z0-9][\w.+-]{0,126}/[A-Za-z0-9][\w.+-]{0,126}$")
_RESERVED = {"x-priority", "x-auto-response-suppress", "x-mailer-internal"}


def no_breaks(value: str, param: str) -> str:
    if any(ch in value for ch in "\r\n\x00"):
        raise HeaderInjection(Msg(
            "{param} must not contain line breaks.", param=param
        ), param=param)
    return value


def address(value: str, param: str) -> str:
    """A plain addr-spec, domain in ASCII (IDNA) form."""
    no_breaks(value, param)
    value = value.strip()
    local, at, domain = value.rpartition("@")
    if (
        not at
        or not _LOCAL.match(local)
        or ".." in local
        or local.startswith(".")
        or local.endswith(".")
    ):
        raise ValidationFailed(Msg(
            "{value} is not an email address.", value=repr(value)
        ), param=param)
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValidationFailed(Msg(
            "{value} has an invalid domain.", value=repr(value)
        ), param=param) from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or len(ascii_domain) > 253 or not all(_LABEL.match(x) for x in labels):
        raise ValidationFailed(Msg(
            "{value} has an invalid domain.", value=repr(value)
        ), param=param)
    return f"{local}@{ascii_domain}"


def recipient(value: str | AddressIn, param: str) -> tuple[str, str]:
    """(display name, address) from "a@b", "Name <a@b>" or {"name", "address"}."""
    if isinstance(value, AddressIn):
        return no_breaks(value.name, f"{param}.name").strip(), address(value.address, param)
    no_breaks(value, param)
    if "<" in value:
        name, addr = email.utils.parseaddr(value)
        if not addr:
            raise ValidationFailed(Msg(
                "{value} is not an email address.", value=repr(value)
            ), param=param)
        return name.strip(), address(addr, param)
    return "", address(value, param)


def recipients(values: list[str | AddressIn], param: str) -> list[tuple[str, str]]:
    return [recipient(v, f"{param}[{i}]") for i, v in enumerate(values)]


def check_count(total: int, limit: int) -> None:
    if total > limit:
        raise TooManyRecipients(
            Msg(
                "A message may have at most {limit} recipients; this one has {total}.",
                limit=limit,
                total=total,
            ), param="to"
        )


def custom_headers(headers: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for name, value in headers.items():
        if not _HEADER_NAME.match(name) or name.lower() in _RESERVED:
            raise ValidationFailed(
                Msg(
                    "Only X- headers may be added, not {name}.", name=repr(name)
                ), param=f"headers.{name}"
            )
        no_breaks(value, f"headers.{name}")
        if len(value) > 998:
            raise ValidationFailed(
                "A header value is at most 998 characters.", param=f"headers.{name}"
            )
        out.append((name, value))
    return out


def content_type(value: str | None, filename: str, param: str) -> str:
    if value is None:
        guessed, _ = mimetypes.guess_type(filename)
        return guessed or "application/octet-stream"
    no_breaks(value, param)
    value = value.strip().lower()
    if not _CONTENT_TYPE.match(value):
        raise ValidationFailed(Msg("{value} is not a media type.", value=repr(value)), param=param)
    return value


def filename(value: str, param: str) -> str:
    no_breaks(value, param)
    value = value.strip().replace("/", "_").replace("\\", "_")
    if not value or any(ord(ch) < 32 for ch in value):
        raise ValidationFailed("A file name needs visible characters.", param=param)
    return value[:255]
