from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.autocomplete_result import AutocompleteResult
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: str,
    account: None | str | Unset = UNSET,
    limit: int | Unset = 10,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["q"] = q

    json_account: None | str | Unset
    if isinstance(account, Unset):
        json_account = UNSET
    else:
        json_account = account
    params["account"] = json_account

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contacts/autocomplete",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AutocompleteResult | Problem | None:
    if response.status_code == 200:
        response_200 = AutocompleteResult.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AutocompleteResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    account: None | str | Unset = UNSET,
    limit: int | Unset = 10,

) -> Response[AutocompleteResult | Problem]:
    """ Autocomplete Contacts

     Suggest recipients as the user types: personal contacts, directory accounts and
    groups not hidden from the address book, those with recent mail first.

    **Scopes:** `contacts:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (str): What the user typed.
        account (None | str | Unset): Whose personal contacts and mail to use (id, address or
            `me`); a token acting for a user always uses that user.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutocompleteResult | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
account=account,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    q: str,
    account: None | str | Unset = UNSET,
    limit: int | Unset = 10,

) -> AutocompleteResult | Problem | None:
    """ Autocomplete Contacts

     Suggest recipients as the user types: personal contacts, directory accounts and
    groups not hidden from the address book, those with recent mail first.

    **Scopes:** `contacts:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (str): What the user typed.
        account (None | str | Unset): Whose personal contacts and mail to use (id, address or
            `me`); a token acting for a user always uses that user.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutocompleteResult | Problem
     """


    return sync_detailed(
        client=client,
q=q,
account=account,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str,
    account: None | str | Unset = UNSET,
    limit: int | Unset = 10,

) -> Response[AutocompleteResult | Problem]:
    """ Autocomplete Contacts

     Suggest recipients as the user types: personal contacts, directory accounts and
    groups not hidden from the address book, those with recent mail first.

    **Scopes:** `contacts:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (str): What the user typed.
        account (None | str | Unset): Whose personal contacts and mail to use (id, address or
            `me`); a token acting for a user always uses that user.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutocompleteResult | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
account=account,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str,
    account: None | str | Unset = UNSET,
    limit: int | Unset = 10,

) -> AutocompleteResult | Problem | None:
    """ Autocomplete Contacts

     Suggest recipients as the user types: personal contacts, directory accounts and
    groups not hidden from the address book, those with recent mail first.

    **Scopes:** `contacts:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        q (str): What the user typed.
        account (None | str | Unset): Whose personal contacts and mail to use (id, address or
            `me`); a token acting for a user always uses that user.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutocompleteResult | Problem
     """


    return (await asyncio_detailed(
        client=client,
q=q,
account=account,
limit=limit,

    )).parsed
