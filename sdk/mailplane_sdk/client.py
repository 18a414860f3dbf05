"""`Mailplane`: the synchronous client scripts use.

mp = Mailplane("http://127.0.0.1:8025", client_id, client_secret)   # or Mailplane.from_env()
hire = mp.accounts.create(address="zhang.wei@corp.example", display_name="张伟")
for account in mp.accounts.list(department_id=dept.id):
    ...
"""

from __future__ import annotations

from typing import Any

import httpx

from mailplane_sdk.calls import payload
from mailplane_sdk.config import FromEnvironment, Settings
from mailplane_sdk.generated.client import AuthenticatedClient
from mailplane_sdk.runners import SyncRunner
from mailplane_sdk.surface import Surface
from mailplane_sdk.transport import RetryPolicy, RetryTransport


class Mailplane(Surface[SyncRunner], FromEnvironment):
    """A client for one organisation's Mailplane, authenticated as an app (client credentials),
    or for a person (`AuthorizationCodeFlow.client(tokens)`, in `mailplane_sdk.authorization_code`).

    Every request is retried on 429/503 and dropped connections (up to `max_retries`, as
    `Retry-After` says), every mutation carries an Idempotency-Key, and every error answer
    raises the `mailplane_sdk.errors` class of its code.
    """

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str | None,
        scopes: list[str] | None = None,
        *,
        max_retries: int = 3,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        auth: httpx.Auth | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        settings = Settings.build(base_url, max_retries, timeout, retry)
        self.base_url = settings.base_url
        self.retry_transport = RetryTransport(transport, settings.retry)
        self.auth = settings.credentials(client_id, client_secret, scopes, auth)
        self.http = httpx.Client(**settings.http_options(self.auth, self.retry_transport))
        super().__init__(SyncRunner(self.http), settings.client_auth(client_id, client_secret))
        # The generated layer shares our authenticated, retrying httpx client.
        self.generated = AuthenticatedClient(base_url=self.base_url, token="")
        self.generated.set_httpx_client(self.http)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Any request, with the same auth, retries and typed errors; returns the parsed JSON
        (None for an empty body, text for non-JSON)."""
        return payload(self._runner.send(method, path, **kwargs))

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Mailplane:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
