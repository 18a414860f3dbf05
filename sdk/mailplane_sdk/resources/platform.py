"""`mp.oauth`, `mp.server` and `mp.organizations`: the OAuth endpoints, health, tenants."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx
from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, data, model, nothing, text
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import (
    GetHealthResponseGetHealth,
    Introspection,
    Organization,
    OrganizationCreated,
    OrganizationSettings,
    OrganizationStats,
    TokenResponse,
)
from mailplane_sdk.pagination import Page, page_of

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def form(fields: dict[str, object]) -> bytes:
    return urlencode({k: str(v) for k, v in fields.items() if v is not None}).encode()


class OAuth(Namespace[R]):
    """`mp.oauth`: token, revocation, introspection, metadata. Client authentication is the
    client's own id and secret (HTTP Basic) unless `client_auth` says otherwise."""

    def __init__(self, runner: R, client_auth: httpx.Auth | None = None) -> None:
        super().__init__(runner)
        self.client_auth = client_auth

    @endpoint("GET", "/.well-known/oauth-authorization-server", "get_authorization_server_metadata")
    def metadata(self) -> Spec[Any]:
        """RFC 8414 metadata (issuer, endpoints, supported grants)."""
        return Spec(data)

    @endpoint("POST", "/oauth/token", "issue_token")
    def token(self, /, **fields: str) -> Spec[TokenResponse]:
        """A token request (`grant_type` and its fields). The clients do this for you."""
        return Spec(model(TokenResponse), content=form(fields), headers=FORM, auth=self.client_auth)

    @endpoint("POST", "/oauth/revoke", "revoke_token")
    def revoke(self, token: str, *, token_type_hint: str | None = None) -> Spec[None]:
        """RFC 7009: revoke an access or refresh token (a refresh token ends its grant)."""
        return Spec(
            nothing,
            content=form({"token": token, "token_type_hint": token_type_hint}),
            headers=FORM,
            auth=self.client_auth,
        )

    @endpoint("POST", "/oauth/introspect", "introspect_token")
    def introspect(self, token: str, *, token_type_hint: str | None = None) -> Spec[Introspection]:
        """RFC 7662: whether a token is active, and for whom and what."""
        return Spec(
            model(Introspection),
            content=form({"token": token, "token_type_hint": token_type_hint}),
            headers=FORM,
            auth=self.client_auth,
        )


class Server(Namespace[R]):
    """`mp.server`: health and metrics of the Mailplane server."""

    @endpoint("GET", "/healthz", "get_health")
    def health(self) -> Spec[GetHealthResponseGetHealth]:
        return Spec(model(GetHealthResponseGetHealth))

    @endpoint("GET", "/readyz", "get_readiness")
    def readiness(self) -> Spec[Any]:
        """Ready to serve (database and blob store reachable); ServiceUnavailable if not."""
        return Spec(data)

    @endpoint("GET", "/metrics", "get_metrics")
    def metrics(self) -> Spec[str]:
        """Prometheus text exposition."""
        return Spec(text)


class Organizations(Namespace[R]):
    """`mp.organizations`: tenants (for the platform operator's token)."""

    @paged("GET", "/v1/organizations", "list_organizations")
    def list(self, /, **query: Unpack[params.ListOrganizationsQuery]) -> Spec[Page[Organization]]:
        return Spec(page_of(Organization.from_dict), params=query)

    @endpoint("POST", "/v1/organizations", "create_organization")
    def create(self, /, **body: Unpack[params.OrganizationCreate]) -> Spec[OrganizationCreated]:
        """Body: OrganizationCreate (name, domain, admin, …)."""
        return Spec(model(OrganizationCreated), json=body)

    @endpoint("GET", "/v1/organization", "get_organization_settings")
    def settings(self) -> Spec[OrganizationSettings]:
        """The caller's organisation: `locale`, `time_zone`, `migration_private_networks`."""
        return Spec(model(OrganizationSettings))

    @endpoint("GET", "/v1/organization/stats", "get_organization_stats")
    def stats(self) -> Spec[OrganizationStats]:
        """Totals: accounts by state, storage and quota use, domains by DNS state, mail in
        the last 24 hours (administrators)."""
        return Spec(model(OrganizationStats))

    @endpoint("PATCH", "/v1/organization", "update_organization_settings")
    def update_settings(
        self, /, **fields: Unpack[params.OrganizationSettingsUpdate]
    ) -> Spec[OrganizationSettings]:
        """Body: OrganizationSettingsUpdate (merge patch): `locale` (zh-CN | en), `time_zone`,
        `migration_private_networks` (CIDRs in private ranges), `name`."""
        return Spec(model(OrganizationSettings), json=fields)
