"""The one GraphQL schema: every domain's query and mutation types merged, with limits."""

from __future__ import annotations

import functools
from typing import Any

import strawberry
from cross_web import HTTPException
from fastapi import Request
from fastapi.responses import HTMLResponse
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.fastapi import GraphQLRouter
from strawberry.tools import merge_types

from api.calendar.graphql import CalendarMutation, CalendarQuery
from api.config import Settings
from api.contacts.graphql import ContactsMutation, ContactsQuery
from api.directory.accounts.graphql import AccountsMutation, AccountsQuery
from api.directory.accounts.sign_in_locks_graphql import SignInLocksMutation, SignInLocksQuery
from api.directory.app_passwords.graphql import AppPasswordsMutation, AppPasswordsQuery
from api.directory.departments.graphql import DepartmentsMutation, DepartmentsQuery
from api.directory.domains.graphql import DomainsMutation, DomainsQuery
from api.directory.groups.graphql import GroupsMutation, GroupsQuery
from api.directory.imports.graphql import DirectoryImportsMutation, DirectoryImportsQuery
from api.events.graphql import EventsQuery, EventsSubscription
from api.graphql_kit import get_context
from api.mail.graphql import MailMutation, MailQuery
from api.mail.outbound.graphql import OutboundQuery
from api.mail.settings.graphql import MailSettingsMutation, MailSettingsQuery
from api.mail.spam.graphql import SpamMutation, SpamQuery
from api.migration.graphql import MigrationMutation, MigrationQuery
from api.platform.apps.graphql import AppsMutation, AppsQuery
from api.platform.apps.usage_graphql import AppUsageQuery
from api.platform.me.graphql import MeMutation, MeQuery
from api.platform.organizations.graphql import OrganizationsMutation, OrganizationsQuery
from api.platform.webhooks.graphql import WebhooksMutation, WebhooksQuery
from api.reference import pages as reference_pages

Query = merge_types("Query", (MeQuery, AppsQuery, AppUsageQuery, SignInLocksQuery, OrganizationsQuery, DomainsQuery, AccountsQuery, AppPasswordsQuery, DepartmentsQuery, GroupsQuery, DirectoryImportsQuery, MigrationQuery, EventsQuery, WebhooksQuery, CalendarQuery, ContactsQuery, MailQuery, OutboundQuery, SpamQuery, MailSettingsQuery,))
Mutation = merge_types("Mutation", (MeMutation, AppsMutation, SignInLocksMutation, OrganizationsMutation, DomainsMutation, AccountsMutation, AppPasswordsMutation, DepartmentsMutation, GroupsMutation, DirectoryImportsMutation, MigrationMutation, WebhooksMutation, CalendarMutation, ContactsMutation, MailMutation, SpamMutation, MailSettingsMutation,))
Subscription = merge_types("Subscription", (EventsSubscription,))


class Schema(strawberry.Schema):
    """Expected errors (an AppError rendered with its `code`) are answers, not incidents:
    only unexpected ones are logged, with their traceback."""

    def process_errors(self, errors, execution_context=None):  # type: ignore[no-untyped-def]
        unexpected = [e for e in errors if not (e.extensions or {}).get("code")]
        if unexpected:
            super().process_errors(unexpected, execution_context)


def build_schema(settings: Settings) -> strawberry.Schema:
    return _schema(
        settings.graphql_max_depth,
        settings.graphql_max_tokens,
        settings.graphql_max_aliases,
        settings.graphql_introspection,
    )


@functools.cache
def _schema(
    max_depth: int, max_tokens: int, max_aliases: int, introspection: bool
) -> strawberry.Schema:
    """Built once per process and set of limits: converting ~140 types costs ~0.1 s of CPU,
    paid again by every app a process creates (the tests create one per test)."""
    extensions: list = [  # type: ignore[type-arg]
        QueryDepthLimiter(max_depth=max_depth),
        MaxTokensLimiter(max_token_count=max_tokens),
        MaxAliasesLimiter(max_alias_count=max_aliases),
    ]
    if not introspection:
        extensions.append(DisableIntrospection())
    return Schema(
        query=Query, mutation=Mutation, subscription=Subscription, extensions=extensions
    )


class OfflineGraphQLRouter(GraphQLRouter):  # type: ignore[type-arg]
    """GraphiQL from Mailplane's own static files (api/reference), not strawberry's CDN page;
    a body that is not UTF-8 answered like any other unparsable body (400), not a 500."""

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(reference_pages.graphiql(request.url.path))

    def parse_json(self, data: str | bytes) -> Any:
        try:
            return super().parse_json(data)
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "Unable to parse request body as JSON (not UTF-8)") from exc


def graphql_router(settings: Settings) -> GraphQLRouter:  # type: ignore[type-arg]
    return OfflineGraphQLRouter(build_schema(settings), context_getter=get_context)


def export_sdl(settings: Settings) -> str:
    return build_schema(settings).as_str() + "\n"
