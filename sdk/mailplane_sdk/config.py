"""Client settings shared by both clients, and credentials from the environment."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx

from mailplane_sdk.auth import ClientCredentials
from mailplane_sdk.transport import RetryPolicy

DEFAULT_URL = "http://127.0.0.1:8025"
DEMO_CREDENTIALS = Path("data") / "demo-credentials.json"


@dataclass(frozen=True)
class Settings:
    base_url: str
    timeout: float
    retry: RetryPolicy

    @classmethod
    def build(
        cls, base_url: str, max_retries: int, timeout: float, retry: RetryPolicy | None
    ) -> Settings:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        policy = retry or RetryPolicy(max_retries=max_retries)
        return cls(base_url.rstrip("/"), timeout, policy)

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth/token"

    def credentials(
        self,
        client_id: str,
        client_secret: str | None,
        scopes: list[str] | None,
        auth: httpx.Auth | None,
    ) -> httpx.Auth:
        """The client's auth: the one given (a person's tokens), or the app's client credentials."""
        if auth is not None:
            return auth
        if client_secret is None:
            raise ValueError("A client secret (or an `auth`, e.g. a person's tokens) is required.")
        return ClientCredentials(self.token_url, client_id, client_secret, scopes)

    def http_options(self, auth: httpx.Auth, transport: object) -> dict[str, Any]:
        """Keyword arguments for the httpx client (sync or async)."""
        return {
            "base_url": self.base_url,
            "auth": auth,
            "transport": transport,
            "timeout": self.timeout,
        }

    def client_auth(self, client_id: str, client_secret: str | None) -> httpx.Auth | None:
        """How the OAuth endpoints authenticate this client (HTTP Basic)."""
        return httpx.BasicAuth(client_id, client_secret) if client_secret else None


C = TypeVar("C")


class FromEnvironment:
    """`from_env()` for both clients."""

    @classmethod
    def from_env(cls: type[C], *, scopes: list[str] | None = None, **options: Any) -> C:
        """From the environment; see `credentials_from_env` for the lookup order."""
        url, client_id, client_secret = credentials_from_env()
        return cls(url, client_id, client_secret, scopes, **options)  # type: ignore[call-arg]


def credentials_file() -> Path:
    """The demo credentials file `from_env()` reads when no client id and secret are set:
    MAILPLANE_CREDENTIALS_FILE, else `demo-credentials.json` in MAILPLANE_DATA_DIR (the
    server's data folder, as `mailplane init` and `make run` use it), else
    `./data/demo-credentials.json`."""
    explicit = os.environ.get("MAILPLANE_CREDENTIALS_FILE")
    if explicit:
        return Path(explicit).expanduser()
    data_dir = os.environ.get("MAILPLANE_DATA_DIR")
    if data_dir:
        return Path(data_dir).expanduser() / DEMO_CREDENTIALS.name
    return DEMO_CREDENTIALS


def credentials_from_env() -> tuple[str, str, str]:
    """(url, client_id, client_secret), looked up in this order:

    1. MAILPLANE_CLIENT_ID and MAILPLANE_CLIENT_SECRET;
    2. the file MAILPLANE_CREDENTIALS_FILE names;
    3. `$MAILPLANE_DATA_DIR/demo-credentials.json`;
    4. `./data/demo-credentials.json` (what `make run` writes, relative to where you run).

    The URL is MAILPLANE_URL, else http://127.0.0.1:8025.
    """
    url = os.environ.get("MAILPLANE_URL") or DEFAULT_URL
    client_id = os.environ.get("MAILPLANE_CLIENT_ID")
    client_secret = os.environ.get("MAILPLANE_CLIENT_SECRET")
    if client_id and client_secret:
        return url, client_id, client_secret
    path = credentials_file()
    try:
        saved = json.loads(path.read_text())
    except FileNotFoundError:
        raise RuntimeError(
            "Set MAILPLANE_CLIENT_ID and MAILPLANE_CLIENT_SECRET, or MAILPLANE_DATA_DIR to the"
            f" server's data folder, or run `make run` here (looked for {path})."
        ) from None
    return url, str(saved["client_id"]), str(saved["client_secret"])
