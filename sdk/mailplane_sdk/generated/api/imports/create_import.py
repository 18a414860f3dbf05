from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_import_body import CreateImportBody
from ...models.create_import_format_type_0 import CreateImportFormatType0
from ...models.directory_import import DirectoryImport
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: CreateImportBody,
    dry_run: bool | Unset = False,
    format_: CreateImportFormatType0 | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, CreateImportFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_filename: None | str | Unset
    if isinstance(filename, Unset):
        json_filename = UNSET
    else:
        json_filename = filename
    params["filename"] = json_filename


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/directory/imports",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DirectoryImport | Problem | None:
    if response.status_code == 202:
        response_202 = DirectoryImport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DirectoryImport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateImportBody,
    dry_run: bool | Unset = False,
    format_: CreateImportFormatType0 | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,

) -> Response[DirectoryImport | Problem]:
    """ Create Import

     Upload accounts as CSV (UTF-8, UTF-16 or GB18030/GBK) or XLSX, as the multipart field
    `file` or as the raw body. The file's structure is checked at once (413 over the size
    limit, 422 for broken quoting, unknown columns, zip bombs or too many rows); rows are then
    imported by a job: poll the returned resource, read per-row results under `/rows`, and
    get `directory.import.completed` when it ends. Rows match existing accounts by address,
    then employee number, so re-running a file is safe.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        dry_run (bool | Unset): Report what would happen; change nothing. Default: False.
        format_ (CreateImportFormatType0 | None | Unset): Default: detected.
        filename (None | str | Unset):
        body (CreateImportBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DirectoryImport | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
dry_run=dry_run,
format_=format_,
filename=filename,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: CreateImportBody,
    dry_run: bool | Unset = False,
    format_: CreateImportFormatType0 | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,

) -> DirectoryImport | Problem | None:
    """ Create Import

     Upload accounts as CSV (UTF-8, UTF-16 or GB18030/GBK) or XLSX, as the multipart field
    `file` or as the raw body. The file's structure is checked at once (413 over the size
    limit, 422 for broken quoting, unknown columns, zip bombs or too many rows); rows are then
    imported by a job: poll the returned resource, read per-row results under `/rows`, and
    get `directory.import.completed` when it ends. Rows match existing accounts by address,
    then employee number, so re-running a file is safe.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        dry_run (bool | Unset): Report what would happen; change nothing. Default: False.
        format_ (CreateImportFormatType0 | None | Unset): Default: detected.
        filename (None | str | Unset):
        body (CreateImportBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DirectoryImport | Problem
     """


    return sync_detailed(
        client=client,
body=body,
dry_run=dry_run,
format_=format_,
filename=filename,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateImportBody,
    dry_run: bool | Unset = False,
    format_: CreateImportFormatType0 | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,

) -> Response[DirectoryImport | Problem]:
    """ Create Import

     Upload accounts as CSV (UTF-8, UTF-16 or GB18030/GBK) or XLSX, as the multipart field
    `file` or as the raw body. The file's structure is checked at once (413 over the size
    limit, 422 for broken quoting, unknown columns, zip bombs or too many rows); rows are then
    imported by a job: poll the returned resource, read per-row results under `/rows`, and
    get `directory.import.completed` when it ends. Rows match existing accounts by address,
    then employee number, so re-running a file is safe.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        dry_run (bool | Unset): Report what would happen; change nothing. Default: False.
        format_ (CreateImportFormatType0 | None | Unset): Default: detected.
        filename (None | str | Unset):
        body (CreateImportBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DirectoryImport | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
dry_run=dry_run,
format_=format_,
filename=filename,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateImportBody,
    dry_run: bool | Unset = False,
    format_: CreateImportFormatType0 | None | Unset = UNSET,
    filename: None | str | Unset = UNSET,

) -> DirectoryImport | Problem | None:
    """ Create Import

     Upload accounts as CSV (UTF-8, UTF-16 or GB18030/GBK) or XLSX, as the multipart field
    `file` or as the raw body. The file's structure is checked at once (413 over the size
    limit, 422 for broken quoting, unknown columns, zip bombs or too many rows); rows are then
    imported by a job: poll the returned resource, read per-row results under `/rows`, and
    get `directory.import.completed` when it ends. Rows match existing accounts by address,
    then employee number, so re-running a file is safe.

    **Scopes:** `directory:write` (a user token only when the user is an administrator).

    **Problem codes:** `already_exists`, `conflict`, `forbidden`, `idempotency_in_progress`,
    `idempotency_key_reused`, `import_columns`, `import_encoding`, `import_malformed`,
    `import_too_many_rows`, `import_zip_bomb`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `precondition_failed`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        dry_run (bool | Unset): Report what would happen; change nothing. Default: False.
        format_ (CreateImportFormatType0 | None | Unset): Default: detected.
        filename (None | str | Unset):
        body (CreateImportBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DirectoryImport | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
dry_run=dry_run,
format_=format_,
filename=filename,

    )).parsed
