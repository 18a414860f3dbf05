"""Settings read from MAILPLANE_* environment variables (pydantic-settings)."""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from api.data_dir import FILE_MODE, private_dir


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
    idempotency_lease: float = 10.0  # seconds a running key outlives its holder at most
    # events and webhooks (api/events, api/platform/webhooks)
    event_retention_days: int = 30
    event_stream_heartbeat: float = 15.0
    event_poll_interval: float = 0.5
    webhooks_allow_private: bool = False
    # the webmail's same-origin proxy for remote images (api/platform/web/image_proxy.py)
    mail_image_proxy_allow_private: bool = False
    mail_image_proxy_max_bytes: int = 10 * 1024 * 1024
    mail_image_proxy_timeout: float = 10.0
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
    # seconds a chunk in flight holds its range; renewed while it streams, so a range whose
    # process died is free again this long after (the client resumes on another process)
    mail_upload_chunk_lease: float = 60.0
    mail_changes_retention_days: int = 30
    # spam filtering (api/mail/spam): a score at or above junk_threshold files the message
    # as junk, at or above reject_threshold SMTP refuses it; clamd = "unix:/path" or
    # "tcp:host:port" of a clamd daemon (unset = no virus scan)
    spam_junk_threshold: float = 5.0
    spam_reject_threshold: float = 15.0
    clamd: str | None = None
    clamd_timeout: float = 30.0
    # SMTP edge (api/mail/inbound, api/mail/outbound): MX on smtp_port, submission with
    # STARTTLS on submission_port, implicit TLS on submissions_port (a port below 0 turns a
    # listener off, 0 picks a free one); the name in
    # banners and Received (default mail_host); a PEM certificate and key (default: a
    # self-signed pair generated into the data dir on first start)
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    submission_port: int = 5870
    submissions_port: int = 4650
    smtp_hostname: str | None = None
    smtp_tls_cert: Path | None = None
    smtp_tls_key: Path | None = None
    smtp_max_message_bytes: int = 50 * 1024 * 1024
    smtp_max_recipients: int = 100
    smtp_command_timeout: float = 300.0
    smtp_data_timeout: float = 600.0
    smtp_max_connections: int = 1000
    smtp_max_connections_per_ip: int = 50
    smtp_commit_batch: int = 200
    smtp_processes: int = 1  # SMTP listener processes sharing the ports (SO_REUSEPORT)
    # outbound delivery: MX lookups (or everything through smarthost "host:port" with
    # optional AUTH), the port remote MXs listen on, retries with growing delays until
    # bounce_after seconds, a lease per claimed message, concurrency overall and per domain
    smarthost: str | None = None
    smarthost_username: str | None = None
    smarthost_password: str | None = None
    outbound_port: int = 25
    bounce_after: int = 4 * 24 * 3600
    outbound_retry_base: float = 300.0
    outbound_retry_max: float = 3600.0
    outbound_lease_seconds: float = 600.0
    outbound_concurrency: int = 50
    outbound_per_destination: int = 10
    outbound_timeout: float = 60.0
    # seconds a delivered or failed outbound row (its per-recipient delivery status) stays
    # readable before the worker purges it; SMTP AUTH argon2 checks running at once per process
    outbound_retention: int = 7 * 24 * 3600
    smtp_auth_concurrency: int = 4
    # mail clients (api/imap, api/pop3): IMAP with STARTTLS on imap_port, implicit TLS on
    # imaps_port, POP3 likewise (a port below 0 turns a listener off); the name clients are
    # told in autoconfiguration (default mail_host); the SMTP edge's certificate; connection
    # bounds per process, per client address and per account; the longest command line and
    # literal; how often IDLE sessions poll for other processes' changes; listener processes;
    # how long a process's claim on a signed-in connection lasts unrenewed (the per-account
    # bound is shared by every process through the database; a killed one's claims lapse)
    imap_host: str = "127.0.0.1"
    imap_port: int = 1143
    imaps_port: int = 9930
    pop3_port: int = 1110
    pop3s_port: int = 9950
    imap_hostname: str | None = None
    imap_max_connections: int = 10_000
    imap_max_connections_per_ip: int = 100
    imap_max_connections_per_account: int = 50
    imap_max_line: int = 64 * 1024
    imap_max_commands_per_second: float = 200.0
    imap_idle_poll: float = 0.5
    imap_processes: int = 1
    imap_connection_lease: float = 60.0
    # mailbox migration (api/migration): connections per source host across the
    # installation, a job's time slice and lease, fetch batches, retries with backoff (and how
    # often a never-reached source is retried), progress event interval, socket timeout,
    # sources on private addresses (off: SSRF) and an extra CA bundle for private sources
    migration_per_host: int = 4
    migration_slice_seconds: float = 120.0
    migration_lease_seconds: float = 60.0
    migration_batch_messages: int = 200
    migration_batch_bytes: int = 32 * 1024 * 1024
    migration_max_message_bytes: int = 256 * 1024 * 1024
    migration_max_accounts: int = 10_000
    migration_retry_base: float = 5.0
    migration_retry_max: float = 600.0
    migration_max_retries: int = 10
    migration_connect_retries: int = 3
    migration_progress_interval: float = 10.0
    migration_timeout: float = 60.0
    migration_allow_private: bool = False
    migration_ca_file: Path | None = None
    # blob storage (api/storage/blob_url.py): file:// (default <data_dir>/blobs), postgresql:
    # or s3://bucket/prefix?endpoint=…; the previous URL while `mailplane blobs migrate` runs;
    # seconds an unreferenced blob is kept before the collector removes it
    blob_url: str | None = None
    blob_fallback_url: str | None = None
    blob_release_grace: float = 3600.0
    log_json: bool = True
    access_log: bool = True
    # Working hours' zone when neither the person nor the organisation has one (IANA name).
    default_time_zone: str = "UTC"

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

    @property
    def effective_blob_url(self) -> str:
        return self.blob_url or f"file://{self.blob_dir.resolve()}"

    def signing_key(self) -> str:
        """The server secret: configured, or generated once and kept in the data dir."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret.key"
        if not path.exists():
            private_dir(self.data_dir)
            tmp = path.with_suffix(".tmp")
            tmp.unlink(missing_ok=True)
            # created 0600, never readable by others even for an instant
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
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
