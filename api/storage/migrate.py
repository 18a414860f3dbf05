"""Apply Alembic migrations up to head (called on start and by `mailplane db upgrade`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config

from api.data_dir import private_dir, private_file, sqlite_path

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config(str(MIGRATIONS / "alembic.ini"))
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str) -> None:
    db_file = sqlite_path(url)
    if db_file is not None:
        private_dir(db_file.parent)
    command.upgrade(alembic_config(url), "head")
    if db_file is not None:  # all mail lives in it: the owner's only
        private_file(db_file)


async def upgrade_async(url: str) -> None:
    await asyncio.to_thread(upgrade, url)
