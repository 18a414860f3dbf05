from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    lock_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/directory/sign-in-locks/{lock_id}".format(lock_id=quote(str(lock_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lock_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Clear Sign In Lock

     Unlock: forget the failures behind a lock (its `lck_…` id, or the address), so the
    next sign-in is judged afresh. Audited; emits `directory.sign_in_lock.cleared`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_not_deleted`, `already_exists`, `conflict`,
    `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`,
    `last_admin`, `malformed_request`, `manager_cycle`, `not_found`, `password_policy`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `restore_window_passed`, `unauthorized`,
    `validation_failed`.

    Args:
        lock_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        lock_id=lock_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    lock_id: str,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Clear Sign In Lock

     Unlock: forget the failures behind a lock (its `lck_…` id, or the address), so the
    next sign-in is judged afresh. Audited; emits `directory.sign_in_lock.cleared`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_not_deleted`, `already_exists`, `conflict`,
    `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`,
    `last_admin`, `malformed_request`, `manager_cycle`, `not_found`, `password_policy`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `restore_window_passed`, `unauthorized`,
    `validation_failed`.

    Args:
        lock_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        lock_id=lock_id,
client=client,

    ).parsed

async def asyncio_detailed(
    lock_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Clear Sign In Lock

     Unlock: forget the failures behind a lock (its `lck_…` id, or the address), so the
    next sign-in is judged afresh. Audited; emits `directory.sign_in_lock.cleared`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_not_deleted`, `already_exists`, `conflict`,
    `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`,
    `last_admin`, `malformed_request`, `manager_cycle`, `not_found`, `password_policy`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `restore_window_passed`, `unauthorized`,
    `validation_failed`.

    Args:
        lock_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        lock_id=lock_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    lock_id: str,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Clear Sign In Lock

     Unlock: forget the failures behind a lock (its `lck_…` id, or the address), so the
    next sign-in is judged afresh. Audited; emits `directory.sign_in_lock.cleared`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_not_deleted`, `already_exists`, `conflict`,
    `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`,
    `last_admin`, `malformed_request`, `manager_cycle`, `not_found`, `password_policy`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `restore_window_passed`, `unauthorized`,
    `validation_failed`.

    Args:
        lock_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        lock_id=lock_id,
client=client,

    )).parsed
