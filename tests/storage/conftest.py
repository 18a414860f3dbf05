"""Fixtures for the blob backends: an S3-compatible server shared by the module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.storage.s3_server import s3_server


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with s3_server() as endpoint:
        yield endpoint
