"""The `mailplane` command: init, apps, openapi export, db upgrade."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from api.cli import cli
from api.config import get_settings


@pytest.fixture
def cli_env(settings, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAILPLANE_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MAILPLANE_DATA_DIR", str(settings.data_dir))
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


def run(*args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def test_init_prints_one_time_password_and_app_credentials(cli_env):
    result = run("init", "--org", "Initech", "--domain", "initech.test", "--admin", "boss")
    assert result.exit_code == 0, result.output
    assert "boss@initech.test" in result.output and "client_secret" in result.output
    creds = json.loads((cli_env.data_dir / "demo-credentials.json").read_text())
    assert creds["client_secret"].startswith("mpcs_") and creds["admin_password"]
    again = run("init", "--org", "Initech", "--domain", "initech.test", "--admin", "boss")
    assert again.exit_code == 1 and "already hosted" in again.output
    idem = run("init", "--org", "Initech", "--domain", "initech.test", "--admin", "boss", "--if-missing")
    assert idem.exit_code == 0 and "nothing to do" in idem.output


def test_apps_create_list_and_rotate_secret(cli_env):
    run("init", "--org", "Initech", "--domain", "initech.test", "--admin", "boss")
    created = run("apps", "create", "--org", "initech.test", "--name", "HR sync", "--scopes", "directory:read directory:write")
    assert created.exit_code == 0, created.output
    client_id = created.output.split("client_id:")[1].split()[0]
    listed = run("apps", "list", "--org", "initech.test")
    assert "HR sync" in listed.output
    rotated = run("apps", "rotate-secret", client_id, "--grace-seconds", "60")
    assert rotated.exit_code == 0 and "mpcs_" in rotated.output
    bad = run("apps", "create", "--org", "initech.test", "--name", "x", "--scopes", "root:all")
    assert bad.exit_code == 1 and "Unknown scope" in bad.output
    missing = run("apps", "list", "--org", "nowhere.test")
    assert missing.exit_code != 0


def test_openapi_export_and_db_upgrade(cli_env, tmp_path):
    out, sdl = tmp_path / "openapi.json", tmp_path / "schema.graphql"
    result = run("openapi", "export", "--out", str(out), "--sdl", str(sdl))
    assert result.exit_code == 0
    assert json.loads(out.read_text())["info"]["title"] == "Mailplane API"
    assert "type Query" in sdl.read_text()
    assert run("db", "upgrade").exit_code == 0


def test_serve_rejects_unknown_role(cli_env):
    result = CliRunner().invoke(cli, ["serve", "--role", "everything"])
    assert result.exit_code != 0
