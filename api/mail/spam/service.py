"""Spam rules that are not scoring: learning from feedback (report spam / not spam, moves
into and out of junk), the per-organisation allow and block lists, and reading back the
verdict a stored message carries."""

from __future__ import annotations

import email.parser
import email.policy
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import AlreadyExists, NotFound, ValidationFailed
from api.events import emit
from api.i18n import _
from api.identity.audit import record
from api.identity.principal import Principal
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.kit.pagination import PageParams
from api.mail.access import account_by_id, may_reach
from api.mail.mailbox.service import apply_changes, system_folder
from api.mail.spam import personal, repository
from api.mail.spam.lists import InvalidEntry, normalise
from api.mail.spam.moves import skip_learning
from api.mail.spam.scoring import facts_of
from api.mail.spam.snapshot import forget
from api.mail.spam.tokenizer import token_buckets
from api.storage.blobs import BlobStore
from api.storage.models import Account, MailMessage, SpamFeedback, SpamListEntry
from schemas.spam import SpamListEntryCreate, SpamVerdict

#: Learning reads at most this much of a message: headers and text come first, and the
#: rest is attachments the tokenizer does not read anyway.
LEARN_MAX_BYTES = 4 * 1024 * 1024
#: The verdict header fields sit at the top of the stored message; read this much.
HEADER_MAX_BYTES = 64 * 1024
LISTS = ("allow", "block")
LABELS = ("spam", "ham")


# --- learning ------------------------------------------------------------------------------


async def message_tokens(blobs: BlobStore, message: MailMessage) -> list[int]:
    chunks = [c async for c in blobs.read(message.blob_sha256, 0, LEARN_MAX_BYTES)]
    return token_buckets(facts_of(b"".join(chunks), None, None))


def _delta(label: str, sign: int) -> dict[str, int]:
    return {"spam": sign if label == "spam" else 0, "ham": sign if label == "ham" else 0}


async def learn(session: AsyncSession, blobs: BlobStore, message: MailMessage, label: str
                ) -> bool:
    """Count `message` as spam or ham for its organisation and its person. Idempotent:
    learning it again the same way changes nothing (returns False); the other way first
    unlearns exactly the tokens that were counted."""
    if label not in LABELS:
        raise ValueError(label)
    org_id = message.org_id
    row = await repository.lock_feedback(session, org_id, message.id)
    if row is None:
        tokens = await message_tokens(blobs, message)
        try:
            async with session.begin_nested():
                session.add(SpamFeedback(
                    message_id=message.id, org_id=org_id, account_id=message.account_id,
                    label=label, tokens=tokens, created_at=utcnow(), updated_at=utcnow(),
                ))
        except IntegrityError:  # learned concurrently: fall through to the update path
            row = await repository.lock_feedback(session, org_id, message.id)
            if row is None:
                raise
        else:
            await repository.add_counts(session, org_id, tokens, **_delta(label, 1))
            await personal.learn_for_person(session, message.account_id, tokens, None, label)
            forget(org_id)
            return True
    if row.label == label:
        return False
    tokens = list(row.tokens)
    await repository.add_counts(session, org_id, tokens, **_delta(row.label, -1))
    await repository.add_counts(session, org_id, tokens, **_delta(label, 1))
    await personal.learn_for_person(session, row.account_id, tokens, row.label, label)
    row.label = label
    row.updated_at = utcnow()
    await session.flush()
    forget(org_id)
    return True


@dataclass
class FeedbackResult:
    message: MailMessage
    label: str
    learned: bool


async def report(session: AsyncSession, blobs: BlobStore, account: Account,
                 message: MailMessage, label: str) -> FeedbackResult:
    """A person says the message is spam (move it to junk) or not spam (out of junk into
    the inbox; elsewhere it stays put), and the organisation learns from it."""
    target = None
    if label == "spam":
        target = await system_folder(session, account.id, account.org_id, "junk")
    else:
        junk = await system_folder(session, account.id, account.org_id, "junk")
        if message.folder_id == junk.id:
            target = await system_folder(session, account.id, account.org_id, "inbox")
    if target is not None and target.id != message.folder_id:
        skip_learning(session.sync_session, [message.id])
        await apply_changes(session, account.id, account.org_id, [message], folder=target)
    learned = await learn(session, blobs, message, label)
    return FeedbackResult(message, label, learned)


async def message_for(session: AsyncSession, principal: Principal, message_id: str
                      ) -> tuple[Account, MailMessage]:
    """A message by bare id (GraphQL), with its account, if this caller may reach it."""
    message = await repository.message_in_org(session, principal.org_id, message_id)
    if message is None or not may_reach(principal, message.account_id):
        raise NotFound(_("No message {message_id}.", message_id=message_id), param="id")
    return await account_by_id(session, principal, message.account_id), message


async def learn_moves(session: AsyncSession, blobs: BlobStore, org_id: str,
                      moves: list[dict[str, str]]) -> int:
    """Learn from folder moves noted by `moves.py`: into junk = spam; out of junk (except
    into trash) = ham. Returns how many messages were learned."""
    folder_ids = {m["from"] for m in moves} | {m["to"] for m in moves}
    roles = await repository.folder_roles(session, org_id, folder_ids)
    learned = 0
    messages = {m.id: m for m in await repository.messages_in_org(
        session, org_id, [m["message_id"] for m in moves])}
    for move in moves:
        message = messages.get(move["message_id"])
        if message is None:
            continue  # deleted since
        old, new = roles.get(move["from"]), roles.get(move["to"])
        label = None
        if new == "junk" and old != "junk":
            label = "spam"
        elif old == "junk" and new not in ("junk", "trash"):
            label = "ham"
        if label and await learn(session, blobs, message, label):
            learned += 1
    return learned


# --- allow and block lists -------------------------------------------------------------------


def _check_list(kind: str) -> None:
    if kind not in LISTS:
        raise NotFound(_("No list {kind}.", kind=kind))


async def create_entry(session: AsyncSession, org_id: str, kind: str, data: SpamListEntryCreate,
                       *, actor: Principal | None, ip: str | None = None) -> SpamListEntry:
    _check_list(kind)
    try:
        value, scope = normalise(data.value)
    except InvalidEntry as exc:
        raise ValidationFailed(str(exc), param="value") from None
    if await repository.entry_by_value(session, org_id, kind, value) is not None:
        raise AlreadyExists(_(
            "{value} is already on the {kind} list.", value=value, kind=kind
        ), param="value")
    entry = SpamListEntry(id=new_id("spl"), org_id=org_id, kind=kind, value=value,
                          note=data.note, created_by=actor.actor_id if actor else None,
                          created_at=utcnow())
    try:
        async with session.begin_nested():
            session.add(entry)
    except IntegrityError:
        raise AlreadyExists(_(
            "{value} is already on the {kind} list.", value=value, kind=kind
        ), param="value") from None
    forget(org_id)
    details = {"kind": kind, "value": value, "scope": scope}
    await record(session, org_id=org_id, action="mail.spam_list_entry.created", actor=actor,
                 ip=ip, target_type="spam_list_entry", target_id=entry.id, details=details)
    await emit(session, org_id, "mail.spam_list_entry.created", {"id": entry.id, **details})
    return entry


async def get_entry(session: AsyncSession, org_id: str, kind: str | None, entry_id: str
                    ) -> SpamListEntry:
    """One entry of list `kind` (None: of either list)."""
    if kind is not None:
        _check_list(kind)
    entry = await repository.entry(session, org_id, kind, entry_id)
    if entry is None:
        raise NotFound(_(
            "No {value} list entry {entry_id}.", value=kind or 'spam', entry_id=entry_id
        ), param="entry_id")
    return entry


async def list_entries(session: AsyncSession, org_id: str, kind: str, params: PageParams
                       ) -> tuple[list[SpamListEntry], str | None]:
    _check_list(kind)
    return await repository.entries_page(session, org_id, kind, params)


async def delete_entry(session: AsyncSession, org_id: str, entry: SpamListEntry, *,
                       actor: Principal | None, ip: str | None = None) -> None:
    await repository.delete_entry(session, org_id, entry.id)
    forget(org_id)
    details = {"kind": entry.kind, "value": entry.value}
    await record(session, org_id=org_id, action="mail.spam_list_entry.deleted", actor=actor,
                 ip=ip, target_type="spam_list_entry", target_id=entry.id, details=details)
    await emit(session, org_id, "mail.spam_list_entry.deleted", {"id": entry.id, **details})


def scope_of(entry: SpamListEntry) -> str:
    return "address" if "@" in entry.value else "domain"


# --- the verdict a stored message carries ------------------------------------------------------

#: Trace fields the SMTP edge adds above the original header; the verdict is trusted only
#: within this leading block, so a sender's own X-Spam-* lines further down never count.
_TRACE = {"received", "authentication-results", "return-path", "delivered-to",
          "arc-seal", "arc-message-signature", "arc-authentication-results", "dkim-signature"}


def _leading_spam_fields(head: bytes) -> dict[str, str]:
    parser = email.parser.BytesHeaderParser(policy=email.policy.compat32)
    message = parser.parsebytes(head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0])
    found: dict[str, str] = {}
    for name, value in message.items():
        key = name.lower()
        if key.startswith("x-spam-"):
            found.setdefault(key, " ".join(str(value).split()))
        elif key not in _TRACE:
            break
    return found


async def verdict_of(session: AsyncSession, blobs: BlobStore, message: MailMessage
                     ) -> SpamVerdict:
    chunks = [c async for c in blobs.read(message.blob_sha256, 0, HEADER_MAX_BYTES)]
    fields = _leading_spam_fields(b"".join(chunks))
    feedback = await repository.feedback(session, message.org_id, message.id)
    result = SpamVerdict(message_id=message.id, scored=False,
                         feedback=feedback.label if feedback else None)  # type: ignore[arg-type]
    status = fields.get("x-spam-status")
    if status is None:
        return result
    parts = dict(p.split("=", 1) for p in status.split() if "=" in p)
    try:
        score = float(fields.get("x-spam-score") or parts.get("score", ""))
    except ValueError:
        score = None
    action = parts.get("action")
    tests = [t for t in parts.get("tests", "").split(",") if t and t != "none"]
    return result.model_copy(update={
        "scored": True, "score": score, "tests": tests,
        "action": action if action in ("inbox", "junk", "reject") else None,
        "report": fields.get("x-spam-report"),
    })
