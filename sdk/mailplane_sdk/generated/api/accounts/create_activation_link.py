from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.activation_link import ActivationLink
from ...models.activation_link_create import ActivationLinkCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    account: str,
    *,
    body: ActivationLinkCreate | None | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{account}/activation-links".format(account=quote(str(account), safe=""),),
    }

    
    if isinstance(body, ActivationLinkCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ActivationLink | Problem | None:
    if response.status_code == 201:
        response_201 = ActivationLink.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ActivationLink | Problem]:
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
    body: ActivationLinkCreate | None | Unset = UNSET,

) -> Response[ActivationLink | Problem]:
    """ Create Activation Link

     A one-time set-password link for a new or reset account (scope `directory:write`,
    administrators). The URL is in this response only: deliver it through your own channel
    (OA message, SMS) or set `send_to_recovery_email` to mail it to the account's
    `recovery_email` in the person's language. It works once, until `expires_at`; a new
    link retires older ones. `revoke_password` makes it a reset (the current password and
    tokens end now). 409 `account_frozen` / `account_deleted`; 422 `no_recovery_email`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_frozen`, `already_exists`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `invalid_next`,
    `link_invalid`, `malformed_request`, `no_recovery_email`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        body (ActivationLinkCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivationLink | Problem]
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
    body: ActivationLinkCreate | None | Unset = UNSET,

) -> ActivationLink | Problem | None:
    """ Create Activation Link

     A one-time set-password link for a new or reset account (scope `directory:write`,
    administrators). The URL is in this response only: deliver it through your own channel
    (OA message, SMS) or set `send_to_recovery_email` to mail it to the account's
    `recovery_email` in the person's language. It works once, until `expires_at`; a new
    link retires older ones. `revoke_password` makes it a reset (the current password and
    tokens end now). 409 `account_frozen` / `account_deleted`; 422 `no_recovery_email`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_frozen`, `already_exists`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `invalid_next`,
    `link_invalid`, `malformed_request`, `no_recovery_email`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        body (ActivationLinkCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivationLink | Problem
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
    body: ActivationLinkCreate | None | Unset = UNSET,

) -> Response[ActivationLink | Problem]:
    """ Create Activation Link

     A one-time set-password link for a new or reset account (scope `directory:write`,
    administrators). The URL is in this response only: deliver it through your own channel
    (OA message, SMS) or set `send_to_recovery_email` to mail it to the account's
    `recovery_email` in the person's language. It works once, until `expires_at`; a new
    link retires older ones. `revoke_password` makes it a reset (the current password and
    tokens end now). 409 `account_frozen` / `account_deleted`; 422 `no_recovery_email`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_frozen`, `already_exists`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `invalid_next`,
    `link_invalid`, `malformed_request`, `no_recovery_email`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        body (ActivationLinkCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivationLink | Problem]
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
    body: ActivationLinkCreate | None | Unset = UNSET,

) -> ActivationLink | Problem | None:
    """ Create Activation Link

     A one-time set-password link for a new or reset account (scope `directory:write`,
    administrators). The URL is in this response only: deliver it through your own channel
    (OA message, SMS) or set `send_to_recovery_email` to mail it to the account's
    `recovery_email` in the person's language. It works once, until `expires_at`; a new
    link retires older ones. `revoke_password` makes it a reset (the current password and
    tokens end now). 409 `account_frozen` / `account_deleted`; 422 `no_recovery_email`.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `account_deleted`, `account_frozen`, `already_exists`, `conflict`, `forbidden`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `invalid_next`,
    `link_invalid`, `malformed_request`, `no_recovery_email`, `not_found`, `payload_too_large`,
    `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        body (ActivationLinkCreate | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivationLink | Problem
     """


    return (await asyncio_detailed(
        account=account,
client=client,
body=body,

    )).parsed
