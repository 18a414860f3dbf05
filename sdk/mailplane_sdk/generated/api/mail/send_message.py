from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.send_request import SendRequest
from ...models.send_result import SendResult
from typing import cast



def _get_kwargs(
    account: str,
    *,
    body: SendRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{account}/mail/send".format(account=quote(str(account), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SendResult | None:
    if response.status_code == 202:
        response_202 = SendResult.from_dict(response.json())



        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SendResult]:
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
    body: SendRequest,

) -> Response[Problem | SendResult]:
    """ Send Message

     Send a message (or schedule it with `send_at`).

    Local recipients, in any organisation hosted here, have it in their inbox when this
    returns; remote ones are queued for SMTP. A copy goes to Sent. Attachments come from
    committed upload sessions or inline base64; those above the link threshold reach remote
    recipients as expiring download links. Line breaks in any header field are a 422
    `header_injection`; more recipients than allowed a 422 `too_many_recipients`; a message
    over the size limit a 413.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (SendRequest): A message to send (or a draft's content). Header fields reject line
            breaks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SendResult]
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
    body: SendRequest,

) -> Problem | SendResult | None:
    """ Send Message

     Send a message (or schedule it with `send_at`).

    Local recipients, in any organisation hosted here, have it in their inbox when this
    returns; remote ones are queued for SMTP. A copy goes to Sent. Attachments come from
    committed upload sessions or inline base64; those above the link threshold reach remote
    recipients as expiring download links. Line breaks in any header field are a 422
    `header_injection`; more recipients than allowed a 422 `too_many_recipients`; a message
    over the size limit a 413.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (SendRequest): A message to send (or a draft's content). Header fields reject line
            breaks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SendResult
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
    body: SendRequest,

) -> Response[Problem | SendResult]:
    """ Send Message

     Send a message (or schedule it with `send_at`).

    Local recipients, in any organisation hosted here, have it in their inbox when this
    returns; remote ones are queued for SMTP. A copy goes to Sent. Attachments come from
    committed upload sessions or inline base64; those above the link threshold reach remote
    recipients as expiring download links. Line breaks in any header field are a 422
    `header_injection`; more recipients than allowed a 422 `too_many_recipients`; a message
    over the size limit a 413.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (SendRequest): A message to send (or a draft's content). Header fields reject line
            breaks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SendResult]
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
    body: SendRequest,

) -> Problem | SendResult | None:
    """ Send Message

     Send a message (or schedule it with `send_at`).

    Local recipients, in any organisation hosted here, have it in their inbox when this
    returns; remote ones are queued for SMTP. A copy goes to Sent. Attachments come from
    committed upload sessions or inline base64; those above the link threshold reach remote
    recipients as expiring download links. Line breaks in any header field are a 422
    `header_injection`; more recipients than allowed a 422 `too_many_recipients`; a message
    over the size limit a 413.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        body (SendRequest): A message to send (or a draft's content). Header fields reject line
            breaks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SendResult
     """


    return (await asyncio_detailed(
        account=account,
client=client,
body=body,

    )).parsed
