"""Shared fixtures for mail tests: an account with a mailbox and a full-scope token."""

from __future__ import annotations

import pytest

from tests.factories.platform import OrgHandle


@pytest.fixture
async def alice(org: OrgHandle):  # type: ignore[no-untyped-def]
    return await org.add_account("alice")


@pytest.fixture
async def bob(org: OrgHandle):  # type: ignore[no-untyped-def]
    return await org.add_account("bob")


@pytest.fixture
async def headers(org: OrgHandle) -> dict[str, str]:
    return await org.headers()
