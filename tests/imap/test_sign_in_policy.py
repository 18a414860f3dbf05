"""The organisation's rule on the account password in mail clients, from the attacker's
side (a stolen account password opens nothing over IMAP or POP3 when the policy says app
passwords only, and is not even confirmed), set over REST and GraphQL; and the
per-account connection bound shared by two real `mailplane serve --role imap` processes."""

from __future__ import annotations

import asyncio
import imaplib
import poplib
import signal
import subprocess
from pathlib import Path

import httpx
from sqlalchemy import select

from api.config import Settings
from api.imap import ImapServer
from api.pop3 import Pop3Server
from api.runtime import Runtime
from api.storage.models import AuditEntry
from tests.directory.domains.dns_server import free_port
from tests.factories.app_passwords import create_app_password
from tests.factories.platform import ADMIN_PASSWORD, OrgHandle
from tests.imap.conftest import on_thread, tls_context
from tests.smtp.test_crash import _env, _start, _wait_port

ALICE = "alice@acme.test"
POLICY = "/v1/directory/password-policy"


def _imap_login(server: ImapServer, user: str, password: str) -> str:
    client = imaplib.IMAP4_SSL("127.0.0.1", server.ports["imaps"],
                               ssl_context=tls_context(server.settings), timeout=20)
    try:
        client.login(user, password)
        client.logout()
        return "OK"
    except imaplib.IMAP4.error as error:
        return str(error)


def _imap_plain(server: ImapServer, user: str, password: str) -> str:
    client = imaplib.IMAP4_SSL("127.0.0.1", server.ports["imaps"],
                               ssl_context=tls_context(server.settings), timeout=20)
    try:
        client.authenticate("PLAIN", lambda _: f"\0{user}\0{password}".encode())
        client.logout()
        return "OK"
    except imaplib.IMAP4.error as error:
        return str(error)


def _pop_login(server: Pop3Server, user: str, password: str) -> str:
    client = poplib.POP3_SSL("127.0.0.1", server.ports["pop3s"],
                             context=tls_context(server.settings), timeout=20)
    try:
        client.user(user)
        client.pass_(password)
        client.quit()
        return "OK"
    except poplib.error_proto as error:
        return str(error)


async def test_app_passwords_only_policy_refuses_a_stolen_account_password(
    imap: ImapServer, runtime: Runtime, org: OrgHandle, other_org: OrgHandle,
    client: httpx.AsyncClient,
) -> None:
    await org.add_account("alice")
    await other_org.add_account("bob")
    app_password = str((await create_app_password(org, ALICE, "Thunderbird"))["password"])
    pop3 = Pop3Server(runtime)
    await pop3.start()
    try:
        # allowed by default: both credentials open the mailbox
        assert (await client.get(POLICY, headers=await org.headers())).json()[
            "mail_clients_allow_password"] is True
        assert await on_thread(_imap_login, imap, ALICE, ADMIN_PASSWORD) == "OK"

        resp = await client.patch(POLICY, json={"mail_clients_allow_password": False},
                                  headers=await org.headers())
        assert resp.status_code == 200 and resp.json()["mail_clients_allow_password"] is False

        # the attacker holds the right account password: refused everywhere, and answered
        # exactly as a wrong password is, so the password is not confirmed
        stolen = await on_thread(_imap_login, imap, ALICE, ADMIN_PASSWORD)
        wrong = await on_thread(_imap_login, imap, ALICE, "not-the-password")
        assert "AUTHENTICATIONFAILED" in stolen and stolen == wrong
        assert "AUTHENTICATIONFAILED" in await on_thread(_imap_plain, imap, ALICE,
                                                         ADMIN_PASSWORD)
        pop_stolen = await on_thread(_pop_login, pop3, ALICE, ADMIN_PASSWORD)
        pop_wrong = await on_thread(_pop_login, pop3, ALICE, "not-the-password")
        assert "[AUTH]" in pop_stolen and pop_stolen == pop_wrong

        # the person's app password still works through both doors
        assert await on_thread(_imap_login, imap, ALICE, app_password) == "OK"
        assert await on_thread(_pop_login, pop3, ALICE, app_password) == "OK"
        # another organisation's policy is its own
        assert await on_thread(_imap_login, imap, "bob@globex.test", ADMIN_PASSWORD) == "OK"

        async with runtime.db.session(write=False) as session:
            failures = (await session.execute(select(AuditEntry).where(
                AuditEntry.action == "mail.client.sign_in_failed"))).scalars().all()
        reasons = sorted((e.details["protocol"], e.details["reason"]) for e in failures)
        assert ("imap", "password_not_allowed") in reasons
        assert ("pop3", "password_not_allowed") in reasons
        assert ("imap", "invalid") in reasons
    finally:
        await pop3.stop()


async def test_policy_setting_over_graphql_and_its_errors(
    org: OrgHandle, other_org: OrgHandle, client: httpx.AsyncClient
) -> None:
    await org.add_account("member")
    mutation = """mutation($input: PasswordPolicyInput!) {
        updatePasswordPolicy(input: $input) { mailClientsAllowPassword minLength } }"""
    resp = await client.post("/graphql", json={
        "query": mutation, "variables": {"input": {"mailClientsAllowPassword": False}}},
        headers=await org.headers())
    assert resp.json()["data"]["updatePasswordPolicy"] == {
        "mailClientsAllowPassword": False, "minLength": 10}
    query = "{ passwordPolicy { mailClientsAllowPassword } }"
    resp = await client.post("/graphql", json={"query": query}, headers=await org.headers())
    assert resp.json()["data"]["passwordPolicy"]["mailClientsAllowPassword"] is False
    # the other organisation is untouched
    other = await client.get(POLICY, headers=await other_org.headers())
    assert other.json()["mail_clients_allow_password"] is True
    # bad input
    for value in (None, "maybe", [True], {"on": 1}):
        bad = await client.patch(POLICY, json={"mail_clients_allow_password": value},
                                 headers=await org.headers())
        assert bad.status_code == 422, value
    # a token without the directory admin scope cannot change it
    weak = await client.patch(POLICY, json={"mail_clients_allow_password": True},
                              headers=await org.headers("directory:read"))
    assert weak.status_code == 403
    assert (await client.get(POLICY, headers=await org.headers())).json()[
        "mail_clients_allow_password"] is False


def _hold(port: int, settings: Settings, user: str) -> imaplib.IMAP4 | str:
    client = imaplib.IMAP4("127.0.0.1", port, timeout=20)
    client.starttls(tls_context(settings))
    try:
        client.login(user, ADMIN_PASSWORD)
    except imaplib.IMAP4.error as error:
        return str(error)
    return client


async def test_connections_per_account_are_bounded_across_two_processes(
    settings: Settings, org: OrgHandle, tmp_path: Path
) -> None:
    await org.add_account("alice")
    await org.add_account("carol")
    ports = [free_port(), free_port()]
    procs = []
    log = tmp_path / "imap.log"
    try:
        for port in ports:
            env = _env(settings, imap_port=port, imaps_port=-1, pop3_port=-1, pop3s_port=-1,
                       smtp_port=-1, mail_host="mail.acme.test",
                       imap_max_connections_per_account=3, imap_connection_lease=3)
            procs.append(_start("imap", env, log))
        for port, proc in zip(ports, procs, strict=True):
            await _wait_port(port, proc, timeout=180)
        a, b = ports
        held = [await on_thread(_hold, a, settings, ALICE) for _ in range(2)]
        held.append(await on_thread(_hold, b, settings, ALICE))
        assert all(isinstance(c, imaplib.IMAP4) for c in held), held
        # the fourth, on either process, is over the account's bound
        assert "[LIMIT]" in str(await on_thread(_hold, a, settings, ALICE))
        assert "[LIMIT]" in str(await on_thread(_hold, b, settings, ALICE))
        # another account is not affected
        carol = await on_thread(_hold, b, settings, "carol@acme.test")
        assert isinstance(carol, imaplib.IMAP4)
        # a logout on process A frees a place used by process B
        first = held.pop(0)
        assert isinstance(first, imaplib.IMAP4)
        await on_thread(first.logout)
        again = await on_thread(_hold, b, settings, ALICE)
        assert isinstance(again, imaplib.IMAP4)
        held.append(again)
        # SIGKILL process A: its claims lapse with their lease (3 s), not forever
        procs[0].send_signal(signal.SIGKILL)
        procs[0].wait(10)
        assert "[LIMIT]" in str(await on_thread(_hold, b, settings, ALICE))
        await asyncio.sleep(4.5)
        late = await on_thread(_hold, b, settings, ALICE)
        assert isinstance(late, imaplib.IMAP4), (late, log.read_text()[-2000:])
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
