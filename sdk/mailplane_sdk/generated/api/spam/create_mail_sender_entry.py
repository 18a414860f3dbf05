from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_mail_sender_entry_list import CreateMailSenderEntryList
from ...models.problem import Problem
from ...models.sender_entry import SenderEntry
from ...models.sender_entry_create import SenderEntryCreate
from typing import cast



def _get_kwargs(
    account: str,
    list_: CreateMailSenderEntryList,
    *,
    body: SenderEntryCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{account}/mail/sender_lists/{list_}".format(account=quote(str(account), safe=""),list_=quote(str(list_), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SenderEntry | None:
    if response.status_code == 201:
        response_201 = SenderEntry.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SenderEntry]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account: str,
    list_: CreateMailSenderEntryList,
    *,
    client: AuthenticatedClient,
    body: SenderEntryCreate,

) -> Response[Problem | SenderEntry]:
    """ Create Mail Sender Entry

     Put a sender address or a domain on one of the person's lists. Blocking a sender
    takes it off the allow list and the other way round; the next message from a blocked
    sender is filed in Junk (or Trash, `action`) by every delivery path, SMTP included.

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        list_ (CreateMailSenderEntryList): allow: never junk (authenticated senders); block: filed
            in Junk or Trash; images: remote images shown without asking
        body (SenderEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SenderEntry]
     """


    kwargs = _get_kwargs(
        account=account,
list_=list_,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    account: str,
    list_: CreateMailSenderEntryList,
    *,
    client: AuthenticatedClient,
    body: SenderEntryCreate,

) -> Problem | SenderEntry | None:
    """ Create Mail Sender Entry

     Put a sender address or a domain on one of the person's lists. Blocking a sender
    takes it off the allow list and the other way round; the next message from a blocked
    sender is filed in Junk (or Trash, `action`) by every delivery path, SMTP included.

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        list_ (CreateMailSenderEntryList): allow: never junk (authenticated senders); block: filed
            in Junk or Trash; images: remote images shown without asking
        body (SenderEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SenderEntry
     """


    return sync_detailed(
        account=account,
list_=list_,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    account: str,
    list_: CreateMailSenderEntryList,
    *,
    client: AuthenticatedClient,
    body: SenderEntryCreate,

) -> Response[Problem | SenderEntry]:
    """ Create Mail Sender Entry

     Put a sender address or a domain on one of the person's lists. Blocking a sender
    takes it off the allow list and the other way round; the next message from a blocked
    sender is filed in Junk (or Trash, `action`) by every delivery path, SMTP included.

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        list_ (CreateMailSenderEntryList): allow: never junk (authenticated senders); block: filed
            in Junk or Trash; images: remote images shown without asking
        body (SenderEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SenderEntry]
     """


    kwargs = _get_kwargs(
        account=account,
list_=list_,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    account: str,
    list_: CreateMailSenderEntryList,
    *,
    client: AuthenticatedClient,
    body: SenderEntryCreate,

) -> Problem | SenderEntry | None:
    """ Create Mail Sender Entry

     Put a sender address or a domain on one of the person's lists. Blocking a sender
    takes it off the allow list and the other way round; the next message from a blocked
    sender is filed in Junk (or Trash, `action`) by every delivery path, SMTP included.

    **Scopes:** `mail:write`.

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        account (str):
        list_ (CreateMailSenderEntryList): allow: never junk (authenticated senders); block: filed
            in Junk or Trash; images: remote images shown without asking
        body (SenderEntryCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SenderEntry
     """


    return (await asyncio_detailed(
        account=account,
list_=list_,
client=client,
body=body,

    )).parsed
