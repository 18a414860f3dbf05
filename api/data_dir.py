"""The data directory holds all mail (`mailplane.db`), the blobs and the key that seals stored
secrets: it is the owner's alone. Directories are created 0700 and files 0600, and an
existing directory or file with looser modes is tightened at start."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
# The SQLite database with its journals (SQLite gives journals its database's mode) and the key.
PRIVATE_FILES = ("mailplane.db", "mailplane.db-wal", "mailplane.db-shm", "secret.key")


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) 0700; tighten it when it exists with wider modes."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):
            directory.mkdir(mode=DIR_MODE)
    _tighten(path, DIR_MODE)
    return path


def private_file(path: Path) -> None:
    if path.exists():
        _tighten(path, FILE_MODE)


def secure(data_dir: Path) -> None:
    """The data directory 0700 and the files Mailplane keeps in it 0600."""
    private_dir(data_dir)
    for name in PRIVATE_FILES:
        private_file(data_dir / name)


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite") or "///" not in url or ":memory:" in url:
        return None
    return Path(url.split("///", 1)[1].split("?", 1)[0])


def _tighten(path: Path, mode: int) -> None:
    # Not ours (a mount point, a shared folder owned by someone else): leave it as it is.
    with contextlib.suppress(PermissionError):
        if path.stat().st_mode & 0o777 & ~mode:
            os.chmod(path, mode)
