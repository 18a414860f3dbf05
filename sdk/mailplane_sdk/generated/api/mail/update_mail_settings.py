from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.mail_settings import MailSettings
from ...models.mail_settings_update import MailSettingsUpdate
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    account: str,
    *,
    body: MailSettingsUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/accounts/{account}/mail/settings".format(account=quote(str(account), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MailSettings | Problem | None:
    if response.status_code == 200:
        response_200 = MailSettings.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MailSettings | Problem]:
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
    body: MailSettingsUpdate,

) -> Response[MailSettings | Problem]:
    """ Update Mail Settings

     Change the mail settings (JSON merge patch; `auto_reply` and `forwarding` merge too).

    The auto-reply answers each sender once per `interval_days` between `starts_at` and
    `ends_at`, never to mailing lists, bulk or automatic mail, or a null sender (RFC 3834).
    Forwarding sends a copy of each message received to `address` where the organisation's
    `forwarding_policy` allows it (403 `forwarding_not_allowed` otherwise).

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `forwarding_not_allowed`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`,
    `validation_failed`.

    Args:
        account (str):
        body (MailSettingsUpdate): JSON merge patch of the mail settings (nested objects merge
            too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MailSettings | Problem]
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
    body: MailSettingsUpdate,

) -> MailSettings | Problem | None:
    """ Update Mail Settings

     Change the mail settings (JSON merge patch; `auto_reply` and `forwarding` merge too).

    The auto-reply answers each sender once per `interval_days` between `starts_at` and
    `ends_at`, never to mailing lists, bulk or automatic mail, or a null sender (RFC 3834).
    Forwarding sends a copy of each message received to `address` where the organisation's
    `forwarding_policy` allows it (403 `forwarding_not_allowed` otherwise).

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `forwarding_not_allowed`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`,
    `validation_failed`.

    Args:
        account (str):
        body (MailSettingsUpdate): JSON merge patch of the mail settings (nested objects merge
            too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MailSettings | Problem
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
    body: MailSettingsUpdate,

) -> Response[MailSettings | Problem]:
    """ Update Mail Settings

     Change the mail settings (JSON merge patch; `auto_reply` and `forwarding` merge too).

    The auto-reply answers each sender once per `interval_days` between `starts_at` and
    `ends_at`, never to mailing lists, bulk or automatic mail, or a null sender (RFC 3834).
    Forwarding sends a copy of each message received to `address` where the organisation's
    `forwarding_policy` allows it (403 `forwarding_not_allowed` otherwise).

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `forwarding_not_allowed`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`,
    `validation_failed`.

    Args:
        account (str):
        body (MailSettingsUpdate): JSON merge patch of the mail settings (nested objects merge
            too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MailSettings | Problem]
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
    body: MailSettingsUpdate,

) -> MailSettings | Problem | None:
    """ Update Mail Settings

     Change the mail settings (JSON merge patch; `auto_reply` and `forwarding` merge too).

    The auto-reply answers each sender once per `interval_days` between `starts_at` and
    `ends_at`, never to mailing lists, bulk or automatic mail, or a null sender (RFC 3834).
    Forwarding sends a copy of each message received to `address` where the organisation's
    `forwarding_policy` allows it (403 `forwarding_not_allowed` otherwise).

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `forwarding_not_allowed`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`,
    `validation_failed`.

    Args:
        account (str):
        body (MailSettingsUpdate): JSON merge patch of the mail settings (nested objects merge
            too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MailSettings | Problem
     """


    return (await asyncio_detailed(
        account=account,
client=client,
body=body,

    )).parsed
