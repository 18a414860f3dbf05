"""Directory administration: organisations' domains, accounts, departments and groups.

What other domains use, and all they may use (the import-linter contract "Other packages
use directory and platform through their faces" fails the build on a reach-in):

    resolve_recipients, may_send_as, Resolution      who a recipient is; who may send as whom
    find_account, resolve_account, Owner             an account by id or address; the path's own
    account_locale, account_zone, organization_locale
    authenticate, change_password, credentials, throttle    sign-in checks of every door
    Lookup, DnsUnavailable, host_text, evaluate (SPF)       the resolver and SPF of domains
    dkim_private_key, ensure_signing_key             a domain's DKIM key
    accounts_service, login_links, imports_service   the services behind the admin API
    accounts_cli, organization_id, csv_stream        the CLI's bulk import and export
    set_fields                                       GraphQL input merging (JSON merge patch)

App passwords are a face of their own (`api.directory.app_passwords`).
"""

from api.directory.account_links import service as login_links
from api.directory.accounts import credentials, throttle
from api.directory.accounts import service as accounts_service
from api.directory.accounts.credentials import authenticate, change_password
from api.directory.accounts.locale import account_locale, account_zone, organization_locale
from api.directory.accounts.lookup import find_account, resolve_account
from api.directory.accounts.owner import Owner
from api.directory.dns.resolver import DnsUnavailable, Lookup, host_text
from api.directory.dns.spf import evaluate
from api.directory.domains import dkim_private_key, ensure_signing_key
from api.directory.graphql_inputs import set_fields
from api.directory.imports import service as imports_service
from api.directory.imports.cli import accounts_cli, organization_id
from api.directory.imports.export import csv_stream
from api.directory.recipients import Resolution, may_send_as, resolve_recipients

__all__ = [
    "DnsUnavailable",
    "Lookup",
    "Owner",
    "Resolution",
    "account_locale",
    "account_zone",
    "accounts_cli",
    "accounts_service",
    "authenticate",
    "change_password",
    "credentials",
    "csv_stream",
    "dkim_private_key",
    "ensure_signing_key",
    "evaluate",
    "find_account",
    "host_text",
    "imports_service",
    "login_links",
    "may_send_as",
    "organization_id",
    "organization_locale",
    "resolve_account",
    "resolve_recipients",
    "set_fields",
    "throttle",
]
