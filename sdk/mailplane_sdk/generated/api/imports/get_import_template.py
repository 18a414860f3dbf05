from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_import_template_format import GetImportTemplateFormat
from ...models.get_import_template_lang import GetImportTemplateLang
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    format_: GetImportTemplateFormat | Unset = GetImportTemplateFormat.CSV,
    lang: GetImportTemplateLang | Unset = GetImportTemplateLang.EN,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_lang: str | Unset = UNSET
    if not isinstance(lang, Unset):
        json_lang = lang.value

    params["lang"] = json_lang


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/directory/import-template",
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
    format_: GetImportTemplateFormat | Unset = GetImportTemplateFormat.CSV,
    lang: GetImportTemplateLang | Unset = GetImportTemplateLang.EN,

) -> Response[Any | Problem]:
    """ Get Import Template

     The import file's columns with one example row, with English or Chinese header names
    (both are accepted on import, as are 邮箱, 手机号, 首次登录修改密码 …); departments are
    paths like `Sales/East`. Rows without a password get none: hand out activation links
    (`POST /v1/directory/imports/{id}/activation-links`).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (GetImportTemplateFormat | Unset): csv (UTF-8) or xlsx. Default:
            GetImportTemplateFormat.CSV.
        lang (GetImportTemplateLang | Unset): Header names: English column names, or the Chinese
            ones (邮箱地址, 姓名, 部门, 工号, 手机, 初次登录修改密码 …). Default: GetImportTemplateLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
lang=lang,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    format_: GetImportTemplateFormat | Unset = GetImportTemplateFormat.CSV,
    lang: GetImportTemplateLang | Unset = GetImportTemplateLang.EN,

) -> Any | Problem | None:
    """ Get Import Template

     The import file's columns with one example row, with English or Chinese header names
    (both are accepted on import, as are 邮箱, 手机号, 首次登录修改密码 …); departments are
    paths like `Sales/East`. Rows without a password get none: hand out activation links
    (`POST /v1/directory/imports/{id}/activation-links`).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (GetImportTemplateFormat | Unset): csv (UTF-8) or xlsx. Default:
            GetImportTemplateFormat.CSV.
        lang (GetImportTemplateLang | Unset): Header names: English column names, or the Chinese
            ones (邮箱地址, 姓名, 部门, 工号, 手机, 初次登录修改密码 …). Default: GetImportTemplateLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        client=client,
format_=format_,
lang=lang,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: GetImportTemplateFormat | Unset = GetImportTemplateFormat.CSV,
    lang: GetImportTemplateLang | Unset = GetImportTemplateLang.EN,

) -> Response[Any | Problem]:
    """ Get Import Template

     The import file's columns with one example row, with English or Chinese header names
    (both are accepted on import, as are 邮箱, 手机号, 首次登录修改密码 …); departments are
    paths like `Sales/East`. Rows without a password get none: hand out activation links
    (`POST /v1/directory/imports/{id}/activation-links`).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (GetImportTemplateFormat | Unset): csv (UTF-8) or xlsx. Default:
            GetImportTemplateFormat.CSV.
        lang (GetImportTemplateLang | Unset): Header names: English column names, or the Chinese
            ones (邮箱地址, 姓名, 部门, 工号, 手机, 初次登录修改密码 …). Default: GetImportTemplateLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
lang=lang,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: GetImportTemplateFormat | Unset = GetImportTemplateFormat.CSV,
    lang: GetImportTemplateLang | Unset = GetImportTemplateLang.EN,

) -> Any | Problem | None:
    """ Get Import Template

     The import file's columns with one example row, with English or Chinese header names
    (both are accepted on import, as are 邮箱, 手机号, 首次登录修改密码 …); departments are
    paths like `Sales/East`. Rows without a password get none: hand out activation links
    (`POST /v1/directory/imports/{id}/activation-links`).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        format_ (GetImportTemplateFormat | Unset): csv (UTF-8) or xlsx. Default:
            GetImportTemplateFormat.CSV.
        lang (GetImportTemplateLang | Unset): Header names: English column names, or the Chinese
            ones (邮箱地址, 姓名, 部门, 工号, 手机, 初次登录修改密码 …). Default: GetImportTemplateLang.EN.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
lang=lang,

    )).parsed
