from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.changes import Changes
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    account: str,
    *,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 500,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/accounts/{account}/calendar/events/changes".format(account=quote(str(account), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Changes | Problem | None:
    if response.status_code == 200:
        response_200 = Changes.from_dict(response.json())



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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())



        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Changes | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 500,

) -> Response[Changes | Problem]:
    """ List Calendar Event Changes

     Event series created, updated or cancelled/deleted in the account's calendars since
    `since` (ids are series ids; fetch them, or list a window, to see the change).

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `resync_required`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        since (None | str | Unset): A state from an earlier answer; omit it to get the current
            state.
        limit (int | Unset): Most changes in one answer (1-2000). Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Changes | Problem]
     """


    kwargs = _get_kwargs(
        account=account,
since=since,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account: str,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 500,

) -> Changes | Problem | None:
    """ List Calendar Event Changes

     Event series created, updated or cancelled/deleted in the account's calendars since
    `since` (ids are series ids; fetch them, or list a window, to see the change).

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `resync_required`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        since (None | str | Unset): A state from an earlier answer; omit it to get the current
            state.
        limit (int | Unset): Most changes in one answer (1-2000). Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Changes | Problem
     """


    return sync_detailed(
        account=account,
client=client,
since=since,
limit=limit,

    ).parsed

async def asyncio_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 500,

) -> Response[Changes | Problem]:
    """ List Calendar Event Changes

     Event series created, updated or cancelled/deleted in the account's calendars since
    `since` (ids are series ids; fetch them, or list a window, to see the change).

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `resync_required`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        since (None | str | Unset): A state from an earlier answer; omit it to get the current
            state.
        limit (int | Unset): Most changes in one answer (1-2000). Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Changes | Problem]
     """


    kwargs = _get_kwargs(
        account=account,
since=since,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account: str,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 500,

) -> Changes | Problem | None:
    """ List Calendar Event Changes

     Event series created, updated or cancelled/deleted in the account's calendars since
    `since` (ids are series ids; fetch them, or list a window, to see the change).

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `resync_required`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        since (None | str | Unset): A state from an earlier answer; omit it to get the current
            state.
        limit (int | Unset): Most changes in one answer (1-2000). Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Changes | Problem
     """


    return (await asyncio_detailed(
        account=account,
client=client,
since=since,
limit=limit,

    )).parsed
