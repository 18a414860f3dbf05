from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.migration import Migration
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    migration_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/directory/migrations/{migration_id}/cancel".format(migration_id=quote(str(migration_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Migration | Problem | None:
    if response.status_code == 200:
        response_200 = Migration.from_dict(response.json())



        return response_200

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
    migration_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Migration | Problem]:
    """ Cancel Migration

     Cancel a migration: unfinished accounts stop after the batch in flight and their
    source passwords are wiped. What was imported stays. 409 `migration_finished` when it
    already ended; cancelling twice is harmless.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Migration | Problem]
     """


    kwargs = _get_kwargs(
        migration_id=migration_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    migration_id: str,
    *,
    client: AuthenticatedClient,

) -> Migration | Problem | None:
    """ Cancel Migration

     Cancel a migration: unfinished accounts stop after the batch in flight and their
    source passwords are wiped. What was imported stays. 409 `migration_finished` when it
    already ended; cancelling twice is harmless.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Migration | Problem
     """


    return sync_detailed(
        migration_id=migration_id,
client=client,

    ).parsed

async def asyncio_detailed(
    migration_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Migration | Problem]:
    """ Cancel Migration

     Cancel a migration: unfinished accounts stop after the batch in flight and their
    source passwords are wiped. What was imported stays. 409 `migration_finished` when it
    already ended; cancelling twice is harmless.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Migration | Problem]
     """


    kwargs = _get_kwargs(
        migration_id=migration_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    migration_id: str,
    *,
    client: AuthenticatedClient,

) -> Migration | Problem | None:
    """ Cancel Migration

     Cancel a migration: unfinished accounts stop after the batch in flight and their
    source passwords are wiped. What was imported stays. 409 `migration_finished` when it
    already ended; cancelling twice is harmless.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `cancelled`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `migration_finished`, `migration_in_progress`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `too_large`, `unauthorized`, `validation_failed`.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Migration | Problem
     """


    return (await asyncio_detailed(
        migration_id=migration_id,
client=client,

    )).parsed
