"""Does an event go to an endpoint? Type patterns, the creator's read scopes, and the
optional account and department filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from api.events import types


@dataclass(frozen=True)
class EndpointFilter:
    patterns: list[str]
    scopes: frozenset[str]
    owner_account_id: str | None = None
    account_ids: frozenset[str] = frozenset()
    # Departments chosen plus their sub-departments, and the accounts in any of them.
    department_ids: frozenset[str] = frozenset()
    department_members: frozenset[str] = field(default_factory=frozenset)
    filter_departments: bool = False


def _subjects(type_: str, data: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The accounts and departments an event is about."""
    accounts: set[str] = set()
    departments: set[str] = set()
    resource = type_.split(".")[1] if type_.count(".") >= 2 else ""
    if data.get("account_id"):
        accounts.add(str(data["account_id"]))
    if type_.startswith("directory.account.") and data.get("id"):
        accounts.add(str(data["id"]))
    if data.get("department_id"):
        departments.add(str(data["department_id"]))
    for dep in data.get("department_ids") or []:
        departments.add(str(dep))
    if resource == "department" and data.get("id"):
        departments.add(str(data["id"]))
    return accounts, departments


def wants(f: EndpointFilter, type_: str, data: dict[str, Any]) -> bool:
    if not types.matches_any(f.patterns, type_):
        return False
    if not types.visible(f.scopes, f.owner_account_id, type_, data):
        return False
    if not f.account_ids and not f.filter_departments:
        return True
    accounts, departments = _subjects(type_, data)
    if f.account_ids and accounts & f.account_ids:
        return True
    if f.filter_departments and (departments & f.department_ids or accounts & f.department_members):
        return True
    return False
