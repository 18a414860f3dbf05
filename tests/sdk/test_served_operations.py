"""After the other SDK tests (this module runs last): the live servers answered every OpenAPI
operation with a success at least once, through the SDK."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sdk.operations import ServedOperations, spec_operations

HERE = Path(__file__).resolve().parent


def test_every_operation_was_served_through_the_sdk(
    request: pytest.FixtureRequest, served: ServedOperations
) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.skip(
            "under xdist the SDK tests are spread over workers; run tests/sdk in one process"
        )
    ran = {Path(str(item.fspath)).name for item in request.session.items}
    modules = {p.name for p in HERE.glob("test_*.py")}
    if not modules <= ran:
        pytest.skip("needs the whole tests/sdk folder in this run")
    failed = request.session.testsfailed
    if failed:
        pytest.skip(f"{failed} other test(s) failed; their operations may not have run")
    total = len(spec_operations())
    assert served.missing() == [], (
        f"{total - len(served.missing())}/{total} served; missing {served.missing()}"
    )
