"""Autocomplete across the caller's personal contacts and the company address book
(directory accounts and groups not hidden from it), ranked by recent correspondence:
addresses the account exchanged mail with in the last 180 days come first, then the
better name match."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.contacts.contacts import repository
from api.errors import ValidationFailed
from api.kit.clock import utcnow
from api.storage.models import Account, Group, MailMessage
from schemas.contacts import Suggestion

RECENT_DAYS = 180
RECENT_MESSAGES = 5000


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def correspondence(
    session: AsyncSession, account_id: str, addresses: set[str]
) -> dict[str, int]:
    """Messages in the account's mailbox from or to each address, most recent 5,000 in 180 days."""
    if not addresses:
        return {}
    since = utcnow() - timedelta(days=RECENT_DAYS)
    rows = await session.execute(
        select(MailMessage.from_address, MailMessage.to_addresses, MailMessage.cc_addresses)
        .where(MailMessage.account_id == account_id, MailMessage.received_at >= since)
        .order_by(MailMessage.received_at.desc())
        .limit(RECENT_MESSAGES)
    )
    counts: dict[str, int] = {}
    for sender, to, cc in rows.all():
        seen = {(sender or "").lower()}
        for entry in [*(to or []), *(cc or [])]:
            if isinstance(entry, dict):
                seen.add(str(entry.get("address", "")).lower())
        for address in seen & addresses:
            counts[address] = counts.get(address, 0) + 1
    return counts


def _match_rank(q: str, name: str, address: str) -> int:
    q = q.lower()
    words = name.lower().split() + [address.lower()]
    if any(w.startswith(q) for w in words) or name.lower().startswith(q):
        return 0
    return 1


async def autocomplete(
    session: AsyncSession, org_id: str, q: str, account_id: str | None, limit: int = 10
) -> list[Suggestion]:
    q = q.strip()
    if not q:
        raise ValidationFailed("q must not be empty.", param="q")
    like = _like(q.lower())
    found: dict[str, Suggestion] = {}
    accounts = (
        (
            await session.execute(
                select(Account)
                .where(
                    Account.org_id == org_id,
                    Account.status == "active",
                    Account.hidden_from_address_book.is_(False),
                    or_(
                        func.lower(Account.display_name).like(like, escape="\\"),
                        func.lower(Account.address).like(like, escape="\\"),
                    ),
                )
                .order_by(Account.display_name)
                .limit(50)
            )
        )
        .scalars()
        .all()
    )
    for a in accounts:
        found[a.address.lower()] = Suggestion(
            kind="account",
            id=a.id,
            name=a.display_name or a.address,
            address=a.address,
            source="directory",
            recent_messages=0,
        )
    groups = (
        (
            await session.execute(
                select(Group)
                .where(
                    Group.org_id == org_id,
                    Group.hidden_from_address_book.is_(False),
                    or_(
                        func.lower(Group.name).like(like, escape="\\"),
                        func.lower(Group.address).like(like, escape="\\"),
                    ),
                )
                .order_by(Group.name)
                .limit(20)
            )
        )
        .scalars()
        .all()
    )
    for g in groups:
        found.setdefault(
            g.address.lower(),
            Suggestion(
                kind="group",
                id=g.id,
                name=g.name,
                address=g.address,
                source="directory",
                recent_messages=0,
            ),
        )
    if account_id:
        for c in await repository.search(session, org_id, account_id, q, 50):
            for e in c.emails or []:
                found.setdefault(
                    e["address"].lower(),
                    Suggestion(
                        kind="contact",
                        id=c.id,
                        name=c.display_name,
                        address=e["address"],
                        source="personal",
                        recent_messages=0,
                    ),
                )
    counts = await correspondence(session, account_id, set(found)) if account_id else {}
    for address, suggestion in found.items():
        suggestion.recent_messages = counts.get(address, 0)
    ranked = sorted(
        found.values(),
        key=lambda s: (
            -s.recent_messages,
            _match_rank(q, s.name, s.address),
            s.kind != "contact",
            s.name.lower(),
        ),
    )
    return ranked[:limit]
