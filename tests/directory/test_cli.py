"""`mailplane accounts import|export` against a data directory of its own."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from api.cli import cli
from api.config import get_settings


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MAILPLANE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MAILPLANE_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_import_dry_run_then_import_then_export(data_dir):
    runner = CliRunner()
    assert (
        runner.invoke(
            cli, ["init", "--org", "Acme", "--domain", "acme.test", "--admin", "admin"]
        ).exit_code
        == 0
    )
    people = data_dir / "people.csv"
    people.write_text("邮箱,姓名,部门\nwang@acme.test,王芳,销售/华东\nbad,X,\n", encoding="gb18030")
    dry = runner.invoke(cli, ["accounts", "import", str(people), "--dry-run"])
    assert dry.exit_code == 2, dry.output  # one row has an error
    assert "Dry run: created 1" in dry.output and "not valid" in dry.output
    real = runner.invoke(cli, ["accounts", "import", str(people), "--org", "acme.test"])
    assert "created 1" in real.output
    again = runner.invoke(cli, ["accounts", "import", str(people)])
    assert "unchanged 1" in again.output
    out = data_dir / "out.csv"
    exported = runner.invoke(cli, ["accounts", "export", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    text = out.read_text(encoding="utf-8-sig")
    assert "wang@acme.test,王芳,,,,销售/华东" in text
    missing = runner.invoke(cli, ["accounts", "import", str(data_dir / "nope.csv")])
    assert missing.exit_code != 0
