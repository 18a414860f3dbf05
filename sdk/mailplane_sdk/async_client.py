"""`AsyncMailplane`: the same namespaces as `Mailplane`, with coroutines and async iterators.

async with AsyncMailplane(url, client_id, client_secret) as mp:
    me = await mp.me()
    async for account in mp.accounts.list():
        ...
"""

from __future__ import annotations

from typing import Any

import httpx

from mailplane_sdk.calls import payload
from mailplane_sdk.config import FromEnvironment, Settings
from mailplane_sdk.generated.client import AuthenticatedClient
from mailplane_sdk.runners import AsyncRunner
from mailplane_sdk.surface import Surface
from mailplane_sdk.transport import AsyncRetryTransport, RetryPolicy


class AsyncMailplane(Surface[AsyncRunner], FromEnvironment):
    """`Mailplane` for asyncio code: the same methods, awaited."""

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str | None,
        scopes: list[str] | None = None,
        *,
        max_retries: int = 3,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
        auth: httpx.Auth | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        settings = Settings.build(base_url, max_retries, timeout, retry)
        self.base_url = settings.base_url
        self.retry_transport = AsyncRetryTransport(transport, settings.retry)
        self.auth = settings.credentials(client_id, client_secret, scopes, auth)
        self.http = httpx.AsyncClient(**settings.http_options(self.auth, self.retry_transport))
        super().__init__(AsyncRunner(self.http), settings.client_auth(client_id, client_secret))
        self.generated = AuthenticatedClient(base_url=self.base_url, token="")
        self.generated.set_async_httpx_client(self.http)

    async def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """Any request, with the same auth, retries and typed errors."""
        return payload(await self._runner.send(method, path, **kwargs))

    async def aclose(self) -> None:
        await self.http.aclose()

    async def __aenter__(self) -> AsyncMailplane:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
