from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.upload import Upload
from ...types import File, FileTypes
from io import BytesIO
from typing import cast



def _get_kwargs(
    upload_id: str,
    *,
    body: File,
    content_range: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Content-Range"] = content_range



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/uploads/{upload_id}".format(upload_id=quote(str(upload_id), safe=""),),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Upload | None:
    if response.status_code == 200:
        response_200 = Upload.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Upload]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: File,
    content_range: str,

) -> Response[Problem | Upload]:
    """ Put Mail Upload Chunk

     Upload one chunk: the body is the bytes of `Content-Range: bytes a-b/total`.

    416 for a range outside the file, 422 for a total other than the declared size, an
    overlap with bytes already received (`range_overlap`) or a body of the wrong length.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Upload]
     """


    kwargs = _get_kwargs(
        upload_id=upload_id,
body=body,
content_range=content_range,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: File,
    content_range: str,

) -> Problem | Upload | None:
    """ Put Mail Upload Chunk

     Upload one chunk: the body is the bytes of `Content-Range: bytes a-b/total`.

    416 for a range outside the file, 422 for a total other than the declared size, an
    overlap with bytes already received (`range_overlap`) or a body of the wrong length.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Upload
     """


    return sync_detailed(
        upload_id=upload_id,
client=client,
body=body,
content_range=content_range,

    ).parsed

async def asyncio_detailed(
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: File,
    content_range: str,

) -> Response[Problem | Upload]:
    """ Put Mail Upload Chunk

     Upload one chunk: the body is the bytes of `Content-Range: bytes a-b/total`.

    416 for a range outside the file, 422 for a total other than the declared size, an
    overlap with bytes already received (`range_overlap`) or a body of the wrong length.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Upload]
     """


    kwargs = _get_kwargs(
        upload_id=upload_id,
body=body,
content_range=content_range,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    upload_id: str,
    *,
    client: AuthenticatedClient,
    body: File,
    content_range: str,

) -> Problem | Upload | None:
    """ Put Mail Upload Chunk

     Upload one chunk: the body is the bytes of `Content-Range: bytes a-b/total`.

    416 for a range outside the file, 422 for a total other than the declared size, an
    overlap with bytes already received (`range_overlap`) or a body of the wrong length.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Upload
     """


    return (await asyncio_detailed(
        upload_id=upload_id,
client=client,
body=body,
content_range=content_range,

    )).parsed
