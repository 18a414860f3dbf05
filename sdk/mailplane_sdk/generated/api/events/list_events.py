from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_platform_event import PagePlatformEvent
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    types: list[str] | None | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_types: list[str] | None | Unset
    if isinstance(types, Unset):
        json_types = UNSET
    elif isinstance(types, list):
        json_types = types


    else:
        json_types = types
    params["types"] = json_types

    json_after: int | None | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PagePlatformEvent | Problem | None:
    if response.status_code == 200:
        response_200 = PagePlatformEvent.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PagePlatformEvent | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    types: list[str] | None | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PagePlatformEvent | Problem]:
    """ List Events

     The event log, oldest first, from `after` (a sequence) or a `cursor`.

    Sequences are per organisation and commit-ordered: remembering the last sequence you
    processed and passing it as `after` never skips an event.

    You see an event when you hold the read scope of its domain: `mail.*` needs `mail:read`,
    `calendar.*` `calendar:read`, `contacts.*` `contacts:read`, `directory.*`
    `directory:read`, and `webhook.*`, `platform.*` `webhooks:manage`. A token acting for
    one user sees mail, calendar and contacts events of that user only. The same rule holds
    for the stream, GraphQL subscriptions and webhook endpoints (which keep the scopes of the
    token that created them, narrowed if their app's scopes shrink). A position older than the
    retention period (30 days by default) is a 410 `resync_required`.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlatformEvent | Problem]
     """


    kwargs = _get_kwargs(
        types=types,
after=after,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    types: list[str] | None | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PagePlatformEvent | Problem | None:
    """ List Events

     The event log, oldest first, from `after` (a sequence) or a `cursor`.

    Sequences are per organisation and commit-ordered: remembering the last sequence you
    processed and passing it as `after` never skips an event.

    You see an event when you hold the read scope of its domain: `mail.*` needs `mail:read`,
    `calendar.*` `calendar:read`, `contacts.*` `contacts:read`, `directory.*`
    `directory:read`, and `webhook.*`, `platform.*` `webhooks:manage`. A token acting for
    one user sees mail, calendar and contacts events of that user only. The same rule holds
    for the stream, GraphQL subscriptions and webhook endpoints (which keep the scopes of the
    token that created them, narrowed if their app's scopes shrink). A position older than the
    retention period (30 days by default) is a 410 `resync_required`.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlatformEvent | Problem
     """


    return sync_detailed(
        client=client,
types=types,
after=after,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    types: list[str] | None | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PagePlatformEvent | Problem]:
    """ List Events

     The event log, oldest first, from `after` (a sequence) or a `cursor`.

    Sequences are per organisation and commit-ordered: remembering the last sequence you
    processed and passing it as `after` never skips an event.

    You see an event when you hold the read scope of its domain: `mail.*` needs `mail:read`,
    `calendar.*` `calendar:read`, `contacts.*` `contacts:read`, `directory.*`
    `directory:read`, and `webhook.*`, `platform.*` `webhooks:manage`. A token acting for
    one user sees mail, calendar and contacts events of that user only. The same rule holds
    for the stream, GraphQL subscriptions and webhook endpoints (which keep the scopes of the
    token that created them, narrowed if their app's scopes shrink). A position older than the
    retention period (30 days by default) is a 410 `resync_required`.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePlatformEvent | Problem]
     """


    kwargs = _get_kwargs(
        types=types,
after=after,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    types: list[str] | None | Unset = UNSET,
    after: int | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PagePlatformEvent | Problem | None:
    """ List Events

     The event log, oldest first, from `after` (a sequence) or a `cursor`.

    Sequences are per organisation and commit-ordered: remembering the last sequence you
    processed and passing it as `after` never skips an event.

    You see an event when you hold the read scope of its domain: `mail.*` needs `mail:read`,
    `calendar.*` `calendar:read`, `contacts.*` `contacts:read`, `directory.*`
    `directory:read`, and `webhook.*`, `platform.*` `webhooks:manage`. A token acting for
    one user sees mail, calendar and contacts events of that user only. The same rule holds
    for the stream, GraphQL subscriptions and webhook endpoints (which keep the scopes of the
    token that created them, narrowed if their app's scopes shrink). A position older than the
    retention period (30 days by default) is a 410 `resync_required`.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePlatformEvent | Problem
     """


    return (await asyncio_detailed(
        client=client,
types=types,
after=after,
limit=limit,
cursor=cursor,

    )).parsed
