"""`Mailplane`: the entry point scripts use."""

from __future__ import annotations

from typing import Any

import httpx

from mailplane_sdk.auth import ClientCredentials
from mailplane_sdk.errors import MailplaneError
from mailplane_sdk.generated.client import AuthenticatedClient


class Mailplane:
    """A client for one organisation's Mailplane, authenticated with client credentials.

        mp = Mailplane("http://127.0.0.1:8025", client_id, client_secret, scopes=["directory:read"])
        mp.me()
    """

    def __init__(
        self, base_url: str, client_id: str, client_secret: str, scopes: list[str] | None = None,
        *, transport: httpx.BaseTransport | None = None, timeout: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._auth = ClientCredentials(f"{self.base_url}/oauth/token", client_id, client_secret, scopes)
        self.http = httpx.Client(base_url=self.base_url, auth=self._auth, transport=transport, timeout=timeout)
        # The generated layer shares our authenticated httpx client.
        self.generated = AuthenticatedClient(base_url=self.base_url, token="")
        self.generated.set_httpx_client(self.http)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = {"detail": response.text}
            raise MailplaneError(response.status_code, body)
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    def me(self) -> dict[str, Any]:
        """Who this client is: organisation, app and scopes."""
        return self.request("GET", "/v1/me")  # type: ignore[no-any-return]

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Mailplane:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
