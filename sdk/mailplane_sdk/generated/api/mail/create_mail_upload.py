from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.upload import Upload
from ...models.upload_create import UploadCreate
from typing import cast



def _get_kwargs(
    account: str,
    *,
    body: UploadCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{account}/mail/uploads".format(account=quote(str(account), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Upload | None:
    if response.status_code == 201:
        response_201 = Upload.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Upload]:
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
    body: UploadCreate,

) -> Response[Problem | Upload]:
    """ Create Mail Upload

     Start a resumable upload of a file to attach (any size up to the configured limit).

    PUT its bytes to `upload_url` in chunks with `Content-Range`, in any order; GET it to
    see which ranges arrived; commit it; then attach it by `upload_id`. Unfinished uploads
    expire after 24 hours.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (UploadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Upload]
     """


    kwargs = _get_kwargs(
        account=account,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account: str,
    *,
    client: AuthenticatedClient,
    body: UploadCreate,

) -> Problem | Upload | None:
    """ Create Mail Upload

     Start a resumable upload of a file to attach (any size up to the configured limit).

    PUT its bytes to `upload_url` in chunks with `Content-Range`, in any order; GET it to
    see which ranges arrived; commit it; then attach it by `upload_id`. Unfinished uploads
    expire after 24 hours.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (UploadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Upload
     """


    return sync_detailed(
        account=account,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    account: str,
    *,
    client: AuthenticatedClient,
    body: UploadCreate,

) -> Response[Problem | Upload]:
    """ Create Mail Upload

     Start a resumable upload of a file to attach (any size up to the configured limit).

    PUT its bytes to `upload_url` in chunks with `Content-Range`, in any order; GET it to
    see which ranges arrived; commit it; then attach it by `upload_id`. Unfinished uploads
    expire after 24 hours.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (UploadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Upload]
     """


    kwargs = _get_kwargs(
        account=account,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account: str,
    *,
    client: AuthenticatedClient,
    body: UploadCreate,

) -> Problem | Upload | None:
    """ Create Mail Upload

     Start a resumable upload of a file to attach (any size up to the configured limit).

    PUT its bytes to `upload_url` in chunks with `Content-Range`, in any order; GET it to
    see which ranges arrived; commit it; then attach it by `upload_id`. Unfinished uploads
    expire after 24 hours.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (UploadCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Upload
     """


    return (await asyncio_detailed(
        account=account,
client=client,
body=body,

    )).parsed
