"""OAuth from the SDK against a live server: authorization code + PKCE driven through the real
sign-in and consent pages, token refresh with rotation (and replay detection), a client acting
for the person that refreshes by itself, the operator-only organisation endpoints, and the
token, revocation, introspection and metadata endpoints."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from mailplane_sdk import Mailplane, errors
from mailplane_sdk.authorization_code import AuthorizationCodeFlow
from mailplane_sdk.pkce import code_challenge
from mailplane_sdk.user_tokens import UserTokens
from sqlalchemy import select

from api.identity.passwords import hash_password
from api.kit.ids import new_id
from api.runtime import Runtime
from api.storage.models import Account, Domain
from tests.factories.platform import ADMIN_PASSWORD
from tests.sdk.browser import consent
from tests.sdk.conftest import Live, recording

CALLBACK = "https://oa.example/cb"


@pytest.fixture(scope="module")
def portal(mp: Mailplane) -> AuthorizationCodeFlow:
    app = mp.apps.create(
        name="OA portal", scopes=["mail:read", "directory:write"], redirect_uris=[CALLBACK]
    )
    return AuthorizationCodeFlow(
        mp.base_url,
        app.client_id,
        app.client_secret,
        redirect_uri=CALLBACK,
        scopes=["mail:read"],
        transport=recording(),
    )


@pytest.fixture(scope="module")
def person(mp: Mailplane, live: Live) -> str:
    return mp.accounts.create(
        address=f"sun.li@{live.domain}",
        display_name="孙丽",
        password=ADMIN_PASSWORD,
        must_change_password=False,
    ).address


def sign_in(flow: AuthorizationCodeFlow, address: str) -> UserTokens:
    started = flow.authorization_url()
    callback = consent(started.url, address, ADMIN_PASSWORD)
    return flow.exchange(flow.code_from_callback(callback, started), started)


def test_authorize_url_carries_s256_challenge_and_state(portal: AuthorizationCodeFlow) -> None:
    started = portal.authorization_url()
    query = {k: v[0] for k, v in parse_qs(urlsplit(started.url).query).items()}
    assert query["code_challenge_method"] == "S256"
    assert query["code_challenge"] == code_challenge(started.code_verifier)
    assert query["state"] == started.state and len(started.state) >= 24
    assert query["scope"] == "mail:read" and query["redirect_uri"] == CALLBACK
    assert portal.authorization_url().state != started.state


def test_pkce_flow_then_a_client_for_the_person(portal: AuthorizationCodeFlow, person: str) -> None:
    tokens = sign_in(portal, person)
    assert tokens.refresh_token and tokens.scope == ("mail:read",)
    saved: list[UserTokens] = []
    with portal.client(tokens, on_tokens=saved.append) as mp:
        me = mp.me()
        assert me.address == person and me.kind.value == "app_user"
        assert mp.mail.counts("me").unread_count == 0
        # the access token expires: the client refreshes first and reports the new pair
        mp.auth.tokens = dataclasses.replace(mp.auth.tokens, expires_at=time.time() - 1)  # type: ignore[attr-defined]
        assert mp.me().address == person
        assert len(saved) == 1 and saved[0].refresh_token != tokens.refresh_token
        # the server refuses the access token before its time: a 401, a refresh, the call succeeds
        mp.auth.tokens = dataclasses.replace(mp.auth.tokens, access_token="not-a-token")  # type: ignore[attr-defined]
        assert mp.me().address == person
        assert len(saved) == 2


def test_refresh_rotates_and_a_replayed_token_revokes_the_grant(
    portal: AuthorizationCodeFlow, person: str
) -> None:
    first = sign_in(portal, person)
    second = portal.refresh(first)
    assert second.refresh_token != first.refresh_token and second.access_token != first.access_token
    with pytest.raises(errors.InvalidGrant) as replay:
        portal.refresh(first)
    assert replay.value.status == 400 and replay.value.code == "invalid_grant"
    with pytest.raises(errors.InvalidGrant):
        portal.refresh(second)  # the whole family is gone


def test_callback_is_checked(portal: AuthorizationCodeFlow, person: str) -> None:
    started = portal.authorization_url()
    callback = consent(started.url, person, ADMIN_PASSWORD)
    with pytest.raises(errors.OAuthError, match="state"):
        portal.code_from_callback(callback.replace(started.state, "forged"), started)
    with pytest.raises(errors.OAuthError, match="came from"):
        portal.code_from_callback(
            callback.replace("iss=", "iss=https%3A%2F%2Fevil.example&x="), started
        )
    denied = consent(
        portal.authorization_url(state="s1").url, person, ADMIN_PASSWORD, decision="deny"
    )
    with pytest.raises(errors.OAuthError) as info:
        portal.code_from_callback(denied, dataclasses.replace(started, state="s1"))
    assert info.value.code == "access_denied"
    # a code is bound to its verifier
    code = portal.code_from_callback(callback, started)
    with pytest.raises(errors.InvalidGrant):
        portal.exchange(code, dataclasses.replace(started, code_verifier="x" * 64))


def test_a_person_changes_their_own_profile_through_the_sdk(mp: Mailplane, person: str) -> None:
    app = mp.apps.create(
        name="Profile app", scopes=["profile:write", "directory:read"], redirect_uris=[CALLBACK]
    )
    flow = AuthorizationCodeFlow(
        mp.base_url, app.client_id, app.client_secret, redirect_uri=CALLBACK,
        scopes=["profile:write", "directory:read"], transport=recording(),
    )
    with flow.client(sign_in(flow, person)) as me_client:
        me_client.accounts.get("me")
        etag = me_client.last_response.headers["etag"]  # type: ignore[union-attr]
        me = me_client.update_me(display_name="孙丽 Sun Li", time_zone="Asia/Shanghai",
                                 locale="zh-CN", if_match=etag)
        assert (me.display_name, me.time_zone, me.locale) == (
            "孙丽 Sun Li", "Asia/Shanghai", "zh-CN"
        )
        with pytest.raises(errors.PreconditionFailed):
            me_client.update_me(display_name="stale", if_match=etag)
        with pytest.raises(errors.ValidationFailed) as bad:
            me_client.update_me(time_zone="Atlantis/Capital")
        assert bad.value.param == "time_zone"
    with pytest.raises(errors.Forbidden):
        mp.update_me(display_name="an app has no profile")


async def test_async_pkce_client(portal: AuthorizationCodeFlow, person: str) -> None:
    tokens = await asyncio.to_thread(sign_in, portal, person)
    refreshed = await portal.refresh_async(tokens)
    async with portal.async_client(refreshed) as amp:
        assert (await amp.me()).address == person


async def _add_operator(live: Live) -> str:
    """An account with the platform operator role (no API grants that role)."""
    runtime = Runtime.build(live.settings)
    try:
        async with runtime.db.session() as session:
            domain_id = await session.scalar(select(Domain.id).where(Domain.name == live.domain))
            account = Account(
                id=new_id("acc"),
                org_id=live.org_id,
                domain_id=domain_id,
                address=f"operator@{live.domain}",
                display_name="Operator",
                password_hash=hash_password(ADMIN_PASSWORD),
                role="operator",
                must_change_password=False,
                status="active",
            )
            session.add(account)
        return account.address
    finally:
        await runtime.db.dispose()


def test_operator_lists_and_provisions_organizations(mp: Mailplane, live: Live) -> None:
    operator = asyncio.run(_add_operator(live))
    app = mp.apps.create(name="Ops console", scopes=["directory:write"], redirect_uris=[CALLBACK])
    flow = AuthorizationCodeFlow(
        live.url,
        app.client_id,
        app.client_secret,
        redirect_uri=CALLBACK,
        scopes=["directory:write"],
        transport=recording(),
    )
    with flow.client(sign_in(flow, operator)) as ops:
        made = ops.organizations.create(name="Initech", domain="initech.test", admin="boss")
        assert (
            made.name == "Initech"
            and made.admin_address == "boss@initech.test"
            and made.client_secret
        )
        assert "Initech" in [o.name for o in ops.organizations.list()]
    with pytest.raises(errors.Forbidden):
        list(mp.organizations.list())


def test_token_introspection_revocation_metadata(mp: Mailplane, live: Live) -> None:
    meta = mp.oauth.metadata()
    assert meta["issuer"] == live.url and "S256" in meta["code_challenge_methods_supported"]
    issued = mp.oauth.token(grant_type="client_credentials", scope="directory:read")
    assert issued.scope == "directory:read"
    assert mp.oauth.introspect(issued.access_token).active is True
    mp.oauth.revoke(issued.access_token)
    assert mp.oauth.introspect(issued.access_token).active is False
    with pytest.raises(errors.InvalidClient):
        Mailplane(live.url, live.client_id, "wrong").oauth.token(grant_type="client_credentials")


def test_person_changes_their_own_password(
    mp: Mailplane, portal: AuthorizationCodeFlow, live: Live
) -> None:
    address = mp.accounts.create(
        address=f"zhou@{live.domain}",
        display_name="周",
        password=ADMIN_PASSWORD,
        must_change_password=False,
    ).address
    with portal.client(sign_in(portal, address)) as own:
        own.accounts.change_password(
            "me", current_password=ADMIN_PASSWORD, new_password="a-brand-new-pass-9"
        )
        with pytest.raises(errors.MailplaneError) as info:
            own.accounts.change_password(
                "me", current_password=ADMIN_PASSWORD, new_password="another-pass-99"
            )
        assert 400 <= info.value.status < 500
    locks = [lock for lock in mp.accounts.sign_in_locks.list() if lock.address == address]
    assert len(locks) == 1 and locks[0].failures == 1 and not locks[0].locked
    mp.accounts.sign_in_locks.clear(locks[0].id)
    assert all(lock.address != address for lock in mp.accounts.sign_in_locks.list())
    with pytest.raises(errors.Forbidden):
        mp.accounts.change_password(
            address, current_password="a-brand-new-pass-9", new_password="x-long-pass-77"
        )
