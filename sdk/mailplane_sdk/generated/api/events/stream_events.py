from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    types: list[str] | None | Unset = UNSET,
    after: int | None | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id



    

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events/stream",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
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
    last_event_id: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Stream Events

     A live stream of events as Server-Sent Events, for servers with no public URL.

    Each event's SSE `id` is its sequence: reconnect with `Last-Event-ID` (or `after`) and
    the stream resumes exactly after it. Without either it starts with the next event.
    A comment line is sent as a heartbeat every 15 s of silence.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        types=types,
after=after,
last_event_id=last_event_id,

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
    last_event_id: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Stream Events

     A live stream of events as Server-Sent Events, for servers with no public URL.

    Each event's SSE `id` is its sequence: reconnect with `Last-Event-ID` (or `after`) and
    the stream resumes exactly after it. Without either it starts with the next event.
    A comment line is sent as a heartbeat every 15 s of silence.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        client=client,
types=types,
after=after,
last_event_id=last_event_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    types: list[str] | None | Unset = UNSET,
    after: int | None | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Stream Events

     A live stream of events as Server-Sent Events, for servers with no public URL.

    Each event's SSE `id` is its sequence: reconnect with `Last-Event-ID` (or `after`) and
    the stream resumes exactly after it. Without either it starts with the next event.
    A comment line is sent as a heartbeat every 15 s of silence.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        types=types,
after=after,
last_event_id=last_event_id,

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
    last_event_id: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Stream Events

     A live stream of events as Server-Sent Events, for servers with no public URL.

    Each event's SSE `id` is its sequence: reconnect with `Last-Event-ID` (or `after`) and
    the stream resumes exactly after it. Without either it starts with the next event.
    A comment line is sent as a heartbeat every 15 s of silence.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        types (list[str] | None | Unset): Event types or patterns (`mail.*`), repeated or comma-
            separated.
        after (int | None | Unset): Only events with a larger sequence.
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        client=client,
types=types,
after=after,
last_event_id=last_event_id,

    )).parsed
