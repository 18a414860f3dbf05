from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.app import App
from ...models.app_update import AppUpdate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    app_id: str,
    *,
    body: AppUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/apps/{app_id}".format(app_id=quote(str(app_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> App | Problem | None:
    if response.status_code == 200:
        response_200 = App.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[App | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: AppUpdate,

) -> Response[App | Problem]:
    """ Update App

     Change an app's name, redirect URIs, scopes or disabled flag (JSON merge patch).

    Narrowing scopes or disabling revokes the app's tokens at once. Send `If-Match` with the
    ETag you read to avoid overwriting someone else's change (412 when stale).

    **Scopes:** `apps:manage` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        app_id (str):
        body (AppUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[App | Problem]
     """


    kwargs = _get_kwargs(
        app_id=app_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: AppUpdate,

) -> App | Problem | None:
    """ Update App

     Change an app's name, redirect URIs, scopes or disabled flag (JSON merge patch).

    Narrowing scopes or disabling revokes the app's tokens at once. Send `If-Match` with the
    ETag you read to avoid overwriting someone else's change (412 when stale).

    **Scopes:** `apps:manage` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        app_id (str):
        body (AppUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        App | Problem
     """


    return sync_detailed(
        app_id=app_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: AppUpdate,

) -> Response[App | Problem]:
    """ Update App

     Change an app's name, redirect URIs, scopes or disabled flag (JSON merge patch).

    Narrowing scopes or disabling revokes the app's tokens at once. Send `If-Match` with the
    ETag you read to avoid overwriting someone else's change (412 when stale).

    **Scopes:** `apps:manage` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        app_id (str):
        body (AppUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[App | Problem]
     """


    kwargs = _get_kwargs(
        app_id=app_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    app_id: str,
    *,
    client: AuthenticatedClient,
    body: AppUpdate,

) -> App | Problem | None:
    """ Update App

     Change an app's name, redirect URIs, scopes or disabled flag (JSON merge patch).

    Narrowing scopes or disabling revokes the app's tokens at once. Send `If-Match` with the
    ETag you read to avoid overwriting someone else's change (412 when stale).

    **Scopes:** `apps:manage` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        app_id (str):
        body (AppUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        App | Problem
     """


    return (await asyncio_detailed(
        app_id=app_id,
client=client,
body=body,

    )).parsed
