"""`POST /v1/accounts/{account}/mail/send` through group commit.

A send is checked in a read transaction of its own (the account, send-as, attachments,
recipients, size: every refusal is answered from there, in the same order as before), which
takes no write lock and writes nothing. Its writes go to the process's send committer
(`api.mail.delivery.GroupCommitter`): the sends that arrive while a batch commits are run
together in the next one, one transaction, one blob sync, one commit, with their Sent copies
(`sent_copies.py`) and inbox deliveries (`delivery.pending`) stored set-based at the batch's
end. Each request answers once its batch has committed, so a 202 still means stored. The
request's Idempotency-Key claim is marked committed inside the batch, with its effect.

Scheduled sends and sends that stream attachments from the blob store or carry huge ones
(links for remote recipients) run `service.send_message` in one write transaction of their
own, as every send did before.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import Principal
from api.directory import Resolution
from api.identity.principal import Principal as PrincipalModel
from api.kit import idempotency
from api.mail.access import mailbox_account
from api.mail.delivery import DeliveryReport, GroupCommitter, StoredRaw, write_bytes
from api.mail.mime import ParsedMessage
from api.mail.sending import sent_copies
from api.mail.sending.sent_copies import SentCopy
from api.mail.sending.service import (
    Prepared,
    check_deliverable,
    final,
    for_later,
    prepare,
    send_message,
    send_result,
    write_send,
)
from api.runtime import Runtime
from api.storage.models import Account
from schemas.mail import SendRequest, SendResult

_KEY = "mail.send_committer"
MAX_BATCH = 64


async def _finish(session: AsyncSession, runtime: Runtime) -> None:
    await sent_copies.flush(session, runtime.blobs)


def committer(runtime: Runtime) -> GroupCommitter:
    """This process's committer of API sends (one per event loop)."""
    loop = asyncio.get_running_loop()
    found = runtime.extras.get(_KEY)
    if isinstance(found, tuple) and found[0] is loop:
        return found[1]  # type: ignore[no-any-return]
    made = GroupCommitter(runtime, max_batch=MAX_BATCH, finish=_finish)
    runtime.extras[_KEY] = (loop, made)
    return made


@dataclass
class _Send:
    """One send's writes, as the batch runs them (again, alone, if the batch fails)."""

    account: Account
    prepared: Prepared
    resolution: Resolution
    raw: bytes
    parsed: ParsedMessage
    save_to_sent: bool
    actor: PrincipalModel | None
    ip: str | None
    claim: tuple[str, str] | None

    async def __call__(
        self, session: AsyncSession, runtime: Runtime
    ) -> tuple[SentCopy | None, DeliveryReport]:
        await idempotency.mark_committed(session, self.claim)
        # the batch's blob store makes the bytes durable with the batch's one sync
        stored = StoredRaw(await write_bytes(runtime, self.raw), self.parsed)
        return await write_send(
            session, runtime, self.account, self.prepared, self.resolution, stored,
            save_to_sent=self.save_to_sent, actor=self.actor, ip=self.ip,
            copies=sent_copies.gathering(session),
        )


async def _read_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A read transaction: the checks take no write lock (on SQLite the batch holds it)."""
    runtime: Runtime = request.app.state.runtime
    async with runtime.db.session(write=False) as session:
        yield session


@dataclass
class Sender:
    """The `{account}` a send is made as, resolved in the read transaction its checks use."""

    account: Account
    session: AsyncSession
    ref: str


async def sending_account(
    account: str, principal: Principal,
    session: Annotated[AsyncSession, Depends(_read_session, scope="function")],
) -> Sender:
    """`Mailbox` for the send route: the same lookup (and 404), in a read transaction."""
    return Sender(await mailbox_account(session, principal, account), session, account)


SendingAccount = Annotated[Sender, Depends(sending_account)]


async def send(
    sender: Sender,
    runtime: Runtime,
    request: SendRequest,
    *,
    actor: PrincipalModel,
    ip: str | None,
    state: dict[str, Any],
) -> SendResult:
    """`service.send_message` for the REST send. `state` is the ASGI scope's state (the
    request's Idempotency-Key claim, marked committed in the transaction that writes)."""
    session, account = sender.session, sender.account
    claim = state.get(idempotency.CLAIM)
    state[idempotency.CLAIM] = None  # no request session marks it: the writer below does
    if not for_later(request):
        prepared = final(await prepare(session, runtime, account, request))
        resolution, lean, huge = await check_deliverable(session, runtime, prepared)
        if not huge and lean.in_memory:
            raw, parsed = lean.to_bytes(), lean.parsed()
            await session.commit()  # the read transaction ends before the batch waits
            sent, report = await committer(runtime).run(_Send(
                account, prepared, resolution, raw, parsed, request.save_to_sent, actor, ip,
                claim,
            ))
            return send_result(sent.row if sent else None, prepared.comp.message_id, report)
    # scheduled, or attachments streamed from the blob store: one transaction of its own,
    # checked again there
    await session.commit()
    async with runtime.db.session() as writer:
        owner = await mailbox_account(writer, actor, sender.ref)
        result = await send_message(writer, runtime, owner, request, actor=actor, ip=ip)
        await idempotency.mark_committed(writer, claim)
    return result
