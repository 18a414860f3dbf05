from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_activation_links_create import ImportActivationLinksCreate
from ...models.page_import_activation_link import PageImportActivationLink
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    import_id: str,
    *,
    body: ImportActivationLinksCreate | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/directory/imports/{import_id}/activation-links".format(import_id=quote(str(import_id), safe=""),),
        "params": params,
    }

    
    if isinstance(body, ImportActivationLinksCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageImportActivationLink | Problem | None:
    if response.status_code == 200:
        response_200 = PageImportActivationLink.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageImportActivationLink | Problem]:
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
    body: ImportActivationLinksCreate | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageImportActivationLink | Problem]:
    """ Create Import Activation Links

     One-time set-password links for the accounts this import created without a password
    (rows with an empty password column), in row order, `limit` per call (follow
    `next_cursor`). Each URL is in this response only: deliver it through your own channel,
    or set `send_to_recovery_email` to mail it to the account's `recovery_email`. Asking
    again issues new links and retires the earlier ones; activated accounts drop out.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.
        body (ImportActivationLinksCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageImportActivationLink | Problem]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
body=body,
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
    body: ImportActivationLinksCreate | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageImportActivationLink | Problem | None:
    """ Create Import Activation Links

     One-time set-password links for the accounts this import created without a password
    (rows with an empty password column), in row order, `limit` per call (follow
    `next_cursor`). Each URL is in this response only: deliver it through your own channel,
    or set `send_to_recovery_email` to mail it to the account's `recovery_email`. Asking
    again issues new links and retires the earlier ones; activated accounts drop out.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.
        body (ImportActivationLinksCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageImportActivationLink | Problem
     """


    return sync_detailed(
        import_id=import_id,
client=client,
body=body,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    import_id: str,
    *,
    client: AuthenticatedClient,
    body: ImportActivationLinksCreate | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageImportActivationLink | Problem]:
    """ Create Import Activation Links

     One-time set-password links for the accounts this import created without a password
    (rows with an empty password column), in row order, `limit` per call (follow
    `next_cursor`). Each URL is in this response only: deliver it through your own channel,
    or set `send_to_recovery_email` to mail it to the account's `recovery_email`. Asking
    again issues new links and retires the earlier ones; activated accounts drop out.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.
        body (ImportActivationLinksCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageImportActivationLink | Problem]
     """


    kwargs = _get_kwargs(
        import_id=import_id,
body=body,
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
    body: ImportActivationLinksCreate | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageImportActivationLink | Problem | None:
    """ Create Import Activation Links

     One-time set-password links for the accounts this import created without a password
    (rows with an empty password column), in row order, `limit` per call (follow
    `next_cursor`). Each URL is in this response only: deliver it through your own channel,
    or set `send_to_recovery_email` to mail it to the account's `recovery_email`. Asking
    again issues new links and retires the earlier ones; activated accounts drop out.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        import_id (str):
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.
        body (ImportActivationLinksCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageImportActivationLink | Problem
     """


    return (await asyncio_detailed(
        import_id=import_id,
client=client,
body=body,
limit=limit,
cursor=cursor,

    )).parsed
