"""One person's own sender lists and learned verdicts (issue 16), beside the organisation's.

- `allow`: the sender's mail is never filed as junk for this person, when the sender is
  authenticated (a forged From rides on nothing, as with the organisation's allow list).
- `block`: the sender's next messages are filed in Junk, or in Trash, as the person chose.
- `images`: the webmail shows the sender's remote images without asking.

Reporting junk / not junk also counts the message for the person (the `spam_tokens` rows
keyed by the account id, beside the organisation's): `personal_role` then files the next
similar message for that person even when the organisation's verdict did not.

`personal_role` is registered with the delivery core's filing hook at wiring time, so the
SMTP edge, API sends and every other delivery apply the lists the same way.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.events import emit
from api.i18n import Msg
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams, paginate
from api.mail.delivery.hooks import Filing
from api.mail.spam import repository
from api.mail.spam.classifier import OrgCounts, spam_probability
from api.mail.spam.lists import InvalidEntry, lookup_keys, normalise, ranked_matches
from api.mail.spam.scoring import facts_of
from api.mail.spam.tokenizer import token_buckets
from api.storage.models import Account, PersonalSenderEntry, SpamToken
from api.storage.models.spam import TOTALS_TOKEN
from schemas.spam import SenderEntry, SenderEntryCreate

KINDS = ("allow", "block", "images")
#: A person's learned spam probability at or above this files the message in Junk; at or
#: below `HAM_BELOW`, an authenticated sender's message the organisation filed as junk
#: comes back to the inbox.
JUNK_FROM = 0.9
HAM_BELOW = 0.1
SNAPSHOT_TTL = 10.0
MAX_ACCOUNTS = 50_000


def entry_view(row: PersonalSenderEntry) -> SenderEntry:
    return SenderEntry(
        id=row.id, account_id=row.account_id, list=row.kind,  # type: ignore[arg-type]
        value=row.value, scope="address" if "@" in row.value else "domain",
        action=row.action, created_at=row.created_at,  # type: ignore[arg-type]
    )


def _check(kind: str) -> None:
    if kind not in KINDS:
        raise NotFound(Msg("No sender list {kind}.", kind=kind), param="list")


# --- per-process snapshot of a person's lists and learned totals -------------------------------


@dataclass
class PersonSnapshot:
    # (id, kind, value, action)
    entries: list[tuple[str, str, str, str]] = field(default_factory=list)
    spam_messages: int = 0
    ham_messages: int = 0
    fetched_at: float = 0.0


_cache: OrderedDict[str, PersonSnapshot] = OrderedDict()


def forget(account_id: str) -> None:
    _cache.pop(account_id, None)


async def snapshot(session: AsyncSession, account_id: str) -> PersonSnapshot:
    found = _cache.get(account_id)
    if found is not None and time.monotonic() - found.fetched_at < SNAPSHOT_TTL:
        return found
    rows = await session.execute(
        select(PersonalSenderEntry.id, PersonalSenderEntry.kind, PersonalSenderEntry.value,
               PersonalSenderEntry.action).where(PersonalSenderEntry.account_id == account_id)
    )
    totals = (await session.execute(
        select(SpamToken.spam, SpamToken.ham).where(SpamToken.org_id == account_id,
                                                    SpamToken.token == TOTALS_TOKEN)
    )).first()
    fresh = PersonSnapshot(
        entries=[(i, k, v, a) for i, k, v, a in rows],
        spam_messages=int(totals[0]) if totals else 0,
        ham_messages=int(totals[1]) if totals else 0,
        fetched_at=time.monotonic(),
    )
    _cache[account_id] = fresh
    while len(_cache) > MAX_ACCOUNTS:
        _cache.popitem(last=False)
    return fresh


# --- the lists through the API ------------------------------------------------------------------


async def create(session: AsyncSession, account: Account, kind: str, data: SenderEntryCreate
                 ) -> PersonalSenderEntry:
    _check(kind)
    try:
        value, _scope = normalise(data.value)
    except InvalidEntry as exc:
        raise ValidationFailed(str(exc), param="value") from None
    row = PersonalSenderEntry(
        id=new_id("sen"), org_id=account.org_id, account_id=account.id, kind=kind, value=value,
        action=data.action if kind == "block" else "junk", created_at=utcnow(),
    )
    try:
        async with session.begin_nested():
            session.add(row)
    except IntegrityError:
        raise AlreadyExists(Msg(
            "{value} is already on your {kind} list.", value=value, kind=kind
        ), param="value") from None
    if kind in ("allow", "block"):  # a sender is on one of the two at a time
        other = "block" if kind == "allow" else "allow"
        await session.execute(delete(PersonalSenderEntry).where(
            PersonalSenderEntry.account_id == account.id, PersonalSenderEntry.kind == other,
            PersonalSenderEntry.value == value))
    forget(account.id)
    await emit(session, account.org_id, "mail.sender_entry.created",
               {"id": row.id, "account_id": account.id, "list": kind, "value": value,
                "action": row.action})
    return row


async def get(session: AsyncSession, account: Account, kind: str, entry_id: str
              ) -> PersonalSenderEntry:
    _check(kind)
    row = await session.scalar(select(PersonalSenderEntry).where(
        PersonalSenderEntry.id == entry_id, PersonalSenderEntry.account_id == account.id,
        PersonalSenderEntry.kind == kind))
    if row is None:
        raise NotFound(Msg(
            "No entry {entry_id} on your {kind} list.", entry_id=entry_id, kind=kind
        ), param="entry_id")
    return row


async def page(session: AsyncSession, account: Account, kind: str, params: PageParams
               ) -> tuple[list[PersonalSenderEntry], str | None]:
    _check(kind)
    stmt = select(PersonalSenderEntry).where(PersonalSenderEntry.account_id == account.id,
                                             PersonalSenderEntry.kind == kind)
    return await paginate(session, stmt, params, [PersonalSenderEntry.id])


async def remove(session: AsyncSession, account: Account, row: PersonalSenderEntry) -> None:
    await session.execute(delete(PersonalSenderEntry).where(PersonalSenderEntry.id == row.id))
    forget(account.id)
    await emit(session, account.org_id, "mail.sender_entry.deleted",
               {"id": row.id, "account_id": account.id, "list": row.kind, "value": row.value})


# --- applying them ------------------------------------------------------------------------------


def _match(entries: list[tuple[str, str, str, str]], kinds: tuple[str, ...], senders: list[str]
           ) -> tuple[str, str] | None:
    """(kind, action) of the most specific entry of `kinds` matching a sender, or None."""
    keys = {k for s in senders if s for k in lookup_keys(s)}
    wanted = [(i, k, v) for i, k, v, _ in entries if k in kinds]
    if not keys or not wanted:
        return None
    found = ranked_matches(wanted, keys)
    if not found:
        return None
    action = next(a for i, _, _, a in entries if i == found[0].entry_id)
    return found[0].kind, action


async def shows_images(session: AsyncSession, account_id: str, sender: str) -> bool:
    """Has the person chosen to always see this sender's remote images?"""
    return _match((await snapshot(session, account_id)).entries, ("images",), [sender]) is not None


async def learn_for_person(session: AsyncSession, account_id: str, tokens: list[int],
                           old: str | None, new: str) -> None:
    """Count a reported message for the person too (undoing an earlier opposite report)."""
    if old == new:
        return
    if old is not None:
        await repository.add_counts(session, account_id, tokens, spam=-(old == "spam"),
                                    ham=-(old == "ham"))
    await repository.add_counts(session, account_id, tokens, spam=int(new == "spam"),
                                ham=int(new == "ham"))
    forget(account_id)


async def personal_role(filing: Filing) -> str:
    """The folder role for one person's copy: their block / allow lists first, then what they
    taught the filter. Only inbound filing (inbox or junk) is changed."""
    if filing.role not in ("inbox", "junk"):
        return filing.role
    session = filing.session
    person = await snapshot(session, filing.account.id)
    senders = [filing.parsed.from_address or "", filing.envelope_from or ""]
    if person.entries:
        hit = _match(person.entries, ("allow", "block"), senders)
        if hit is not None and hit[0] == "block":
            return hit[1]
        if hit is not None and filing.authenticated:
            return "inbox"
    if person.spam_messages or person.ham_messages:
        tokens = token_buckets(facts_of(await filing.raw_bytes(), filing.parsed, None))
        counts = await repository.token_counts(session, filing.account.id, tokens)
        probability, clues = spam_probability(
            tokens, OrgCounts(person.spam_messages, person.ham_messages, counts))
        if clues and probability >= JUNK_FROM:
            return "junk"
        if clues and probability <= HAM_BELOW and filing.authenticated:
            return "inbox"
    return filing.role
