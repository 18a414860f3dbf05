from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_rooms_kind_type_0 import ListRoomsKindType0
from ...models.page_room import PageRoom
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    min_capacity: int | None | Unset = UNSET,
    building: None | str | Unset = UNSET,
    floor: None | str | Unset = UNSET,
    kind: ListRoomsKindType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_min_capacity: int | None | Unset
    if isinstance(min_capacity, Unset):
        json_min_capacity = UNSET
    else:
        json_min_capacity = min_capacity
    params["min_capacity"] = json_min_capacity

    json_building: None | str | Unset
    if isinstance(building, Unset):
        json_building = UNSET
    else:
        json_building = building
    params["building"] = json_building

    json_floor: None | str | Unset
    if isinstance(floor, Unset):
        json_floor = UNSET
    else:
        json_floor = floor
    params["floor"] = json_floor

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ListRoomsKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

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
        "url": "/v1/calendar/rooms",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageRoom | Problem | None:
    if response.status_code == 200:
        response_200 = PageRoom.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageRoom | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    min_capacity: int | None | Unset = UNSET,
    building: None | str | Unset = UNSET,
    floor: None | str | Unset = UNSET,
    kind: ListRoomsKindType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageRoom | Problem]:
    """ List Rooms

     List and search the organisation's rooms and resources.

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (None | str | Unset): Search name, building, address.
        min_capacity (int | None | Unset):
        building (None | str | Unset):
        floor (None | str | Unset):
        kind (ListRoomsKindType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRoom | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
min_capacity=min_capacity,
building=building,
floor=floor,
kind=kind,
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
    q: None | str | Unset = UNSET,
    min_capacity: int | None | Unset = UNSET,
    building: None | str | Unset = UNSET,
    floor: None | str | Unset = UNSET,
    kind: ListRoomsKindType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageRoom | Problem | None:
    """ List Rooms

     List and search the organisation's rooms and resources.

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (None | str | Unset): Search name, building, address.
        min_capacity (int | None | Unset):
        building (None | str | Unset):
        floor (None | str | Unset):
        kind (ListRoomsKindType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRoom | Problem
     """


    return sync_detailed(
        client=client,
q=q,
min_capacity=min_capacity,
building=building,
floor=floor,
kind=kind,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    min_capacity: int | None | Unset = UNSET,
    building: None | str | Unset = UNSET,
    floor: None | str | Unset = UNSET,
    kind: ListRoomsKindType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageRoom | Problem]:
    """ List Rooms

     List and search the organisation's rooms and resources.

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (None | str | Unset): Search name, building, address.
        min_capacity (int | None | Unset):
        building (None | str | Unset):
        floor (None | str | Unset):
        kind (ListRoomsKindType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageRoom | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
min_capacity=min_capacity,
building=building,
floor=floor,
kind=kind,
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
    q: None | str | Unset = UNSET,
    min_capacity: int | None | Unset = UNSET,
    building: None | str | Unset = UNSET,
    floor: None | str | Unset = UNSET,
    kind: ListRoomsKindType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageRoom | Problem | None:
    """ List Rooms

     List and search the organisation's rooms and resources.

    **Scopes:** `calendar:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (None | str | Unset): Search name, building, address.
        min_capacity (int | None | Unset):
        building (None | str | Unset):
        floor (None | str | Unset):
        kind (ListRoomsKindType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageRoom | Problem
     """


    return (await asyncio_detailed(
        client=client,
q=q,
min_capacity=min_capacity,
building=building,
floor=floor,
kind=kind,
limit=limit,
cursor=cursor,

    )).parsed
