"""The tenant-isolation registry: every resource with an id registers here, and
`test_tenant_isolation.py` proves another organisation gets 404 on each of its routes.

Add an `IsolatedResource` to RESOURCES for each new resource (one line per route)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from tests.factories import app_passwords as apw
from tests.factories import calendar as cv
from tests.factories import spam as spam_factories
from tests.factories.directory import (
    ACCOUNT_GRAPHQL,
    ACCOUNT_ROUTES,
    DEPARTMENT_GRAPHQL,
    DEPARTMENT_ROUTES,
    GROUP_GRAPHQL,
    GROUP_ROUTES,
    IMPORT_GRAPHQL,
    IMPORT_ROUTES,
    victim_account,
    victim_account_address,
    victim_department,
    victim_group,
    victim_group_address,
    victim_import,
)
from tests.factories.domains import (
    DOMAIN_GRAPHQL,
    DOMAIN_ROUTES,
    victim_domain,
    victim_domain_name,
)
from tests.factories.mail import (
    DRAFT_GRAPHQL,
    DRAFT_ROUTES,
    FOLDER_GRAPHQL,
    FOLDER_ROUTES,
    MESSAGE_GRAPHQL,
    MESSAGE_ROUTES,
    THREAD_GRAPHQL,
    THREAD_ROUTES,
    UPLOAD_ROUTES,
    victim_draft,
    victim_folder,
    victim_message,
    victim_thread,
    victim_upload,
)
from tests.factories.migration import MIGRATION_GRAPHQL, MIGRATION_ROUTES, victim_migration
from tests.factories.platform import OrgHandle
from tests.factories.smtp import DELIVERY_GRAPHQL, DELIVERY_ROUTES, victim_sent_message
from tests.factories.webhooks import WEBHOOK_GRAPHQL, WEBHOOK_ROUTES, victim_event, victim_webhook


@dataclass(frozen=True)
class IsolatedResource:
    name: str
    create: Callable[[OrgHandle], Awaitable[str]]  # makes one in the victim org, returns its id
    routes: list[tuple[Any, ...]]  # (method, path with {id}[, json body])
    graphql: list[str] = field(default_factory=list)  # operations taking `$id: ID!`


async def _make_app(org: OrgHandle) -> str:
    app = await org.add_app(scopes=["mail:read"], redirect_uris=["https://oa.example/cb"])
    return str(app["id"])


RESOURCES: list[IsolatedResource] = [
    IsolatedResource(
        name="app",
        create=_make_app,
        routes=[
            ("GET", "/v1/apps/{id}"),
            ("PATCH", "/v1/apps/{id}", {"name": "pwned"}),
            ("DELETE", "/v1/apps/{id}"),
            ("POST", "/v1/apps/{id}/secrets", {}),
            ("GET", "/v1/apps/{id}/usage"),
            ("GET", "/v1/apps/{id}/tokens"),
        ],
        graphql=[
            "query($id: ID!) { app(id: $id) { id } }",
            'mutation($id: ID!) { updateApp(id: $id, input: {name: "pwned"}) { id } }',
            "mutation($id: ID!) { deleteApp(id: $id) }",
            "mutation($id: ID!) { rotateAppSecret(id: $id) { clientSecret } }",
            "query($id: ID!) { appUsage(id: $id) { activeTokens } }",
            "query($id: ID!) { appTokens(id: $id) { data { id } } }",
        ],
    ),
    IsolatedResource(
        name="domain", create=victim_domain, routes=DOMAIN_ROUTES, graphql=DOMAIN_GRAPHQL
    ),
    IsolatedResource(
        name="domain-by-name", create=victim_domain_name, routes=DOMAIN_ROUTES,
        graphql=DOMAIN_GRAPHQL,
    ),
    IsolatedResource(name="webhook", create=victim_webhook, routes=WEBHOOK_ROUTES,
                     graphql=WEBHOOK_GRAPHQL),
    IsolatedResource(name="account", create=victim_account, routes=ACCOUNT_ROUTES,
                     graphql=ACCOUNT_GRAPHQL),
    IsolatedResource(name="account-by-address", create=victim_account_address,
                     routes=ACCOUNT_ROUTES[:4], graphql=ACCOUNT_GRAPHQL[:3]),
    IsolatedResource(name="app-password", create=apw.victim_app_password,
                     routes=apw.APP_PASSWORD_ROUTES, graphql=apw.APP_PASSWORD_GRAPHQL),
    IsolatedResource(name="app-password-account", create=apw.victim_app_password_account,
                     routes=apw.APP_PASSWORD_ACCOUNT_ROUTES,
                     graphql=apw.APP_PASSWORD_ACCOUNT_GRAPHQL),
    IsolatedResource(name="department", create=victim_department, routes=DEPARTMENT_ROUTES,
                     graphql=DEPARTMENT_GRAPHQL),
    IsolatedResource(name="group", create=victim_group, routes=GROUP_ROUTES, graphql=GROUP_GRAPHQL),
    IsolatedResource(name="group-by-address", create=victim_group_address,
                     routes=GROUP_ROUTES[:3], graphql=GROUP_GRAPHQL[:1]),
    IsolatedResource(name="directory-import", create=victim_import, routes=IMPORT_ROUTES,
                     graphql=IMPORT_GRAPHQL),
    IsolatedResource(name="directory-migration", create=victim_migration,
                     routes=MIGRATION_ROUTES, graphql=MIGRATION_GRAPHQL),
    IsolatedResource(name="mail-message", create=victim_message, routes=MESSAGE_ROUTES,
                     graphql=MESSAGE_GRAPHQL),
    IsolatedResource(name="mail-thread", create=victim_thread, routes=THREAD_ROUTES,
                     graphql=THREAD_GRAPHQL),
    IsolatedResource(name="mail-folder", create=victim_folder, routes=FOLDER_ROUTES,
                     graphql=FOLDER_GRAPHQL),
    IsolatedResource(name="mail-draft", create=victim_draft, routes=DRAFT_ROUTES,
                     graphql=DRAFT_GRAPHQL),
    IsolatedResource(name="mail-upload", create=victim_upload, routes=UPLOAD_ROUTES),
    IsolatedResource(name="mail-delivery", create=victim_sent_message, routes=DELIVERY_ROUTES,
                     graphql=DELIVERY_GRAPHQL),
    IsolatedResource(name="mail-spam-feedback", create=spam_factories.victim_spam_message,
                     routes=spam_factories.SPAM_MESSAGE_ROUTES,
                     graphql=spam_factories.SPAM_MESSAGE_GRAPHQL),
    IsolatedResource(name="spam-allowlist-entry", create=spam_factories.victim_allow_entry,
                     routes=spam_factories.ALLOW_ROUTES,
                     graphql=spam_factories.LIST_ENTRY_GRAPHQL),
    IsolatedResource(name="spam-blocklist-entry", create=spam_factories.victim_block_entry,
                     routes=spam_factories.BLOCK_ROUTES,
                     graphql=spam_factories.LIST_ENTRY_GRAPHQL),
    IsolatedResource(name="mail-sender-entry", create=spam_factories.victim_sender_entry,
                     routes=spam_factories.SENDER_ROUTES,
                     graphql=spam_factories.SENDER_GRAPHQL),
    IsolatedResource(name="event", create=victim_event, routes=[
        ("GET", "/v1/events/{id}"), ("GET", "/v1/events/{id}/attempts"),
    ]),
    IsolatedResource(name="calendar", create=cv.victim_calendar, routes=cv.CALENDAR_ROUTES,
                     graphql=cv.CALENDAR_GRAPHQL),
    IsolatedResource(name="calendar-event", create=cv.victim_event, routes=cv.EVENT_ROUTES,
                     graphql=cv.EVENT_GRAPHQL),
    IsolatedResource(name="room", create=cv.victim_room, routes=cv.ROOM_ROUTES, graphql=cv.ROOM_GRAPHQL),
    IsolatedResource(name="contact", create=cv.victim_contact, routes=cv.CONTACT_ROUTES,
                     graphql=cv.CONTACT_GRAPHQL),
    IsolatedResource(name="address-book", create=cv.victim_address_book, routes=cv.ADDRESS_BOOK_ROUTES,
                     graphql=cv.ADDRESS_BOOK_GRAPHQL),
    IsolatedResource(name="contact-group", create=cv.victim_contact_group,
                     routes=cv.CONTACT_GROUP_ROUTES, graphql=cv.CONTACT_GROUP_GRAPHQL),
]
