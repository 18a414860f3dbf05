"""Everything `Mailplane` and `AsyncMailplane` share: `mp.me()`, `mp.graphql()` and the
namespaces, built once over the client's runner."""

from __future__ import annotations

from typing import Any

import httpx
from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model
from mailplane_sdk.endpoints import Namespace, R, endpoint
from mailplane_sdk.errors import GraphQLError, from_response
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import Me
from mailplane_sdk.resources.accounts import Accounts
from mailplane_sdk.resources.apps import Apps
from mailplane_sdk.resources.audit import Audit
from mailplane_sdk.resources.calendar import Calendar
from mailplane_sdk.resources.contacts import Contacts
from mailplane_sdk.resources.departments import Departments
from mailplane_sdk.resources.domains import Domains
from mailplane_sdk.resources.events import Events
from mailplane_sdk.resources.groups import Groups
from mailplane_sdk.resources.imports import Imports
from mailplane_sdk.resources.mail import Mail
from mailplane_sdk.resources.migrations import Migrations
from mailplane_sdk.resources.platform import OAuth, Organizations, Server
from mailplane_sdk.resources.spam import Spam
from mailplane_sdk.resources.webhooks import Webhooks


def graphql_data(response: httpx.Response) -> dict[str, Any]:
    """The `data` of a GraphQL answer; GraphQLError when it carries `errors`."""
    body = response.json()
    if not isinstance(body, dict):
        raise from_response(response)
    if body.get("errors"):
        raise GraphQLError(body["errors"], body.get("data"), response.headers.get("x-request-id"))
    return dict(body.get("data") or {})


class Surface(Namespace[R]):
    """The API as namespaces: `accounts`, `mail`, `calendar`, …"""

    def __init__(self, runner: R, client_auth: httpx.Auth | None = None) -> None:
        super().__init__(runner)
        self.accounts = Accounts(runner)
        self.departments = Departments(runner)
        self.groups = Groups(runner)
        self.domains = Domains(runner)
        self.apps = Apps(runner)
        self.webhooks = Webhooks(runner)
        self.events = Events(runner)
        self.audit = Audit(runner)
        self.migrations = Migrations(runner)
        self.imports = Imports(runner)
        self.contacts = Contacts(runner)
        self.spam = Spam(runner)
        self.mail = Mail(runner)
        self.calendar = Calendar(runner)
        self.oauth = OAuth(runner, client_auth)
        self.server = Server(runner)
        self.organizations = Organizations(runner)

    @property
    def last_response(self) -> httpx.Response | None:
        """The latest HTTP response (its `ETag`, `RateLimit-*` headers). With concurrent async
        calls, whichever finished last."""
        return self._runner.last_response

    @endpoint("GET", "/v1/me", "get_me")
    def me(self) -> Spec[Me]:
        """Who this client is: organisation, app, account (for a user's token) and scopes."""
        return Spec(model(Me))

    @endpoint("PATCH", "/v1/me", "update_me")
    def update_me(self, /, **fields: Unpack[params.MeUpdate]) -> Spec[Me]:
        """Change your own display name, time zone or language (a person's token with
        `profile:write`); `if_match=` the ETag of `accounts.get("me")` for a 412 if stale."""
        return Spec(model(Me), json=fields)

    @endpoint("POST", "/graphql", None)
    def graphql(
        self,
        query: str,
        variables: dict[str, object] | None = None,
        operation_name: str | None = None,
    ) -> Spec[dict[str, Any]]:
        """Run a GraphQL query or mutation; returns its `data` (GraphQLError on `errors`)."""
        body: dict[str, object] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        if operation_name is not None:
            body["operationName"] = operation_name
        return Spec(graphql_data, json=body)
