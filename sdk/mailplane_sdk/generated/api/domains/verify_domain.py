from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.domain_verification import DomainVerification
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    domain: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/domains/{domain}/verify".format(domain=quote(str(domain), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DomainVerification | Problem | None:
    if response.status_code == 200:
        response_200 = DomainVerification.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DomainVerification | Problem]:
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

) -> Response[DomainVerification | Problem]:
    """ Verify Domain

     Check the domain's DNS now, against the configured resolver.

    Each record is `ok`, `missing` or `mismatch` with the values found; the domain is
    `verified` when MX and SPF are ok (SPF evaluated with includes followed; more than 10
    DNS lookups is a permerror). A pending DKIM key whose record is ok becomes the signing
    key. 503 `dns_unavailable` when the resolver cannot answer.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `dkim_rotation_pending`, `domain_has_aliases`,
    `domain_in_use`, `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`,
    `insufficient_scope`, `malformed_request`, `not_found`, `payload_too_large`, `precondition_failed`,
    `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DomainVerification | Problem]
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

) -> DomainVerification | Problem | None:
    """ Verify Domain

     Check the domain's DNS now, against the configured resolver.

    Each record is `ok`, `missing` or `mismatch` with the values found; the domain is
    `verified` when MX and SPF are ok (SPF evaluated with includes followed; more than 10
    DNS lookups is a permerror). A pending DKIM key whose record is ok becomes the signing
    key. 503 `dns_unavailable` when the resolver cannot answer.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `dkim_rotation_pending`, `domain_has_aliases`,
    `domain_in_use`, `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`,
    `insufficient_scope`, `malformed_request`, `not_found`, `payload_too_large`, `precondition_failed`,
    `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DomainVerification | Problem
     """


    return sync_detailed(
        domain=domain,
client=client,

    ).parsed

async def asyncio_detailed(
    domain: str,
    *,
    client: AuthenticatedClient,

) -> Response[DomainVerification | Problem]:
    """ Verify Domain

     Check the domain's DNS now, against the configured resolver.

    Each record is `ok`, `missing` or `mismatch` with the values found; the domain is
    `verified` when MX and SPF are ok (SPF evaluated with includes followed; more than 10
    DNS lookups is a permerror). A pending DKIM key whose record is ok becomes the signing
    key. 503 `dns_unavailable` when the resolver cannot answer.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `dkim_rotation_pending`, `domain_has_aliases`,
    `domain_in_use`, `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`,
    `insufficient_scope`, `malformed_request`, `not_found`, `payload_too_large`, `precondition_failed`,
    `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DomainVerification | Problem]
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

) -> DomainVerification | Problem | None:
    """ Verify Domain

     Check the domain's DNS now, against the configured resolver.

    Each record is `ok`, `missing` or `mismatch` with the values found; the domain is
    `verified` when MX and SPF are ok (SPF evaluated with includes followed; more than 10
    DNS lookups is a permerror). A pending DKIM key whose record is ok becomes the signing
    key. 503 `dns_unavailable` when the resolver cannot answer.

    **Scopes:** `domains:admin` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `dkim_rotation_pending`, `domain_has_aliases`,
    `domain_in_use`, `forbidden`, `idempotency_in_progress`, `idempotency_key_reused`,
    `insufficient_scope`, `malformed_request`, `not_found`, `payload_too_large`, `precondition_failed`,
    `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        domain (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DomainVerification | Problem
     """


    return (await asyncio_detailed(
        domain=domain,
client=client,

    )).parsed
