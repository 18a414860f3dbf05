"""`mp.apps`: OAuth apps of the organisation."""

from __future__ import annotations

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import App, AppCredentials, AppToken, AppUsage
from mailplane_sdk.pagination import Page, page_of


class Apps(Namespace[R]):
    """`mp.apps`."""

    @paged("GET", "/v1/apps", "list_apps")
    def list(self, /, **query: Unpack[params.ListAppsQuery]) -> Spec[Page[App]]:
        return Spec(page_of(App.from_dict), params=query)

    @endpoint("POST", "/v1/apps", "create_app")
    def create(self, /, **body: Unpack[params.AppCreate]) -> Spec[AppCredentials]:
        """Body: AppCreate (name, client_type, scopes, redirect_uris). The secret is shown once."""
        return Spec(model(AppCredentials), json=body)

    @endpoint("GET", "/v1/apps/{app_id}", "get_app")
    def get(self, app_id: str) -> Spec[App]:
        return Spec(model(App), path={"app_id": app_id})

    @endpoint("PATCH", "/v1/apps/{app_id}", "update_app")
    def update(self, app_id: str, /, **fields: Unpack[params.AppUpdate]) -> Spec[App]:
        return Spec(model(App), path={"app_id": app_id}, json=fields)

    @endpoint("DELETE", "/v1/apps/{app_id}", "delete_app")
    def delete(self, app_id: str) -> Spec[None]:
        return Spec(nothing, path={"app_id": app_id})

    @endpoint("POST", "/v1/apps/{app_id}/secrets", "rotate_app_secret")
    def rotate_secret(
        self, app_id: str, /, **body: Unpack[params.SecretRotation]
    ) -> Spec[AppCredentials]:
        """Body: SecretRotation (optional grace period for the old secret)."""
        return Spec(model(AppCredentials), path={"app_id": app_id}, json=body or None)

    @endpoint("GET", "/v1/apps/{app_id}/usage", "get_app_usage")
    def usage(self, app_id: str) -> Spec[AppUsage]:
        """Live tokens, requests this minute/hour/day and the rate-limit state."""
        return Spec(model(AppUsage), path={"app_id": app_id})

    @paged("GET", "/v1/apps/{app_id}/tokens", "list_app_tokens")
    def tokens(
        self, app_id: str, /, **query: Unpack[params.ListAppTokensQuery]
    ) -> Spec[Page[AppToken]]:
        """The tokens issued to the app, newest first (never the token values)."""
        return Spec(page_of(AppToken.from_dict), path={"app_id": app_id}, params=query)
