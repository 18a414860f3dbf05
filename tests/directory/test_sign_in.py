"""Sign-in security: argon2id, rehash of weaker hashes, throttling per address and per IP."""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from sqlalchemy import update

from api.directory.accounts import throttle
from api.directory.accounts.credentials import authenticate, sign_in
from api.identity.passwords import HASHER
from api.kit.clock import utcnow
from api.storage.models import Account, LoginThrottle
from tests.factories.directory import STRONG_PASSWORD, create_account
from tests.factories.platform import sign_in as page_sign_in


async def test_repeated_failures_lock_the_address_even_with_the_right_password(client, org):
    await create_account(org, "alice")
    for _ in range(throttle.ADDRESS_RULE.free_failures):
        assert (await page_sign_in(client, "alice@acme.test", "nope-nope-nope")).status_code == 401
    locked = await page_sign_in(client, "alice@acme.test", STRONG_PASSWORD)
    assert locked.status_code == 401  # locked out: even the right password waits


async def test_unknown_addresses_lock_like_real_ones(runtime, org):
    async with runtime.db.session() as s:
        for _ in range(throttle.ADDRESS_RULE.free_failures):
            assert (await sign_in(s, "ghost@acme.test", "x")).reason == "invalid"
        assert (await sign_in(s, "ghost@acme.test", "x")).reason == "locked"


async def test_lockout_is_capped_and_expires(runtime, org):
    assert throttle.lockout_seconds(throttle.ADDRESS_RULE, 4) == 0
    assert throttle.lockout_seconds(throttle.ADDRESS_RULE, 5) == 30
    assert throttle.lockout_seconds(throttle.ADDRESS_RULE, 6) == 60
    assert throttle.lockout_seconds(throttle.ADDRESS_RULE, 500) == 15 * 60
    await create_account(org, "alice")
    async with runtime.db.session() as s:
        for _ in range(6):
            await sign_in(s, "alice@acme.test", "wrong")
        result = await sign_in(s, "alice@acme.test", STRONG_PASSWORD)
        assert result.reason == "locked"
        assert result.retry_after is not None
        assert result.retry_after - utcnow() <= timedelta(minutes=15)
        await s.execute(update(LoginThrottle).values(locked_until=utcnow() - timedelta(seconds=1)))
        assert (await sign_in(s, "alice@acme.test", STRONG_PASSWORD)).reason == "ok"
        # success forgets the address's failures
        await s.flush()
        assert await s.get(LoginThrottle, throttle.address_key("alice@acme.test")) is None


async def test_one_ip_guessing_many_addresses_is_locked_out(runtime, org, monkeypatch):
    monkeypatch.setattr(throttle, "IP_RULE", throttle.Rule(8, 30, 900, timedelta(hours=1)))
    await create_account(org, "alice")
    async with runtime.db.session() as s:
        for i in range(throttle.IP_RULE.free_failures):
            await sign_in(s, f"user{i}@acme.test", "guess", ip="198.51.100.9")
        assert (
            await sign_in(s, "alice@acme.test", STRONG_PASSWORD, ip="198.51.100.9")
        ).reason == "locked"
        assert (
            await sign_in(s, "alice@acme.test", STRONG_PASSWORD, ip="198.51.100.10")
        ).reason == "ok"


async def test_weaker_hash_is_upgraded_at_next_sign_in(runtime, org):
    await create_account(org, "alice")
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(STRONG_PASSWORD)
    async with runtime.db.session() as s:
        await s.execute(
            update(Account).where(Account.address == "alice@acme.test").values(password_hash=weak)
        )
    async with runtime.db.session() as s:
        account = await authenticate(s, "alice@acme.test", STRONG_PASSWORD)
        assert account is not None
        assert account.password_hash != weak
        params = HASHER.check_needs_rehash(account.password_hash)
        assert params is False
        assert "$argon2id$" in account.password_hash and "m=19456,t=2,p=1" in account.password_hash


async def test_frozen_and_deleted_accounts_never_authenticate(runtime, org, client):
    alice = await create_account(org, "alice")
    await client.post(f"/v1/accounts/{alice['id']}/freeze", headers=await org.headers())
    async with runtime.db.session() as s:
        result = await sign_in(s, "alice@acme.test", STRONG_PASSWORD)
        assert result.account is None and result.reason == "inactive"
