from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_accounts_role_type_0 import ListAccountsRoleType0
from ...models.list_accounts_status_type_0 import ListAccountsStatusType0
from ...models.page_account import PageAccount
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: ListAccountsStatusType0 | None | Unset = UNSET,
    department_id: None | str | Unset = UNSET,
    include_subdepartments: bool | Unset = False,
    recursive: bool | Unset = False,
    employee_number: None | str | Unset = UNSET,
    mobile: None | str | Unset = UNSET,
    role: ListAccountsRoleType0 | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListAccountsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_department_id: None | str | Unset
    if isinstance(department_id, Unset):
        json_department_id = UNSET
    else:
        json_department_id = department_id
    params["department_id"] = json_department_id

    params["include_subdepartments"] = include_subdepartments

    params["recursive"] = recursive

    json_employee_number: None | str | Unset
    if isinstance(employee_number, Unset):
        json_employee_number = UNSET
    else:
        json_employee_number = employee_number
    params["employee_number"] = json_employee_number

    json_mobile: None | str | Unset
    if isinstance(mobile, Unset):
        json_mobile = UNSET
    else:
        json_mobile = mobile
    params["mobile"] = json_mobile

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, ListAccountsRoleType0):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/accounts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageAccount | Problem | None:
    if response.status_code == 200:
        response_200 = PageAccount.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageAccount | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListAccountsStatusType0 | None | Unset = UNSET,
    department_id: None | str | Unset = UNSET,
    include_subdepartments: bool | Unset = False,
    recursive: bool | Unset = False,
    employee_number: None | str | Unset = UNSET,
    mobile: None | str | Unset = UNSET,
    role: ListAccountsRoleType0 | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageAccount | Problem]:
    """ List Accounts

     List accounts, filtered by state, role, department (optionally with its
    sub-departments), employee number, mobile and a prefix search, in stable cursor pages.
    Every filter is indexed; unknown parameters are refused (422).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        status (ListAccountsStatusType0 | None | Unset): Only accounts in this state (default:
            active and frozen).
        department_id (None | str | Unset): Only members of this department.
        include_subdepartments (bool | Unset): With `department_id`: members of its sub-
            departments too. Default: False.
        recursive (bool | Unset): Old name of `include_subdepartments`. Default: False.
        employee_number (None | str | Unset): Only the account with this employee number.
        mobile (None | str | Unset): Only the account with this mobile number.
        role (ListAccountsRoleType0 | None | Unset): Only accounts with this role (`admin`: the
            organisation's admins).
        q (None | str | Unset): Prefix search, case-insensitive: the name or any word of it, the
            address or its local part, pinyin initials or full pinyin of a Chinese name (`zs`,
            `zhangsan` for 张三), an employee number or a mobile.
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAccount | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
department_id=department_id,
include_subdepartments=include_subdepartments,
recursive=recursive,
employee_number=employee_number,
mobile=mobile,
role=role,
q=q,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: ListAccountsStatusType0 | None | Unset = UNSET,
    department_id: None | str | Unset = UNSET,
    include_subdepartments: bool | Unset = False,
    recursive: bool | Unset = False,
    employee_number: None | str | Unset = UNSET,
    mobile: None | str | Unset = UNSET,
    role: ListAccountsRoleType0 | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageAccount | Problem | None:
    """ List Accounts

     List accounts, filtered by state, role, department (optionally with its
    sub-departments), employee number, mobile and a prefix search, in stable cursor pages.
    Every filter is indexed; unknown parameters are refused (422).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        status (ListAccountsStatusType0 | None | Unset): Only accounts in this state (default:
            active and frozen).
        department_id (None | str | Unset): Only members of this department.
        include_subdepartments (bool | Unset): With `department_id`: members of its sub-
            departments too. Default: False.
        recursive (bool | Unset): Old name of `include_subdepartments`. Default: False.
        employee_number (None | str | Unset): Only the account with this employee number.
        mobile (None | str | Unset): Only the account with this mobile number.
        role (ListAccountsRoleType0 | None | Unset): Only accounts with this role (`admin`: the
            organisation's admins).
        q (None | str | Unset): Prefix search, case-insensitive: the name or any word of it, the
            address or its local part, pinyin initials or full pinyin of a Chinese name (`zs`,
            `zhangsan` for 张三), an employee number or a mobile.
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAccount | Problem
     """


    return sync_detailed(
        client=client,
status=status,
department_id=department_id,
include_subdepartments=include_subdepartments,
recursive=recursive,
employee_number=employee_number,
mobile=mobile,
role=role,
q=q,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListAccountsStatusType0 | None | Unset = UNSET,
    department_id: None | str | Unset = UNSET,
    include_subdepartments: bool | Unset = False,
    recursive: bool | Unset = False,
    employee_number: None | str | Unset = UNSET,
    mobile: None | str | Unset = UNSET,
    role: ListAccountsRoleType0 | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[PageAccount | Problem]:
    """ List Accounts

     List accounts, filtered by state, role, department (optionally with its
    sub-departments), employee number, mobile and a prefix search, in stable cursor pages.
    Every filter is indexed; unknown parameters are refused (422).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        status (ListAccountsStatusType0 | None | Unset): Only accounts in this state (default:
            active and frozen).
        department_id (None | str | Unset): Only members of this department.
        include_subdepartments (bool | Unset): With `department_id`: members of its sub-
            departments too. Default: False.
        recursive (bool | Unset): Old name of `include_subdepartments`. Default: False.
        employee_number (None | str | Unset): Only the account with this employee number.
        mobile (None | str | Unset): Only the account with this mobile number.
        role (ListAccountsRoleType0 | None | Unset): Only accounts with this role (`admin`: the
            organisation's admins).
        q (None | str | Unset): Prefix search, case-insensitive: the name or any word of it, the
            address or its local part, pinyin initials or full pinyin of a Chinese name (`zs`,
            `zhangsan` for 张三), an employee number or a mobile.
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAccount | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
department_id=department_id,
include_subdepartments=include_subdepartments,
recursive=recursive,
employee_number=employee_number,
mobile=mobile,
role=role,
q=q,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListAccountsStatusType0 | None | Unset = UNSET,
    department_id: None | str | Unset = UNSET,
    include_subdepartments: bool | Unset = False,
    recursive: bool | Unset = False,
    employee_number: None | str | Unset = UNSET,
    mobile: None | str | Unset = UNSET,
    role: ListAccountsRoleType0 | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> PageAccount | Problem | None:
    """ List Accounts

     List accounts, filtered by state, role, department (optionally with its
    sub-departments), employee number, mobile and a prefix search, in stable cursor pages.
    Every filter is indexed; unknown parameters are refused (422).

    **Scopes:** `directory:read`.

    **Problem codes:** `forbidden`, `insufficient_scope`, `malformed_request`, `not_found`,
    `payload_too_large`, `rate_limited`, `unauthorized`, `validation_failed`.

    Args:
        status (ListAccountsStatusType0 | None | Unset): Only accounts in this state (default:
            active and frozen).
        department_id (None | str | Unset): Only members of this department.
        include_subdepartments (bool | Unset): With `department_id`: members of its sub-
            departments too. Default: False.
        recursive (bool | Unset): Old name of `include_subdepartments`. Default: False.
        employee_number (None | str | Unset): Only the account with this employee number.
        mobile (None | str | Unset): Only the account with this mobile number.
        role (ListAccountsRoleType0 | None | Unset): Only accounts with this role (`admin`: the
            organisation's admins).
        q (None | str | Unset): Prefix search, case-insensitive: the name or any word of it, the
            address or its local part, pinyin initials or full pinyin of a Chinese name (`zs`,
            `zhangsan` for 张三), an employee number or a mobile.
        limit (int | Unset): Page size (1-500). Default: 50.
        cursor (None | str | Unset): Opaque cursor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAccount | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
department_id=department_id,
include_subdepartments=include_subdepartments,
recursive=recursive,
employee_number=employee_number,
mobile=mobile,
role=role,
q=q,
limit=limit,
cursor=cursor,

    )).parsed
