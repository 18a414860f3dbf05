from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.event import Event
from ...models.event_update import EventUpdate
from ...models.problem import Problem
from ...models.update_calendar_event_scope_type_0 import UpdateCalendarEventScopeType0
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    account: str,
    event_id: str,
    *,
    body: EventUpdate,
    scope: None | Unset | UpdateCalendarEventScopeType0 = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    json_scope: None | str | Unset
    if isinstance(scope, Unset):
        json_scope = UNSET
    elif isinstance(scope, UpdateCalendarEventScopeType0):
        json_scope = scope.value
    else:
        json_scope = scope
    params["scope"] = json_scope


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/accounts/{account}/calendar/events/{event_id}".format(account=quote(str(account), safe=""),event_id=quote(str(event_id), safe=""),),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Event | Problem | None:
    if response.status_code == 200:
        response_200 = Event.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Event | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: EventUpdate,
    scope: None | Unset | UpdateCalendarEventScopeType0 = UNSET,

) -> Response[Event | Problem]:
    """ Update Calendar Event

     Change an event (JSON merge patch). For an instance id, `scope` picks this instance
    (default), this and following (the series is split), or the whole series (moved by as
    much as this instance moves). Attendees are sent an updated invitation.

    **Scopes:** `calendar:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        event_id (str):
        scope (None | Unset | UpdateCalendarEventScopeType0): For an instance id: this instance
            (default), this and following, or the series.
        body (EventUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Event | Problem]
     """


    kwargs = _get_kwargs(
        account=account,
event_id=event_id,
body=body,
scope=scope,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: EventUpdate,
    scope: None | Unset | UpdateCalendarEventScopeType0 = UNSET,

) -> Event | Problem | None:
    """ Update Calendar Event

     Change an event (JSON merge patch). For an instance id, `scope` picks this instance
    (default), this and following (the series is split), or the whole series (moved by as
    much as this instance moves). Attendees are sent an updated invitation.

    **Scopes:** `calendar:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        event_id (str):
        scope (None | Unset | UpdateCalendarEventScopeType0): For an instance id: this instance
            (default), this and following, or the series.
        body (EventUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Event | Problem
     """


    return sync_detailed(
        account=account,
event_id=event_id,
client=client,
body=body,
scope=scope,

    ).parsed

async def asyncio_detailed(
    account: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: EventUpdate,
    scope: None | Unset | UpdateCalendarEventScopeType0 = UNSET,

) -> Response[Event | Problem]:
    """ Update Calendar Event

     Change an event (JSON merge patch). For an instance id, `scope` picks this instance
    (default), this and following (the series is split), or the whole series (moved by as
    much as this instance moves). Attendees are sent an updated invitation.

    **Scopes:** `calendar:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        event_id (str):
        scope (None | Unset | UpdateCalendarEventScopeType0): For an instance id: this instance
            (default), this and following, or the series.
        body (EventUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Event | Problem]
     """


    kwargs = _get_kwargs(
        account=account,
event_id=event_id,
body=body,
scope=scope,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: EventUpdate,
    scope: None | Unset | UpdateCalendarEventScopeType0 = UNSET,

) -> Event | Problem | None:
    """ Update Calendar Event

     Change an event (JSON merge patch). For an instance id, `scope` picks this instance
    (default), this and following (the series is split), or the whole series (moved by as
    much as this instance moves). Attendees are sent an updated invitation.

    **Scopes:** `calendar:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        event_id (str):
        scope (None | Unset | UpdateCalendarEventScopeType0): For an instance id: this instance
            (default), this and following, or the series.
        body (EventUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Event | Problem
     """


    return (await asyncio_detailed(
        account=account,
event_id=event_id,
client=client,
body=body,
scope=scope,

    )).parsed
