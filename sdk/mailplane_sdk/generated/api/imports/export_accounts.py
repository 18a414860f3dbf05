from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_accounts_encoding import ExportAccountsEncoding
from ...models.export_accounts_format import ExportAccountsFormat
from ...models.export_accounts_lang import ExportAccountsLang
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    format_: ExportAccountsFormat | Unset = ExportAccountsFormat.CSV,
    encoding: ExportAccountsEncoding | Unset = ExportAccountsEncoding.UTF_8,
    lang: ExportAccountsLang | Unset = ExportAccountsLang.EN,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_encoding: str | Unset = UNSET
    if not isinstance(encoding, Unset):
        json_encoding = encoding.value

    params["encoding"] = json_encoding

    json_lang: str | Unset = UNSET
    if not isinstance(lang, Unset):
        json_lang = lang.value

    params["lang"] = json_lang


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/directory/export",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportAccountsFormat | Unset = ExportAccountsFormat.CSV,
    encoding: ExportAccountsEncoding | Unset = ExportAccountsEncoding.UTF_8,
    lang: ExportAccountsLang | Unset = ExportAccountsLang.EN,

) -> Response[Any | Problem]:
    """ Export Accounts

     Every account (not deleted) in the import's columns, streamed. Cells that a
    spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) are prefixed with `'`.
    Characters GBK lacks are written as `?` with `encoding=gbk` (gb18030 has them all).

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (ExportAccountsFormat | Unset):  Default: ExportAccountsFormat.CSV.
        encoding (ExportAccountsEncoding | Unset): CSV only: gbk or gb18030 for Excel on Chinese
            Windows. Default: ExportAccountsEncoding.UTF_8.
        lang (ExportAccountsLang | Unset): Header names. Default: ExportAccountsLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
encoding=encoding,
lang=lang,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportAccountsFormat | Unset = ExportAccountsFormat.CSV,
    encoding: ExportAccountsEncoding | Unset = ExportAccountsEncoding.UTF_8,
    lang: ExportAccountsLang | Unset = ExportAccountsLang.EN,

) -> Any | Problem | None:
    """ Export Accounts

     Every account (not deleted) in the import's columns, streamed. Cells that a
    spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) are prefixed with `'`.
    Characters GBK lacks are written as `?` with `encoding=gbk` (gb18030 has them all).

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (ExportAccountsFormat | Unset):  Default: ExportAccountsFormat.CSV.
        encoding (ExportAccountsEncoding | Unset): CSV only: gbk or gb18030 for Excel on Chinese
            Windows. Default: ExportAccountsEncoding.UTF_8.
        lang (ExportAccountsLang | Unset): Header names. Default: ExportAccountsLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        client=client,
format_=format_,
encoding=encoding,
lang=lang,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportAccountsFormat | Unset = ExportAccountsFormat.CSV,
    encoding: ExportAccountsEncoding | Unset = ExportAccountsEncoding.UTF_8,
    lang: ExportAccountsLang | Unset = ExportAccountsLang.EN,

) -> Response[Any | Problem]:
    """ Export Accounts

     Every account (not deleted) in the import's columns, streamed. Cells that a
    spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) are prefixed with `'`.
    Characters GBK lacks are written as `?` with `encoding=gbk` (gb18030 has them all).

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (ExportAccountsFormat | Unset):  Default: ExportAccountsFormat.CSV.
        encoding (ExportAccountsEncoding | Unset): CSV only: gbk or gb18030 for Excel on Chinese
            Windows. Default: ExportAccountsEncoding.UTF_8.
        lang (ExportAccountsLang | Unset): Header names. Default: ExportAccountsLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
encoding=encoding,
lang=lang,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportAccountsFormat | Unset = ExportAccountsFormat.CSV,
    encoding: ExportAccountsEncoding | Unset = ExportAccountsEncoding.UTF_8,
    lang: ExportAccountsLang | Unset = ExportAccountsLang.EN,

) -> Any | Problem | None:
    """ Export Accounts

     Every account (not deleted) in the import's columns, streamed. Cells that a
    spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) are prefixed with `'`.
    Characters GBK lacks are written as `?` with `encoding=gbk` (gb18030 has them all).

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (ExportAccountsFormat | Unset):  Default: ExportAccountsFormat.CSV.
        encoding (ExportAccountsEncoding | Unset): CSV only: gbk or gb18030 for Excel on Chinese
            Windows. Default: ExportAccountsEncoding.UTF_8.
        lang (ExportAccountsLang | Unset): Header names. Default: ExportAccountsLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
encoding=encoding,
lang=lang,

    )).parsed
