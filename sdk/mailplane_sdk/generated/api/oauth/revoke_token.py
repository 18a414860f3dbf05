from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.o_auth_error import OAuthError
from ...models.revoke_token_body import RevokeTokenBody
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: RevokeTokenBody | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/revoke",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | OAuthError | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())



        return response_401

    if response.status_code == 429:
        response_429 = OAuthError.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenBody | Unset = UNSET,

) -> Response[Any | OAuthError]:
    """ Revoke Token

     RFC 7009 token revocation. Revoking either token of a pair ends both (the access token
    and its refresh token are one grant record); revoking a refresh token ends its whole
    rotation family.

    Args:
        body (RevokeTokenBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OAuthError]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenBody | Unset = UNSET,

) -> Any | OAuthError | None:
    """ Revoke Token

     RFC 7009 token revocation. Revoking either token of a pair ends both (the access token
    and its refresh token are one grant record); revoking a refresh token ends its whole
    rotation family.

    Args:
        body (RevokeTokenBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OAuthError
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenBody | Unset = UNSET,

) -> Response[Any | OAuthError]:
    """ Revoke Token

     RFC 7009 token revocation. Revoking either token of a pair ends both (the access token
    and its refresh token are one grant record); revoking a refresh token ends its whole
    rotation family.

    Args:
        body (RevokeTokenBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OAuthError]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeTokenBody | Unset = UNSET,

) -> Any | OAuthError | None:
    """ Revoke Token

     RFC 7009 token revocation. Revoking either token of a pair ends both (the access token
    and its refresh token are one grant record); revoking a refresh token ends its whole
    rotation family.

    Args:
        body (RevokeTokenBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OAuthError
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
