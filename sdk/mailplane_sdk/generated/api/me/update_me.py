from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.me import Me
from ...models.me_update import MeUpdate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: MeUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Me | Problem | None:
    if response.status_code == 200:
        response_200 = Me.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Me | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MeUpdate,

) -> Response[Me | Problem]:
    """ Update Me

     Change your own profile (JSON merge patch): `display_name`, `time_zone` (IANA) and
    `locale` (`en` or `zh-CN`); `null` time zone or language falls back to the organisation's.
    Needs a token acting for a person with the `profile:write` scope (the web app's session
    has it); nothing else about an account can be changed here. `If-Match` takes the ETag of
    `GET /v1/accounts/me` (the same account; 412 when it changed meanwhile), and the answer
    carries the new one. Emits `directory.account.updated` and an audit entry, as an
    administrator's change does.

    **Scopes:** `profile:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        body (MeUpdate): JSON merge patch of the caller's own profile: only what a person may
            change about
            themselves (Microsoft Graph's `PATCH /me`). `null` for `time_zone` or `locale` goes back
            to the organisation's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Me | Problem]
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
    body: MeUpdate,

) -> Me | Problem | None:
    """ Update Me

     Change your own profile (JSON merge patch): `display_name`, `time_zone` (IANA) and
    `locale` (`en` or `zh-CN`); `null` time zone or language falls back to the organisation's.
    Needs a token acting for a person with the `profile:write` scope (the web app's session
    has it); nothing else about an account can be changed here. `If-Match` takes the ETag of
    `GET /v1/accounts/me` (the same account; 412 when it changed meanwhile), and the answer
    carries the new one. Emits `directory.account.updated` and an audit entry, as an
    administrator's change does.

    **Scopes:** `profile:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        body (MeUpdate): JSON merge patch of the caller's own profile: only what a person may
            change about
            themselves (Microsoft Graph's `PATCH /me`). `null` for `time_zone` or `locale` goes back
            to the organisation's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Me | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MeUpdate,

) -> Response[Me | Problem]:
    """ Update Me

     Change your own profile (JSON merge patch): `display_name`, `time_zone` (IANA) and
    `locale` (`en` or `zh-CN`); `null` time zone or language falls back to the organisation's.
    Needs a token acting for a person with the `profile:write` scope (the web app's session
    has it); nothing else about an account can be changed here. `If-Match` takes the ETag of
    `GET /v1/accounts/me` (the same account; 412 when it changed meanwhile), and the answer
    carries the new one. Emits `directory.account.updated` and an audit entry, as an
    administrator's change does.

    **Scopes:** `profile:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        body (MeUpdate): JSON merge patch of the caller's own profile: only what a person may
            change about
            themselves (Microsoft Graph's `PATCH /me`). `null` for `time_zone` or `locale` goes back
            to the organisation's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Me | Problem]
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
    body: MeUpdate,

) -> Me | Problem | None:
    """ Update Me

     Change your own profile (JSON merge patch): `display_name`, `time_zone` (IANA) and
    `locale` (`en` or `zh-CN`); `null` time zone or language falls back to the organisation's.
    Needs a token acting for a person with the `profile:write` scope (the web app's session
    has it); nothing else about an account can be changed here. `If-Match` takes the ETag of
    `GET /v1/accounts/me` (the same account; 412 when it changed meanwhile), and the answer
    carries the new one. Emits `directory.account.updated` and an audit entry, as an
    administrator's change does.

    **Scopes:** `profile:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        body (MeUpdate): JSON merge patch of the caller's own profile: only what a person may
            change about
            themselves (Microsoft Graph's `PATCH /me`). `null` for `time_zone` or `locale` goes back
            to the organisation's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Me | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
