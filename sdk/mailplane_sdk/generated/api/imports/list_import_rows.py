from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_import_rows_status_type_0 import ListImportRowsStatusType0
from ...models.page_directory_import_row import PageDirectoryImportRow
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    import_id: str,
    *,
    status: ListImportRowsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListImportRowsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/v1/directory/imports/{import_id}/rows".format(import_id=quote(str(import_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDirectoryImportRow | Problem | None:
    if response.status_code == 200:
        response_200 = PageDirectoryImportRow.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageDirectoryImportRow | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    import_id: str,
    *,
    client: AuthenticatedClient,
    status: ListImportRowsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDirectoryImportRow | Problem]:
    """ List Import Rows

     Per-row results in file order: `created | updated | unchanged | error` with the reason.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        status (ListImportRowsStatusType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDirectoryImportRow | Problem]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    import_id: str,
    *,
    client: AuthenticatedClient,
    status: ListImportRowsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDirectoryImportRow | Problem | None:
    """ List Import Rows

     Per-row results in file order: `created | updated | unchanged | error` with the reason.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        status (ListImportRowsStatusType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDirectoryImportRow | Problem
     """


    return sync_detailed(
        import_id=import_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    import_id: str,
    *,
    client: AuthenticatedClient,
    status: ListImportRowsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageDirectoryImportRow | Problem]:
    """ List Import Rows

     Per-row results in file order: `created | updated | unchanged | error` with the reason.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        status (ListImportRowsStatusType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDirectoryImportRow | Problem]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    import_id: str,
    *,
    client: AuthenticatedClient,
    status: ListImportRowsStatusType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageDirectoryImportRow | Problem | None:
    """ List Import Rows

     Per-row results in file order: `created | updated | unchanged | error` with the reason.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        status (ListImportRowsStatusType0 | None | Unset):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDirectoryImportRow | Problem
     """


    return (await asyncio_detailed(
        import_id=import_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
