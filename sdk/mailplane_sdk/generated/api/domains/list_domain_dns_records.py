from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.page_dns_record import PageDnsRecord
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    domain: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/domains/{domain}/dns-records".format(domain=quote(str(domain), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageDnsRecord | Problem | None:
    if response.status_code == 200:
        response_200 = PageDnsRecord.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageDnsRecord | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    domain: str,
    *,
    client: AuthenticatedClient,

) -> Response[PageDnsRecord | Problem]:
    """ List Domain Dns Records

     The DNS records the domain needs, with exact values and the outcome of the last check.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDnsRecord | Problem]
     """


    kwargs = _get_kwargs(
        domain=domain,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    domain: str,
    *,
    client: AuthenticatedClient,

) -> PageDnsRecord | Problem | None:
    """ List Domain Dns Records

     The DNS records the domain needs, with exact values and the outcome of the last check.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDnsRecord | Problem
     """


    return sync_detailed(
        domain=domain,
client=client,

    ).parsed

async def asyncio_detailed(
    domain: str,
    *,
    client: AuthenticatedClient,

) -> Response[PageDnsRecord | Problem]:
    """ List Domain Dns Records

     The DNS records the domain needs, with exact values and the outcome of the last check.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageDnsRecord | Problem]
     """


    kwargs = _get_kwargs(
        domain=domain,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    domain: str,
    *,
    client: AuthenticatedClient,

) -> PageDnsRecord | Problem | None:
    """ List Domain Dns Records

     The DNS records the domain needs, with exact values and the outcome of the last check.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageDnsRecord | Problem
     """


    return (await asyncio_detailed(
        domain=domain,
client=client,

    )).parsed
