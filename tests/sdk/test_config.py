"""`from_env()`: the MAILPLANE_* variables, else the demo credentials `make run` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mailplane_sdk import AsyncMailplane, Mailplane

VARIABLES = (
    "MAILPLANE_URL", "MAILPLANE_CLIENT_ID", "MAILPLANE_CLIENT_SECRET", "MAILPLANE_DATA_DIR",
    "MAILPLANE_CREDENTIALS_FILE",
)


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
    for name in VARIABLES:
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


def test_from_env_reads_the_servers_data_dir_wherever_it_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """MAILPLANE_DATA_DIR (the folder `mailplane init` wrote to) wins over ./data, so a script
    run from another folder finds the demo credentials."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    server_data = tmp_path / "srv"
    server_data.mkdir()
    (server_data / "demo-credentials.json").write_text(
        json.dumps({"client_id": "app_srv", "client_secret": "srv-secret"})
    )
    elsewhere = tmp_path / "scripts"
    (elsewhere / "data").mkdir(parents=True)
    (elsewhere / "data" / "demo-credentials.json").write_text(
        json.dumps({"client_id": "app_local", "client_secret": "local-secret"})
    )
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("MAILPLANE_DATA_DIR", str(server_data))
    assert Mailplane.from_env().auth.client_id == "app_srv"  # type: ignore[attr-defined]
    local_file = elsewhere / "data" / "demo-credentials.json"
    monkeypatch.setenv("MAILPLANE_CREDENTIALS_FILE", str(local_file))
    assert Mailplane.from_env().auth.client_id == "app_local"  # type: ignore[attr-defined]
    monkeypatch.delenv("MAILPLANE_CREDENTIALS_FILE")
    monkeypatch.setenv("MAILPLANE_DATA_DIR", str(tmp_path / "missing"))
    with pytest.raises(RuntimeError, match="MAILPLANE_DATA_DIR"):
        Mailplane.from_env()
