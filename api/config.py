"""Settings read from MAILPLANE_* environment variables (pydantic-settings)."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAILPLANE_", extra="ignore")

    data_dir: Path = Path("./data")
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8025
    public_url: str | None = None
    secret_key: str | None = None

    access_token_ttl: int = 7200
    refresh_token_ttl: int = 30 * 24 * 3600
    auth_code_ttl: int = 300
    secret_rotation_grace: int = 24 * 3600
    token_cache_seconds: float = 1.0

    max_body_bytes: int = 1024 * 1024
    rate_limit_app_per_minute: int = 6000
    rate_limit_org_per_minute: int = 20000
    rate_limit_backend: str = "auto"  # auto | memory | database

    graphql_introspection: bool = True
    graphql_max_depth: int = 10
    graphql_max_tokens: int = 2000
    graphql_max_aliases: int = 30

    idempotency_ttl: int = 24 * 3600
    # events and webhooks (api/events, api/platform/webhooks)
    event_retention_days: int = 30
    event_stream_heartbeat: float = 15.0
    event_poll_interval: float = 0.5
    webhooks_allow_private: bool = False
    webhooks_timeout: float = 15.0
    webhooks_lease_seconds: float = 60.0
    webhooks_concurrency: int = 64
    webhooks_batch_size: int = 200
    # directory: bulk import limits, days a deleted account can be restored
    directory_import_max_bytes: int = 20 * 1024 * 1024
    directory_import_max_rows: int = 50_000
    account_restore_days: int = 30
    # DNS for domain verification: "host:port" of the resolver to ask (None = the system's),
    # the public name of this installation's mail servers (MX and CNAME target), and the
    # sending addresses SPF must authorise (empty = the A/AAAA of mail_host).
    dns_resolver: str | None = None
    mail_host: str = "mail.mailplane.test"
    outbound_ips: list[str] = []
    dns_check_interval: int = 6 * 3600
    # mail (api/mail): message and recipient limits, huge attachments, upload sessions
    mail_max_message_bytes: int = 50 * 1024 * 1024
    mail_max_recipients: int = 500
    mail_link_threshold_bytes: int = 25 * 1024 * 1024
    mail_link_ttl: int = 30 * 24 * 3600
    mail_max_upload_bytes: int = 20 * 1024 * 1024 * 1024
    mail_upload_ttl: int = 24 * 3600
    mail_changes_retention_days: int = 30
    log_json: bool = True
    access_log: bool = True

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite+aiosqlite:///{(self.data_dir / 'mailplane.db').resolve()}"

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite")

    @property
    def issuer(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    def signing_key(self) -> str:
        """The server secret: configured, or generated once and kept in the data dir."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret.key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(secrets.token_urlsafe(48))
            tmp.chmod(0o600)
            tmp.replace(path)
        self.secret_key = path.read_text().strip()
        return self.secret_key


def normalise_database_url(url: str) -> str:
    """Accept plain postgresql:// and sqlite:// URLs and pick the async drivers."""
    if url.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite://"):
        return "sqlite+aiosqlite://" + url.split("://", 1)[1]
    return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
