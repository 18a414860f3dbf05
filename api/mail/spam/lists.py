"""Allow- and block-list values: what an entry may be (a sender address or a domain, which
also covers its subdomains), how it is normalised, and which entry wins for a sender."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import idna

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_LOCAL = re.compile(r"^[^\s@<>()\[\]\\,;:\"]{1,64}$")


class InvalidEntry(ValueError):
    """The value is neither a usable address nor a domain."""


def normalise_domain(domain: str) -> str:
    domain = domain.strip().strip(".").lower()
    if domain.startswith("*."):
        domain = domain[2:]
    if domain.isascii():
        ascii_domain = domain  # the common case; idna's UTS 46 mapping is slow
    else:
        try:
            ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise InvalidEntry(f"{domain!r} is not a valid domain") from exc
    labels = ascii_domain.split(".")
    if len(labels) < 2 or len(ascii_domain) > 253 or not all(_LABEL.match(x) for x in labels):
        raise InvalidEntry(f"{domain!r} is not a valid domain")
    if labels[-1].isdigit():
        raise InvalidEntry("IP addresses are not domains")
    return ascii_domain


def normalise(value: str) -> tuple[str, str]:
    """(normalised value, "address" | "domain"); raises InvalidEntry."""
    value = value.strip()
    if value.startswith("@"):
        value = value[1:]
    if "@" in value:
        local, _, domain = value.rpartition("@")
        if not _LOCAL.match(local):
            raise InvalidEntry(f"{value!r} is not a valid address")
        return f"{local.lower()}@{normalise_domain(domain)}", "address"
    return normalise_domain(value), "domain"


def lookup_keys(address: str) -> list[str]:
    """The list values that would match `address`: itself, its domain and parent domains."""
    try:
        value, scope = normalise(address)
    except InvalidEntry:
        return []
    if scope != "address":
        return []
    domain = value.rpartition("@")[2]
    labels = domain.split(".")
    return [value] + [".".join(labels[i:]) for i in range(len(labels) - 1)]


@dataclass(frozen=True)
class ListMatch:
    kind: str  # allow | block
    scope: str  # address | domain
    value: str
    entry_id: str


def ranked_matches(entries: Iterable[tuple[str, str, str]], keys: Iterable[str]
                   ) -> list[ListMatch]:
    """The (id, kind, value) entries matching one of `keys`, most specific first: an
    address before a subdomain before its parent domain; at equal specificity, block first."""
    wanted = set(keys)
    ranked: list[tuple[tuple[int, int, int], ListMatch]] = []
    for entry_id, kind, value in entries:
        if value not in wanted:
            continue
        scope = "address" if "@" in value else "domain"
        specificity = (0, 0) if scope == "address" else (1, -value.count("."))
        ranked.append(((*specificity, 0 if kind == "block" else 1),
                       ListMatch(kind, scope, value, entry_id)))
    return [m for _, m in sorted(ranked, key=lambda r: r[0])]
