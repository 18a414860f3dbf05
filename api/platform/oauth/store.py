"""Async persistence for the authorization server: clients, codes, tokens, families.

Authlib calls these through `server.py`'s bridge; every method runs in the request's
session, which the OAuth router commits whatever the outcome, so a detected replay's
revocations stick even though the request itself fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.config import Settings
from api.identity.audit import record
from api.identity.grant_binding import binds
from api.identity.token_strings import digest
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Account, App, AppSecret, AuthorizationCode, Token


class CrossOrganisationGrant(Exception):
    """A grant was about to bind a person to an app of another organisation."""


@dataclass
class ClientRecord:
    app: App
    secret_hashes: list[str]


class OAuthStore:
    def __init__(self, session: AsyncSession, settings: Settings, ip: str | None) -> None:
        self.session = session
        self.settings = settings
        self.ip = ip

    async def client(self, client_id: str) -> ClientRecord | None:
        app = await self.session.get(App, client_id)
        if app is None or app.disabled:
            return None
        now = utcnow()
        rows = await self.session.execute(
            select(AppSecret.secret_hash).where(
                AppSecret.app_id == app.id,
                or_(AppSecret.expires_at.is_(None), AppSecret.expires_at > now),
            )
        )
        return ClientRecord(app, list(rows.scalars().all()))

    async def account(self, account_id: str) -> Account | None:
        account = await self.session.get(Account, account_id)
        if account is None or account.status != "active":
            return None
        return account

    async def save_code(
        self, code: str, app: App, account: Account, redirect_uri: str, scope: str,
        challenge: str, method: str,
    ) -> None:
        if not binds(grant_org_id=app.org_id, app_org_id=app.org_id, account_org_id=account.org_id,
                     has_account=True):
            raise CrossOrganisationGrant(app.id, account.id)
        self.session.add(
            AuthorizationCode(
                code_hash=digest(code), app_id=app.id, account_id=account.id, org_id=app.org_id,
                redirect_uri=redirect_uri, scope=scope, code_challenge=challenge,
                code_challenge_method=method, family_id=new_id("fam"),
                expires_at=utcnow() + timedelta(seconds=self.settings.auth_code_ttl),
            )
        )
        await self.session.flush()

    async def code(self, code: str, app_id: str) -> AuthorizationCode | None:
        """Claim a live code for this client, atomically: a second presentation, even a
        concurrent one, is a replay, and the tokens the code produced are revoked."""
        code_hash = digest(code)
        claimed = await self.session.execute(
            update(AuthorizationCode)
            .where(
                AuthorizationCode.code_hash == code_hash,
                AuthorizationCode.app_id == app_id,
                AuthorizationCode.used_at.is_(None),
            )
            .values(used_at=utcnow())
        )
        row = await self.session.get(AuthorizationCode, code_hash, populate_existing=True)
        if row is None or row.app_id != app_id:
            return None
        if claimed.rowcount == 0:  # type: ignore[attr-defined]
            await self.revoke_family(row.family_id, row.org_id, reason="authorization_code_replay")
            return None
        if row.expires_at <= utcnow():
            return None
        return row

    async def save_token(
        self, token: dict[str, object], app: App, account_id: str | None, family_id: str | None,
        grant_type: str,
    ) -> None:
        if account_id is not None and not await self.bound(app.org_id, app.id, account_id):
            raise CrossOrganisationGrant(app.id, account_id)
        now = utcnow()
        refresh = token.get("refresh_token")
        row = Token(
            id=new_id("tok"), org_id=app.org_id, app_id=app.id, account_id=account_id,
            scope=str(token.get("scope", "")), access_token_hash=digest(str(token["access_token"])),
            refresh_token_hash=digest(str(refresh)) if refresh else None,
            family_id=family_id or new_id("fam"), grant_type=grant_type, issued_at=now,
            expires_at=now + timedelta(seconds=int(token["expires_in"])),  # type: ignore[call-overload]
            refresh_expires_at=(
                now + timedelta(seconds=self.settings.refresh_token_ttl) if refresh else None
            ),
        )
        self.session.add(row)
        await record(
            self.session, org_id=app.org_id, action="oauth.token.issued",
            actor_type="account" if account_id else "app", actor_id=account_id or app.id,
            app_id=app.id, ip=self.ip, target_type="token", target_id=row.id,
            details={"grant_type": grant_type, "scope": row.scope},
        )
        await self.session.flush()

    async def token_by_refresh(self, refresh_token: str) -> Token | None:
        """Claim a refresh token for rotation, atomically. One presented again after it was
        rotated is a replay: the whole family (every token of that grant) is revoked."""
        h = digest(refresh_token)
        now = utcnow()
        claimed = await self.session.execute(
            update(Token)
            .where(
                Token.refresh_token_hash == h,
                Token.refresh_used_at.is_(None),
                Token.revoked_at.is_(None),
            )
            .values(refresh_used_at=now, revoked_at=now)
        )
        row = await self.session.scalar(
            select(Token).where(Token.refresh_token_hash == h).execution_options(populate_existing=True)
        )
        if row is None:
            return None
        if claimed.rowcount == 0:  # type: ignore[attr-defined]
            if row.refresh_used_at is not None:
                await self.revoke_family(row.family_id, row.org_id, reason="refresh_token_replay")
            return None
        return row

    async def bound(self, org_id: str, app_id: str, account_id: str | None) -> bool:
        """Whether a grant of `org_id` to `app_id` (for `account_id`) still binds one
        organisation: read again on every use, so a stored grant of the wrong shape, or one
        whose person has since moved, is worth nothing."""
        app_org_id = await self.session.scalar(select(App.org_id).where(App.id == app_id))
        account_org_id = None
        if account_id is not None:
            account_org_id = await self.session.scalar(
                select(Account.org_id).where(Account.id == account_id)
            )
        return binds(grant_org_id=org_id, app_org_id=app_org_id, account_org_id=account_org_id,
                     has_account=account_id is not None)

    async def token_by_any(self, value: str, hint: str | None) -> Token | None:
        h = digest(value)
        cols = [Token.access_token_hash, Token.refresh_token_hash]
        if hint == "refresh_token":
            cols.reverse()
        for col in cols:
            row = await self.session.scalar(select(Token).where(col == h))
            if row is not None:
                return row
        return None

    async def revoke(self, token: Token, family: bool) -> None:
        if family:
            await self.revoke_family(token.family_id, token.org_id, reason="revoked")
        else:
            await self.session.execute(
                update(Token).where(Token.id == token.id, Token.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )

    async def revoke_family(self, family_id: str, org_id: str, *, reason: str) -> None:
        await self.session.execute(
            update(Token)
            .where(Token.family_id == family_id, Token.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        await record(
            self.session, org_id=org_id, action="oauth.token_family.revoked", actor_type="system",
            ip=self.ip, target_type="token_family", target_id=family_id,
            result="success" if reason == "revoked" else "denied", details={"reason": reason},
        )
        await self.session.flush()

    async def org_of(self, app_id: str) -> str | None:
        return await self.session.scalar(select(App.org_id).where(App.id == app_id))


def is_expired(expires_at: datetime) -> bool:
    return expires_at <= utcnow()
