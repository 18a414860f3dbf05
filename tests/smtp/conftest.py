"""SMTP fixtures: the edge (MX, submission, submissions) on free loopback ports in the test's
event loop, the Knot DNS server from the domain tests, accounts with passwords, swaks."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from api.config import Settings
from api.directory.domains import ensure_signing_key
from api.mail.inbound import SmtpEdge
from api.runtime import Runtime
from api.storage.models import DkimKey
from tests.directory.domains.conftest import dns_server_process  # noqa: F401  (fixture)
from tests.directory.domains.dns_server import AuthoritativeDns
from tests.factories.platform import OrgHandle
from tests.smtp.tools import ensure_binary, txt

HOSTNAME = "mx.acme.test"


@pytest.fixture(scope="session")
def swaks_binary() -> str:
    found = ensure_binary("swaks", ["swaks"])
    if found is None:
        pytest.skip("needs swaks (Debian package `swaks`), which cannot be installed here")
    return found


@pytest.fixture
def dns(dns_server_process: AuthoritativeDns) -> AuthoritativeDns:  # noqa: F811
    dns_server_process.publish({"mailplane.test": ["mail A 127.0.0.1"]})
    return dns_server_process


@pytest.fixture
def settings(settings: Settings, dns: AuthoritativeDns) -> Settings:
    return settings.model_copy(update={
        "dns_resolver": dns.address, "mail_host": HOSTNAME, "smtp_hostname": HOSTNAME,
        "smtp_port": 0, "submission_port": 0, "submissions_port": 0,
        "smtp_max_message_bytes": 200_000, "smtp_command_timeout": 30.0,
        "outbound_retry_base": 1.0, "outbound_retry_max": 2.0,
    })


@pytest.fixture
async def edge(runtime: Runtime) -> AsyncIterator[SmtpEdge]:
    server = SmtpEdge(runtime)
    await server.start()
    yield server
    await server.stop()


async def signing_record(runtime: Runtime, org: OrgHandle) -> str:
    """Give the organisation's domain its DKIM key; return the zone line publishing it."""
    async with runtime.db.session() as session:
        await ensure_signing_key(session, org.id, org.made.domain.id)
    async with runtime.db.session(write=False) as session:
        key = await session.scalar(select(DkimKey).where(DkimKey.domain_id == org.made.domain.id,
                                                         DkimKey.status == "active"))
    assert key is not None
    return txt(f"{key.selector}._domainkey.{org.domain}", f"v=DKIM1; k=rsa; p={key.public_key_b64}")


async def mailbox(runtime: Runtime, account_id: str) -> list[tuple[str, bytes]]:
    """(folder role, raw bytes) of every message in the account's mailbox, oldest first."""
    from api.storage.models import MailFolder, MailMessage

    async with runtime.db.session(write=False) as session:
        rows = (await session.execute(
            select(MailFolder.role, MailMessage.blob_sha256)
            .join(MailFolder, MailFolder.id == MailMessage.folder_id)
            .where(MailMessage.account_id == account_id)
            .order_by(MailMessage.seq)
        )).all()
    return [(role or "", await runtime.blobs.read_all(sha)) for role, sha in rows]
