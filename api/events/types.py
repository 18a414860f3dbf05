"""Event type patterns (`mail.*`, `directory.*.created`) and who may see which events.

Visibility rule, the same for `GET /v1/events`, the SSE/WebSocket stream, GraphQL
subscriptions and webhook fan-out: an event is visible when the caller holds the read scope
of its domain (`mail.*` → `mail:read`, `calendar.*` → `calendar:read`, `contacts.*` →
`contacts:read`, `directory.*` → `directory:read`; `webhook.*`, `platform.*` and any other
domain → `webhooks:manage`). A token acting for one user additionally sees per-person events
(mail, calendar, contacts) only when their `data.account_id` is that user.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, true

from api.errors import InsufficientScope, ValidationFailed
from api.i18n import _
from api.identity.principal import Principal
from api.storage.models import Event

PATTERN = re.compile(r"^(\*|[a-z][a-z0-9_]*)(\.(\*|[a-z][a-z0-9_]*)){0,3}$")

DOMAIN_SCOPES: dict[str, str] = {
    "mail": "mail:read",
    "calendar": "calendar:read",
    "contacts": "contacts:read",
    "directory": "directory:read",
}
FALLBACK_SCOPE = "webhooks:manage"
PERSONAL_DOMAINS = frozenset({"mail", "calendar", "contacts"})
READ_SCOPES = frozenset([*DOMAIN_SCOPES.values(), FALLBACK_SCOPE])


def scope_for(type_: str) -> str:
    return DOMAIN_SCOPES.get(type_.split(".", 1)[0], FALLBACK_SCOPE)


def parse_patterns(values: Iterable[str] | None, *, param: str = "types") -> list[str]:
    """Split comma-separated values, validate each pattern; [] means every type."""
    out: list[str] = []
    for value in values or []:
        for raw in value.split(","):
            item = raw.strip()
            if not item:
                continue
            if len(item) > 80 or not PATTERN.match(item):
                raise ValidationFailed(
                    _(
                        "{item} is not an event type pattern like `mail.*` or "
                        "`directory.account.created`.", item=repr(item)
                    ),
                    param=param,
                )
            if item not in out:
                out.append(item)
    if len(out) > 50:
        raise ValidationFailed("At most 50 event type patterns.", param=param)
    return out


def matches(pattern: str, type_: str) -> bool:
    """`*` stands for one segment; a trailing `*` for one or more."""
    p = pattern.split(".")
    t = type_.split(".")
    if p[-1] == "*":
        if len(t) < len(p):
            return False
        return all(a == "*" or a == b for a, b in zip(p[:-1], t, strict=False))
    return len(p) == len(t) and all(a == "*" or a == b for a, b in zip(p, t, strict=True))


def matches_any(patterns: list[str], type_: str) -> bool:
    return not patterns or any(matches(p, type_) for p in patterns)


def pattern_clause(patterns: list[str]) -> ColumnElement[bool]:
    """SQL for `Event.type` matching any of `patterns` (event types have no `%` or `\\`)."""
    if not patterns:
        return true()
    clauses: list[ColumnElement[bool]] = []
    for p in patterns:
        if p == "*":
            return true()
        if "*" not in p:
            clauses.append(Event.type == p)
        else:
            like = p.replace("_", "\\_").replace("*", "%")
            clauses.append(Event.type.like(like, escape="\\"))
    return or_(*clauses)


def readable_domains(scopes: Iterable[str]) -> tuple[set[str], bool]:
    """Domains whose events these scopes reveal, and whether `other` domains are included."""
    held = set(scopes)
    domains = {d for d, s in DOMAIN_SCOPES.items() if s in held}
    return domains, FALLBACK_SCOPE in held


def require_any_read_scope(principal: Principal) -> None:
    if not READ_SCOPES & set(principal.scopes):
        raise InsufficientScope(sorted(READ_SCOPES))


def personal_account(principal: Principal) -> str | None:
    """The one account whose per-person events a user-bound token may see (None: all)."""
    return None if principal.kind == "app" else principal.account_id or "-"


def visibility_clause(scopes: Iterable[str], account_id: str | None) -> ColumnElement[bool]:
    domains, others = readable_domains(scopes)
    clauses: list[ColumnElement[bool]] = []
    for domain in sorted(domains):
        clause: ColumnElement[bool] = Event.type.startswith(domain + ".")
        if account_id is not None and domain in PERSONAL_DOMAINS:
            clause = and_(clause, Event.data["account_id"].as_string() == account_id)
        clauses.append(clause)
    if others:
        known = [Event.type.startswith(d + ".") for d in DOMAIN_SCOPES]
        clauses.append(~or_(*known))
    return or_(*clauses) if clauses else false()


def visible(
    scopes: Iterable[str], account_id: str | None, type_: str, data: dict[str, Any]
) -> bool:
    held = set(scopes)
    domain = type_.split(".", 1)[0]
    if scope_for(type_) not in held:
        return False
    if account_id is not None and domain in PERSONAL_DOMAINS:
        return bool(data.get("account_id") == account_id)
    return True
