from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_audit_entries_category_type_0_item import ListAuditEntriesCategoryType0Item
from ...models.page_audit_entry import PageAuditEntry
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    action: None | str | Unset = UNSET,
    category: list[ListAuditEntriesCategoryType0Item] | None | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    app_id: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_category: list[str] | None | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, list):
        json_category = []
        for category_type_0_item_data in category:
            category_type_0_item = category_type_0_item_data.value
            json_category.append(category_type_0_item)


    else:
        json_category = category
    params["category"] = json_category

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_app_id: None | str | Unset
    if isinstance(app_id, Unset):
        json_app_id = UNSET
    else:
        json_app_id = app_id
    params["app_id"] = json_app_id

    json_target_id: None | str | Unset
    if isinstance(target_id, Unset):
        json_target_id = UNSET
    else:
        json_target_id = target_id
    params["target_id"] = json_target_id

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

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
        "url": "/v1/audit/entries",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageAuditEntry | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEntry.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageAuditEntry | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    action: None | str | Unset = UNSET,
    category: list[ListAuditEntriesCategoryType0Item] | None | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    app_id: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageAuditEntry | Problem]:
    """ List Audit Entries

     The organisation's audit log, newest first. Each entry has a `category`: `admin`
    (configuration and directory changes), `security` (passwords, secrets, keys),
    `data_access` (acting on a person's data), `auth` (sign-ins, consent) and `token` (OAuth
    tokens). The default view shows the administrative ones: `admin`, `security` and
    `data_access`; ask for `category=auth`, `category=token` or `category=all` for the rest.

    **Scopes:** `audit:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        action (None | str | Unset): Exact action, or a prefix ending in `*`.
        category (list[ListAuditEntriesCategoryType0Item] | None | Unset): Only these categories
            (repeat the parameter). Default: `admin`, `security` and `data_access`, or every category
            when `action` is given; `all` shows every one.
        actor_id (None | str | Unset):
        app_id (None | str | Unset):
        target_id (None | str | Unset):
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntry | Problem]
     """


    kwargs = _get_kwargs(
        action=action,
category=category,
actor_id=actor_id,
app_id=app_id,
target_id=target_id,
since=since,
until=until,
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
    action: None | str | Unset = UNSET,
    category: list[ListAuditEntriesCategoryType0Item] | None | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    app_id: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageAuditEntry | Problem | None:
    """ List Audit Entries

     The organisation's audit log, newest first. Each entry has a `category`: `admin`
    (configuration and directory changes), `security` (passwords, secrets, keys),
    `data_access` (acting on a person's data), `auth` (sign-ins, consent) and `token` (OAuth
    tokens). The default view shows the administrative ones: `admin`, `security` and
    `data_access`; ask for `category=auth`, `category=token` or `category=all` for the rest.

    **Scopes:** `audit:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        action (None | str | Unset): Exact action, or a prefix ending in `*`.
        category (list[ListAuditEntriesCategoryType0Item] | None | Unset): Only these categories
            (repeat the parameter). Default: `admin`, `security` and `data_access`, or every category
            when `action` is given; `all` shows every one.
        actor_id (None | str | Unset):
        app_id (None | str | Unset):
        target_id (None | str | Unset):
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntry | Problem
     """


    return sync_detailed(
        client=client,
action=action,
category=category,
actor_id=actor_id,
app_id=app_id,
target_id=target_id,
since=since,
until=until,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    action: None | str | Unset = UNSET,
    category: list[ListAuditEntriesCategoryType0Item] | None | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    app_id: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageAuditEntry | Problem]:
    """ List Audit Entries

     The organisation's audit log, newest first. Each entry has a `category`: `admin`
    (configuration and directory changes), `security` (passwords, secrets, keys),
    `data_access` (acting on a person's data), `auth` (sign-ins, consent) and `token` (OAuth
    tokens). The default view shows the administrative ones: `admin`, `security` and
    `data_access`; ask for `category=auth`, `category=token` or `category=all` for the rest.

    **Scopes:** `audit:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        action (None | str | Unset): Exact action, or a prefix ending in `*`.
        category (list[ListAuditEntriesCategoryType0Item] | None | Unset): Only these categories
            (repeat the parameter). Default: `admin`, `security` and `data_access`, or every category
            when `action` is given; `all` shows every one.
        actor_id (None | str | Unset):
        app_id (None | str | Unset):
        target_id (None | str | Unset):
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEntry | Problem]
     """


    kwargs = _get_kwargs(
        action=action,
category=category,
actor_id=actor_id,
app_id=app_id,
target_id=target_id,
since=since,
until=until,
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
    action: None | str | Unset = UNSET,
    category: list[ListAuditEntriesCategoryType0Item] | None | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    app_id: None | str | Unset = UNSET,
    target_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageAuditEntry | Problem | None:
    """ List Audit Entries

     The organisation's audit log, newest first. Each entry has a `category`: `admin`
    (configuration and directory changes), `security` (passwords, secrets, keys),
    `data_access` (acting on a person's data), `auth` (sign-ins, consent) and `token` (OAuth
    tokens). The default view shows the administrative ones: `admin`, `security` and
    `data_access`; ask for `category=auth`, `category=token` or `category=all` for the rest.

    **Scopes:** `audit:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        action (None | str | Unset): Exact action, or a prefix ending in `*`.
        category (list[ListAuditEntriesCategoryType0Item] | None | Unset): Only these categories
            (repeat the parameter). Default: `admin`, `security` and `data_access`, or every category
            when `action` is given; `all` shows every one.
        actor_id (None | str | Unset):
        app_id (None | str | Unset):
        target_id (None | str | Unset):
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEntry | Problem
     """


    return (await asyncio_detailed(
        client=client,
action=action,
category=category,
actor_id=actor_id,
app_id=app_id,
target_id=target_id,
since=since,
until=until,
limit=limit,
cursor=cursor,

    )).parsed
