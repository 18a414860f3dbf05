"""The account search index: one row per prefix-searchable term of an account (name, its
words, address, local part, pinyin initials and full pinyin, employee number, mobile, job
title and its words), kept
current by mapper events on every ORM insert or update of an account.

`?q=` is then a range scan on (org_id, term) instead of a `LIKE '%q%'` over every row. On
PostgreSQL the term column uses the "C" collation, so `term >= q AND term < q⁺` is a plain
byte-order index range whatever the database's default collation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pypinyin import Style, lazy_pinyin
from sqlalchemy import Connection, ForeignKey, Index, String, delete, event, insert, inspect
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from api.storage.models.base import Base
from api.storage.models.tenancy import Account

TERM_LENGTH = 200
_INDEXED = ("display_name", "address", "employee_number", "mobile", "job_title")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SPLIT = re.compile(r"[\s._\-@·]+")


class AccountSearchTerm(Base):
    __tablename__ = "account_search_terms"
    __table_args__ = (Index("ix_account_search_terms_org_term", "org_id", "term", "account_id"),)

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(
        String(TERM_LENGTH).with_variant(String(TERM_LENGTH, collation="C"), "postgresql"),
        primary_key=True,
    )
    org_id: Mapped[str] = mapped_column(String(40))


def normalise(text: str) -> str:
    """The form both terms and queries take: case-folded, trimmed, bounded."""
    return text.strip().casefold()[:TERM_LENGTH]


def pinyin_terms(name: str) -> set[str]:
    """张三丰 → {"zsf", "zhangsanfeng"}; nothing for a name without Han characters."""
    if not _HAN.search(name):
        return set()
    han = "".join(ch for ch in name if _HAN.match(ch))
    initials = "".join(lazy_pinyin(han, style=Style.FIRST_LETTER))
    full = "".join(lazy_pinyin(han))
    return {t for t in (initials, full) if t}


def terms_for(
    display_name: str | None, address: str | None, employee_number: str | None,
    mobile: str | None, job_title: str | None = None,
) -> set[str]:
    """Every term an account is found by with a prefix of it."""
    out: set[str] = set()
    name = display_name or ""
    if name.strip():
        out.add(normalise(name))
        out.update(normalise(w) for w in _SPLIT.split(name) if w)
        out.update(pinyin_terms(name))
    if job_title and job_title.strip():
        out.add(normalise(job_title))
        out.update(normalise(w) for w in _SPLIT.split(job_title) if w)
    if address:
        out.add(normalise(address))
        local = address.split("@", 1)[0]
        out.update(normalise(w) for w in _SPLIT.split(local) if w)
    for key in (employee_number, mobile):
        if key:
            out.add(normalise(key))
    return {t for t in out if t}


def rows_for(account: Any) -> list[dict[str, str]]:
    """Index rows for an account (an ORM row or anything with the same attributes)."""
    return [
        {"account_id": account.id, "org_id": account.org_id, "term": term}
        for term in sorted(terms_for(
            account.display_name, account.address, account.employee_number, account.mobile,
            account.job_title,
        ))
    ]


def prefix_bounds(query: str) -> tuple[str, str] | None:
    """[low, high) of the terms starting with `query`, or None for an empty query."""
    low = normalise(query)
    if not low:
        return None
    return low, low[:-1] + chr(ord(low[-1]) + 1)


def _write(connection: Connection, accounts: Iterable[Any], *, replace: bool) -> None:
    for account in accounts:
        if replace:
            connection.execute(
                delete(AccountSearchTerm).where(AccountSearchTerm.account_id == account.id)
            )
        rows = rows_for(account)
        if rows:
            connection.execute(insert(AccountSearchTerm), rows)


@event.listens_for(Account, "after_insert")
def _indexed_on_insert(_mapper: Mapper[Any], connection: Connection, target: Account) -> None:
    _write(connection, [target], replace=False)


@event.listens_for(Account, "after_update")
def _indexed_on_update(_mapper: Mapper[Any], connection: Connection, target: Account) -> None:
    state = inspect(target)
    if any(state.attrs[name].history.has_changes() for name in _INDEXED):
        _write(connection, [target], replace=True)
