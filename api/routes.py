"""The one list of REST routers."""

from __future__ import annotations

from fastapi import APIRouter

from api.calendar.calendars.router import router as calendars_router
from api.calendar.events.router import router as calendar_events_router
from api.calendar.freebusy.router import router as freebusy_router
from api.calendar.ics.router import router as ics_router
from api.calendar.invitations.router import router as invitations_router
from api.calendar.resources.router import router as rooms_router
from api.contacts.address_books.router import router as address_books_router
from api.contacts.contacts.router import router as contacts_router
from api.contacts.gal.router import router as autocomplete_router
from api.directory.account_links.router import router as account_links_router
from api.directory.accounts.router import policy_router as password_policy_router
from api.directory.accounts.router import router as accounts_router
from api.directory.app_passwords.router import router as app_passwords_router
from api.directory.departments.router import router as departments_router
from api.directory.domains.router import router as domains_router
from api.directory.groups.router import router as groups_router
from api.directory.imports.router import router as directory_imports_router
from api.events.router import router as events_router
from api.events.sync_router import router as sync_router
from api.mail.autoconfig.router import public as mail_autoconfig_router
from api.mail.autoconfig.router import router as mail_client_profile_router
from api.mail.folders.router import router as mail_folders_router
from api.mail.messages.router import router as mail_messages_router
from api.mail.outbound.router import router as mail_delivery_router
from api.mail.sending.router import public as mail_links_router
from api.mail.sending.router import router as mail_sending_router
from api.mail.settings.router import router as mail_settings_router
from api.mail.spam.router import router as mail_spam_router
from api.mail.threads.router import router as mail_threads_router
from api.mail.uploads.router import router as mail_uploads_router
from api.migration.router import router as directory_migrations_router
from api.ops.router import router as ops_router
from api.platform.apps.router import router as apps_router
from api.platform.audit.router import router as audit_router
from api.platform.me.router import router as me_router
from api.platform.oauth.router import router as oauth_router
from api.platform.organizations.router import own_router as organization_settings_router
from api.platform.organizations.router import router as organizations_router
from api.platform.webhooks.router import router as webhooks_router

# FastAPI matches in this order: the hottest path first, and literal paths
# (`/v1/accounts/changes`) before parameters (`/v1/accounts/{account}`).
ROUTERS: list[APIRouter] = [
    me_router,
    sync_router,  # first: `/v1/accounts/changes` before `/v1/accounts/{account}`
    ops_router,
    oauth_router,
    apps_router,
    organizations_router,
    organization_settings_router,
    audit_router,
    events_router,
    webhooks_router,
    domains_router,
    accounts_router,
    account_links_router,
    app_passwords_router,
    password_policy_router,
    departments_router,
    groups_router,
    directory_imports_router,
    directory_migrations_router,
    calendars_router,
    calendar_events_router,
    invitations_router,
    ics_router,
    freebusy_router,
    rooms_router,
    address_books_router,  # before contacts: `/contacts/address_books` is not a contact id
    contacts_router,
    autocomplete_router,
    mail_messages_router,
    mail_folders_router,
    mail_threads_router,
    mail_sending_router,
    mail_settings_router,
    mail_uploads_router,
    mail_links_router,
    mail_spam_router,
    mail_delivery_router,
    mail_autoconfig_router,
    mail_client_profile_router,
]

# `GET` paths answered by `api.fast_reads` in front of FastAPI when their route qualifies
# (only the principal as dependency, a `Response` returned); the others stay with FastAPI.
FAST_READS: list[str] = ["/v1/me"]
