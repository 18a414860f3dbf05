from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.organization_stats import OrganizationStats
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organization/stats",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrganizationStats | Problem | None:
    if response.status_code == 200:
        response_200 = OrganizationStats.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrganizationStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[OrganizationStats | Problem]:
    """ Get Organization Stats

     Totals for the admin console's overview: accounts by state, mailbox storage and
    quota use (accounts at 90 % or more of their quota), domains by DNS state, and the
    mail received, sent and bounced in the last 24 hours (counted in the event log).
    Administrators only (scope `directory:read`).

    **Scopes:** `directory:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationStats | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> OrganizationStats | Problem | None:
    """ Get Organization Stats

     Totals for the admin console's overview: accounts by state, mailbox storage and
    quota use (accounts at 90 % or more of their quota), domains by DNS state, and the
    mail received, sent and bounced in the last 24 hours (counted in the event log).
    Administrators only (scope `directory:read`).

    **Scopes:** `directory:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationStats | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[OrganizationStats | Problem]:
    """ Get Organization Stats

     Totals for the admin console's overview: accounts by state, mailbox storage and
    quota use (accounts at 90 % or more of their quota), domains by DNS state, and the
    mail received, sent and bounced in the last 24 hours (counted in the event log).
    Administrators only (scope `directory:read`).

    **Scopes:** `directory:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationStats | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> OrganizationStats | Problem | None:
    """ Get Organization Stats

     Totals for the admin console's overview: accounts by state, mailbox storage and
    quota use (accounts at 90 % or more of their quota), domains by DNS state, and the
    mail received, sent and bounced in the last 24 hours (counted in the event log).
    Administrators only (scope `directory:read`).

    **Scopes:** `directory:read` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationStats | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
