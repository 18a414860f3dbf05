"""Who is calling: an account session, an app acting for its organisation, or for a user."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Principal:
    kind: str  # "account" (console session) | "app" (client credentials) | "app_user"
    org_id: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    app_id: str | None = None
    account_id: str | None = None
    role: str = "member"  # the account's role when an account is involved
    token_id: str | None = None
    # Display names read with the token (at most the token cache's age, one second, old).
    org_name: str = ""
    app_name: str | None = None
    address: str | None = None
    display_name: str | None = None
    # The language to answer in unless the request asks for one (the person's, else the org's).
    locale: str | None = None
    # The person's time zone (their own, else their organisation's), for the web app's views.
    time_zone: str | None = None

    @property
    def caller_id(self) -> str:
        """Stable identity for per-caller state (idempotency keys, rate limits)."""
        if self.kind == "app":
            return f"app:{self.app_id}"
        if self.kind == "app_user":
            return f"app:{self.app_id}:acc:{self.account_id}"
        return f"acc:{self.account_id}"

    @property
    def actor_type(self) -> str:
        return "app" if self.kind == "app" else "account"

    @property
    def actor_id(self) -> str | None:
        return self.app_id if self.kind == "app" else self.account_id

    @property
    def is_admin(self) -> bool:
        return self.role in ("admin", "operator")

    def has(self, *scopes: str) -> bool:
        return all(s in self.scopes for s in scopes)
