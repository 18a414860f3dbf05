"""Activation links for the accounts an import created without a password: one per row,
each shown once (asking again issues fresh links and retires the earlier ones)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.account_links import service as links
from api.directory.imports import repository, service
from api.identity.principal import Principal
from api.kit.pagination import PageParams, decode_cursor, encode_cursor
from api.storage.models import Account
from schemas import directory as schemas


@dataclass
class RowLink:
    row: int
    account: Account
    link: links.IssuedLink
    sent_to: str | None


async def issue_for_import(
    session: AsyncSession,
    org_id: str,
    import_id: str,
    data: schemas.ImportActivationLinksCreate,
    params: PageParams,
    *,
    issuer: str,
    actor: Principal | None,
    ip: str | None = None,
) -> tuple[list[RowLink], str | None]:
    """Up to `params.limit` links, in row order after the cursor. Rows whose account has a
    recovery address get it mailed (by the caller) when `send_to_recovery_email`."""
    await service.get_import(session, org_id, import_id)  # 404 for another organisation's
    after = int(decode_cursor(params.cursor, 1)[0]) if params.cursor else 0
    found = await repository.created_without_password(
        session, org_id, import_id, after_row=after, limit=params.limit + 1
    )
    more = len(found) > params.limit
    out: list[RowLink] = []
    for row, account in found[: params.limit]:
        sent_to = account.recovery_email if data.send_to_recovery_email else None
        issued = await links.issue_activation(
            session, account,
            schemas.ActivationLinkCreate(expires_in=data.expires_in),
            issuer=issuer, actor=actor, ip=ip, sent_to=sent_to,
        )
        out.append(RowLink(row, account, issued, sent_to))
    return out, encode_cursor([out[-1].row]) if more and out else None
