from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.migration import Migration
from ...models.migration_create import MigrationCreate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: MigrationCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/directory/migrations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Migration | Problem | None:
    if response.status_code == 202:
        response_202 = Migration.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Migration | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MigrationCreate,

) -> Response[Migration | Problem]:
    """ Create Migration

     Start moving mailboxes in from another provider over IMAP (any server) or POP3
    (inbox only): `accounts` as a list, or `csv` with the header
    `account,host,port,security,username,password` (optional `protocol`, `verify_tls`).

    Every row is checked first (422 lists every bad row; nothing is written), a target that
    is already being migrated is 409 `migration_in_progress`. Then one background job per
    account copies every folder, read-only on the source (`EXAMINE`, `BODY.PEEK[]`), keeping
    flags and INTERNALDATE. Folders map by SPECIAL-USE, then by name (English and Chinese),
    then by the `folders` rules. Poll the returned job, read per-account progress under
    `/accounts`, per-message failures under `/failures`, and receive
    `directory.migration.progress`, `…completed` or `…failed`. Imported messages emit
    `mail.message.imported`, never `received`. Starting again with the same sources later
    imports only what is new (the cut-over pass after the MX switch). Source passwords are
    encrypted at rest and wiped when each account's migration ends.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        body (MigrationCreate): Accounts as a list, or as CSV text with a header row:
            `account,host,port,security,
            username,password` (optional `protocol`, `verify_tls`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Migration | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: MigrationCreate,

) -> Migration | Problem | None:
    """ Create Migration

     Start moving mailboxes in from another provider over IMAP (any server) or POP3
    (inbox only): `accounts` as a list, or `csv` with the header
    `account,host,port,security,username,password` (optional `protocol`, `verify_tls`).

    Every row is checked first (422 lists every bad row; nothing is written), a target that
    is already being migrated is 409 `migration_in_progress`. Then one background job per
    account copies every folder, read-only on the source (`EXAMINE`, `BODY.PEEK[]`), keeping
    flags and INTERNALDATE. Folders map by SPECIAL-USE, then by name (English and Chinese),
    then by the `folders` rules. Poll the returned job, read per-account progress under
    `/accounts`, per-message failures under `/failures`, and receive
    `directory.migration.progress`, `…completed` or `…failed`. Imported messages emit
    `mail.message.imported`, never `received`. Starting again with the same sources later
    imports only what is new (the cut-over pass after the MX switch). Source passwords are
    encrypted at rest and wiped when each account's migration ends.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        body (MigrationCreate): Accounts as a list, or as CSV text with a header row:
            `account,host,port,security,
            username,password` (optional `protocol`, `verify_tls`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Migration | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MigrationCreate,

) -> Response[Migration | Problem]:
    """ Create Migration

     Start moving mailboxes in from another provider over IMAP (any server) or POP3
    (inbox only): `accounts` as a list, or `csv` with the header
    `account,host,port,security,username,password` (optional `protocol`, `verify_tls`).

    Every row is checked first (422 lists every bad row; nothing is written), a target that
    is already being migrated is 409 `migration_in_progress`. Then one background job per
    account copies every folder, read-only on the source (`EXAMINE`, `BODY.PEEK[]`), keeping
    flags and INTERNALDATE. Folders map by SPECIAL-USE, then by name (English and Chinese),
    then by the `folders` rules. Poll the returned job, read per-account progress under
    `/accounts`, per-message failures under `/failures`, and receive
    `directory.migration.progress`, `…completed` or `…failed`. Imported messages emit
    `mail.message.imported`, never `received`. Starting again with the same sources later
    imports only what is new (the cut-over pass after the MX switch). Source passwords are
    encrypted at rest and wiped when each account's migration ends.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        body (MigrationCreate): Accounts as a list, or as CSV text with a header row:
            `account,host,port,security,
            username,password` (optional `protocol`, `verify_tls`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Migration | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MigrationCreate,

) -> Migration | Problem | None:
    """ Create Migration

     Start moving mailboxes in from another provider over IMAP (any server) or POP3
    (inbox only): `accounts` as a list, or `csv` with the header
    `account,host,port,security,username,password` (optional `protocol`, `verify_tls`).

    Every row is checked first (422 lists every bad row; nothing is written), a target that
    is already being migrated is 409 `migration_in_progress`. Then one background job per
    account copies every folder, read-only on the source (`EXAMINE`, `BODY.PEEK[]`), keeping
    flags and INTERNALDATE. Folders map by SPECIAL-USE, then by name (English and Chinese),
    then by the `folders` rules. Poll the returned job, read per-account progress under
    `/accounts`, per-message failures under `/failures`, and receive
    `directory.migration.progress`, `…completed` or `…failed`. Imported messages emit
    `mail.message.imported`, never `received`. Starting again with the same sources later
    imports only what is new (the cut-over pass after the MX switch). Source passwords are
    encrypted at rest and wiped when each account's migration ends.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        body (MigrationCreate): Accounts as a list, or as CSV text with a header row:
            `account,host,port,security,
            username,password` (optional `protocol`, `verify_tls`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Migration | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
