from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.draft_send import DraftSend
from ...models.problem import Problem
from ...models.send_result import SendResult
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    account: str,
    draft_id: str,
    *,
    body: DraftSend | None | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{account}/mail/drafts/{draft_id}/send".format(account=quote(str(account), safe=""),draft_id=quote(str(draft_id), safe=""),),
    }

    
    if isinstance(body, DraftSend):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

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
    draft_id: str,
    *,
    client: AuthenticatedClient,
    body: DraftSend | None | Unset = UNSET,

) -> Response[Problem | SendResult]:
    """ Send Mail Draft

     Send a draft; it leaves Drafts and its copy is in Sent.

    With `send_at` more than 5 seconds ahead, the draft is checked now (recipients, size)
    and waits in Outbox until then: list it with `GET …/mail/scheduled`, cancel it with
    `POST …/mail/scheduled/{message_id}/cancel`. A web client's "undo send" is a
    `send_at` a few seconds ahead.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        draft_id (str):
        body (DraftSend | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SendResult]
     """


    kwargs = _get_kwargs(
        account=account,
draft_id=draft_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account: str,
    draft_id: str,
    *,
    client: AuthenticatedClient,
    body: DraftSend | None | Unset = UNSET,

) -> Problem | SendResult | None:
    """ Send Mail Draft

     Send a draft; it leaves Drafts and its copy is in Sent.

    With `send_at` more than 5 seconds ahead, the draft is checked now (recipients, size)
    and waits in Outbox until then: list it with `GET …/mail/scheduled`, cancel it with
    `POST …/mail/scheduled/{message_id}/cancel`. A web client's "undo send" is a
    `send_at` a few seconds ahead.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        draft_id (str):
        body (DraftSend | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SendResult
     """


    return sync_detailed(
        account=account,
draft_id=draft_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    account: str,
    draft_id: str,
    *,
    client: AuthenticatedClient,
    body: DraftSend | None | Unset = UNSET,

) -> Response[Problem | SendResult]:
    """ Send Mail Draft

     Send a draft; it leaves Drafts and its copy is in Sent.

    With `send_at` more than 5 seconds ahead, the draft is checked now (recipients, size)
    and waits in Outbox until then: list it with `GET …/mail/scheduled`, cancel it with
    `POST …/mail/scheduled/{message_id}/cancel`. A web client's "undo send" is a
    `send_at` a few seconds ahead.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        draft_id (str):
        body (DraftSend | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SendResult]
     """


    kwargs = _get_kwargs(
        account=account,
draft_id=draft_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account: str,
    draft_id: str,
    *,
    client: AuthenticatedClient,
    body: DraftSend | None | Unset = UNSET,

) -> Problem | SendResult | None:
    """ Send Mail Draft

     Send a draft; it leaves Drafts and its copy is in Sent.

    With `send_at` more than 5 seconds ahead, the draft is checked now (recipients, size)
    and waits in Outbox until then: list it with `GET …/mail/scheduled`, cancel it with
    `POST …/mail/scheduled/{message_id}/cancel`. A web client's "undo send" is a
    `send_at` a few seconds ahead.

    **Scopes:** `mail:send`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `gone`, `header_injection`,
    `idempotency_in_progress`, `idempotency_key_reused`, `insufficient_scope`, `malformed_request`,
    `not_found`, `not_scheduled`, `payload_too_large`, `precondition_failed`, `quota_exceeded`,
    `rate_limited`, `send_as_denied`, `too_many_recipients`, `unauthorized`, `unknown_recipient`,
    `upload_incomplete`, `validation_failed`.

    Args:
        account (str):
        draft_id (str):
        body (DraftSend | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SendResult
     """


    return (await asyncio_detailed(
        account=account,
draft_id=draft_id,
client=client,
body=body,

    )).parsed
