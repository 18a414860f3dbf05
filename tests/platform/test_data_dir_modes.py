"""The data directory (all mail, blobs, the key sealing stored secrets) is the owner's alone:
0700 directories and 0600 files, created so and tightened when found looser."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from api.config import Settings
from api.runtime import Runtime
from api.storage.migrate import upgrade_async


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def _one(chunk: bytes):  # type: ignore[no-untyped-def]
    yield chunk


async def test_a_fresh_data_dir_is_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a usual umask: what was created 0644/0755 before
    try:
        settings = Settings(data_dir=tmp_path / "data", secret_key=None, log_json=True)
        await upgrade_async(settings.effective_database_url)
        runtime = Runtime.build(settings)
        settings.signing_key()
        ref = await runtime.blobs.backend.write(_one(b"mail body"))
        await runtime.db.dispose()
    finally:
        os.umask(old)
    data = tmp_path / "data"
    assert _mode(data) == 0o700
    assert _mode(data / "mailplane.db") == 0o600
    assert _mode(data / "secret.key") == 0o600
    blob = runtime.blobs.backend.path(ref.sha256)
    assert _mode(blob) == 0o600
    for parent in (blob.parent, blob.parent.parent, settings.blob_dir):
        assert _mode(parent) == 0o700, parent


async def test_an_existing_loose_data_dir_is_tightened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    (data / "secret.key").write_text("k" * 40)
    os.chmod(data / "secret.key", 0o644)
    settings = Settings(data_dir=data, secret_key=None, log_json=True)
    await upgrade_async(settings.effective_database_url)
    os.chmod(data / "mailplane.db", 0o644)
    runtime = Runtime.build(settings)
    await runtime.db.dispose()
    assert _mode(data) == 0o700
    assert _mode(data / "mailplane.db") == 0o600 and _mode(data / "secret.key") == 0o600
