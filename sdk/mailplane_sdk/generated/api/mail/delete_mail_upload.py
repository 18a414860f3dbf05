from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    upload_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/uploads/{upload_id}".format(upload_id=quote(str(upload_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
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

) -> Response[Any | Problem]:
    """ Delete Mail Upload

     Cancel an upload and discard its bytes.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        upload_id=upload_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    upload_id: str,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Delete Mail Upload

     Cancel an upload and discard its bytes.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        upload_id=upload_id,
client=client,

    ).parsed

async def asyncio_detailed(
    upload_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Delete Mail Upload

     Cancel an upload and discard its bytes.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        upload_id=upload_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    upload_id: str,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Delete Mail Upload

     Cancel an upload and discard its bytes.

    **Scopes:** none beyond a valid token; what it may reach is checked per resource (its own account,
    or an administrator's).

    **Problem codes:** `already_exists`, `blob_vanished`, `checksum_mismatch`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `range_not_satisfiable`, `rate_limited`,
    `size_mismatch`, `unauthorized`, `upload_committed`, `upload_incomplete`, `validation_failed`.

    Args:
        upload_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        upload_id=upload_id,
client=client,

    )).parsed
