from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_message_summary import PageMessageSummary
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    account: str,
    *,
    folder_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    unread: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    before: datetime.datetime | None | Unset = UNSET,
    has_attachments: bool | None | Unset = UNSET,
    thread_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_folder_id: None | str | Unset
    if isinstance(folder_id, Unset):
        json_folder_id = UNSET
    else:
        json_folder_id = folder_id
    params["folder_id"] = json_folder_id

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_unread: bool | None | Unset
    if isinstance(unread, Unset):
        json_unread = UNSET
    else:
        json_unread = unread
    params["unread"] = json_unread

    json_flagged: bool | None | Unset
    if isinstance(flagged, Unset):
        json_flagged = UNSET
    else:
        json_flagged = flagged
    params["flagged"] = json_flagged

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    elif isinstance(before, datetime.datetime):
        json_before = before.isoformat()
    else:
        json_before = before
    params["before"] = json_before

    json_has_attachments: bool | None | Unset
    if isinstance(has_attachments, Unset):
        json_has_attachments = UNSET
    else:
        json_has_attachments = has_attachments
    params["has_attachments"] = json_has_attachments

    json_thread_id: None | str | Unset
    if isinstance(thread_id, Unset):
        json_thread_id = UNSET
    else:
        json_thread_id = thread_id
    params["thread_id"] = json_thread_id

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
        "url": "/v1/accounts/{account}/mail/messages".format(account=quote(str(account), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageMessageSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageMessageSummary.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageMessageSummary | Problem]:
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
    folder_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    unread: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    before: datetime.datetime | None | Unset = UNSET,
    has_attachments: bool | None | Unset = UNSET,
    thread_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageMessageSummary | Problem]:
    """ List Mail Messages

     List messages newest first, in one folder or all; filter, or search with `q`.

    Search results come newest arrival first. Chinese, Japanese and Korean text is found
    by any two-character substring.

    **Scopes:** `mail:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        folder_id (None | str | Unset): One folder
        q (None | str | Unset): Full-text search with operators: from: to: subject: has:attachment
            is:unread is:flagged before:YYYY-MM-DD after:YYYY-MM-DD in:<role>, "phrases", -negation
        unread (bool | None | Unset):
        flagged (bool | None | Unset):
        from_ (None | str | Unset):
        to (None | str | Unset):
        since (datetime.datetime | None | Unset):
        before (datetime.datetime | None | Unset):
        has_attachments (bool | None | Unset):
        thread_id (None | str | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMessageSummary | Problem]
     """


    kwargs = _get_kwargs(
        account=account,
folder_id=folder_id,
q=q,
unread=unread,
flagged=flagged,
from_=from_,
to=to,
since=since,
before=before,
has_attachments=has_attachments,
thread_id=thread_id,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account: str,
    *,
    client: AuthenticatedClient,
    folder_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    unread: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    before: datetime.datetime | None | Unset = UNSET,
    has_attachments: bool | None | Unset = UNSET,
    thread_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageMessageSummary | Problem | None:
    """ List Mail Messages

     List messages newest first, in one folder or all; filter, or search with `q`.

    Search results come newest arrival first. Chinese, Japanese and Korean text is found
    by any two-character substring.

    **Scopes:** `mail:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        folder_id (None | str | Unset): One folder
        q (None | str | Unset): Full-text search with operators: from: to: subject: has:attachment
            is:unread is:flagged before:YYYY-MM-DD after:YYYY-MM-DD in:<role>, "phrases", -negation
        unread (bool | None | Unset):
        flagged (bool | None | Unset):
        from_ (None | str | Unset):
        to (None | str | Unset):
        since (datetime.datetime | None | Unset):
        before (datetime.datetime | None | Unset):
        has_attachments (bool | None | Unset):
        thread_id (None | str | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMessageSummary | Problem
     """


    return sync_detailed(
        account=account,
client=client,
folder_id=folder_id,
q=q,
unread=unread,
flagged=flagged,
from_=from_,
to=to,
since=since,
before=before,
has_attachments=has_attachments,
thread_id=thread_id,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    folder_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    unread: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    before: datetime.datetime | None | Unset = UNSET,
    has_attachments: bool | None | Unset = UNSET,
    thread_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageMessageSummary | Problem]:
    """ List Mail Messages

     List messages newest first, in one folder or all; filter, or search with `q`.

    Search results come newest arrival first. Chinese, Japanese and Korean text is found
    by any two-character substring.

    **Scopes:** `mail:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        folder_id (None | str | Unset): One folder
        q (None | str | Unset): Full-text search with operators: from: to: subject: has:attachment
            is:unread is:flagged before:YYYY-MM-DD after:YYYY-MM-DD in:<role>, "phrases", -negation
        unread (bool | None | Unset):
        flagged (bool | None | Unset):
        from_ (None | str | Unset):
        to (None | str | Unset):
        since (datetime.datetime | None | Unset):
        before (datetime.datetime | None | Unset):
        has_attachments (bool | None | Unset):
        thread_id (None | str | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMessageSummary | Problem]
     """


    kwargs = _get_kwargs(
        account=account,
folder_id=folder_id,
q=q,
unread=unread,
flagged=flagged,
from_=from_,
to=to,
since=since,
before=before,
has_attachments=has_attachments,
thread_id=thread_id,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account: str,
    *,
    client: AuthenticatedClient,
    folder_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    unread: bool | None | Unset = UNSET,
    flagged: bool | None | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    before: datetime.datetime | None | Unset = UNSET,
    has_attachments: bool | None | Unset = UNSET,
    thread_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageMessageSummary | Problem | None:
    """ List Mail Messages

     List messages newest first, in one folder or all; filter, or search with `q`.

    Search results come newest arrival first. Chinese, Japanese and Korean text is found
    by any two-character substring.

    **Scopes:** `mail:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        folder_id (None | str | Unset): One folder
        q (None | str | Unset): Full-text search with operators: from: to: subject: has:attachment
            is:unread is:flagged before:YYYY-MM-DD after:YYYY-MM-DD in:<role>, "phrases", -negation
        unread (bool | None | Unset):
        flagged (bool | None | Unset):
        from_ (None | str | Unset):
        to (None | str | Unset):
        since (datetime.datetime | None | Unset):
        before (datetime.datetime | None | Unset):
        has_attachments (bool | None | Unset):
        thread_id (None | str | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMessageSummary | Problem
     """


    return (await asyncio_detailed(
        account=account,
client=client,
folder_id=folder_id,
q=q,
unread=unread,
flagged=flagged,
from_=from_,
to=to,
since=since,
before=before,
has_attachments=has_attachments,
thread_id=thread_id,
limit=limit,
cursor=cursor,

    )).parsed
