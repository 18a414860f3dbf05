"""`from_env()`: the MAILPLANE_* variables, else the demo credentials `make run` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mailplane_sdk import AsyncMailplane, Mailplane


def test_from_env_reads_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILPLANE_URL", "http://mail.corp.example:8025/")
    monkeypatch.setenv("MAILPLANE_CLIENT_ID", "app_1")
    monkeypatch.setenv("MAILPLANE_CLIENT_SECRET", "s3cret")
    mp = Mailplane.from_env(scopes=["directory:read"], max_retries=1)
    assert isinstance(mp, Mailplane) and mp.base_url == "http://mail.corp.example:8025"
    assert mp.retry_transport.policy.max_retries == 1
    assert mp.auth.client_id == "app_1" and mp.auth.scopes == ["directory:read"]  # type: ignore[attr-defined]


def test_from_env_falls_back_to_the_demo_credentials(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("MAILPLANE_URL", "MAILPLANE_CLIENT_ID", "MAILPLANE_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuntimeError, match="make run"):
        Mailplane.from_env()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "demo-credentials.json").write_text(
        json.dumps({"client_id": "app_demo", "client_secret": "demo-secret"})
    )
    mp = AsyncMailplane.from_env()
    assert isinstance(mp, AsyncMailplane) and mp.base_url == "http://127.0.0.1:8025"
    assert mp.auth.client_secret == "demo-secret"  # type: ignore[attr-defined]
