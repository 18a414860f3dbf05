"""The OAuth scopes Mailplane knows, and which of them only administrators may hold."""

from __future__ import annotations

SCOPES: dict[str, str] = {
    "mail:read": "Read mail",
    "mail:write": "Change mail: flags, folders, drafts",
    "mail:send": "Send mail",
    "calendar:read": "Read calendars",
    "calendar:write": "Change calendars",
    "contacts:read": "Read contacts",
    "contacts:write": "Change contacts",
    "directory:read": "Read the directory",
    "directory:write": "Change the directory",
    "domains:admin": "Administer domains",
    "webhooks:manage": "Manage webhooks",
    "audit:read": "Read the audit log",
}

#: Scopes that change or reveal the whole organisation: a user token carries them only
#: when the user is an administrator (Microsoft Graph's delegated-permission rule).
ADMIN_SCOPES = frozenset(
    {
        "directory:write", "directory:sign_in", "domains:admin", "webhooks:manage",
        "audit:read", "apps:manage",
    }
)

#: Login links (Exmail's get_login_url) sign a person in without their password: an
#: administrator's grant of its own, so a directory-sync app does not get it by default.
SCOPES["directory:sign_in"] = "Sign people in to Mailplane's web pages (login links)"

#: A person's own profile (display name, language, time zone): Microsoft Graph's
#: User.ReadWrite beside its admin-only User.ReadWrite.All (here directory:write).
SCOPES["profile:write"] = "Change your own profile: name, language and time zone"

#: Managing OAuth apps is an administrator's act, never granted to an app by default.
SCOPES["apps:manage"] = "Register and manage OAuth apps"


def parse_scopes(value: str | None) -> list[str]:
    return sorted({s for s in (value or "").split() if s})


def unknown_scopes(scopes: list[str]) -> list[str]:
    return [s for s in scopes if s not in SCOPES]
