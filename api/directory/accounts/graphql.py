"""GraphQL types and resolvers for accounts, aliases and passwords (same services as REST)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.directory.account_links import service as links
from api.directory.accounts import aliases, passwords, service
from api.directory.accounts.lookup import resolve_account
from api.directory.accounts.router import sees_everything
from api.directory.graphql_inputs import set_fields, validated
from api.directory.notices import send_activation_mail
from api.errors import Forbidden, ValidationFailed
from api.graphql_kit import Context, as_graphql_error, checked_page, require, unit_of_work
from schemas import directory as schemas


@strawberry.type
class AccountType:
    id: str
    address: str
    display_name: str
    status: str
    role: str
    type: str
    employee_number: str | None
    mobile: str | None
    job_title: str
    department_ids: list[str]
    manager_id: str | None
    quota_bytes: strawberry.scalars.JSON | None
    hidden_from_address_book: bool
    must_change_password: bool
    aliases: list[str]
    security_phone: str | None
    security_phone_verified: bool
    recovery_email: str | None
    locale: str | None
    time_zone: str | None
    created_at: datetime
    updated_at: datetime
    frozen_at: datetime | None
    deleted_at: datetime | None
    purge_after: datetime | None

    @classmethod
    def of(cls, data: schemas.Account) -> AccountType:
        skip = ("password", "activation")
        return cls(**{k: v for k, v in data.model_dump().items() if k not in skip})


@strawberry.type
class AccountPage:
    data: list[AccountType]
    next_cursor: str | None


@strawberry.type
class ActivationLinkType:
    url: str
    expires_at: datetime
    sent_to: str | None


@strawberry.type
class LoginLinkType:
    url: str
    expires_at: datetime


@strawberry.type
class AccountCreatedType:
    account: AccountType
    password: str | None
    activation: ActivationLinkType | None = None


@strawberry.type
class AliasType:
    address: str
    account_id: str
    created_at: datetime


@strawberry.type
class AddressStatusType:
    address: str
    status: str
    id: str | None
    reason: str | None


@strawberry.type
class PasswordPolicyType:
    min_length: int
    require_lowercase: bool
    require_uppercase: bool
    require_digit: bool
    require_symbol: bool
    forbid_user_name: bool
    mail_clients_allow_password: bool


@strawberry.input
class AccountCreateInput:
    address: str
    display_name: str
    password: str | None = strawberry.UNSET
    must_change_password: bool | None = strawberry.UNSET
    employee_number: str | None = strawberry.UNSET
    mobile: str | None = strawberry.UNSET
    job_title: str | None = strawberry.UNSET
    department_ids: list[str] | None = strawberry.UNSET
    manager_id: str | None = strawberry.UNSET
    quota_bytes: strawberry.scalars.JSON | None = strawberry.UNSET
    type: str | None = strawberry.UNSET
    hidden_from_address_book: bool | None = strawberry.UNSET
    security_phone: str | None = strawberry.UNSET
    security_phone_verified: bool | None = strawberry.UNSET
    recovery_email: str | None = strawberry.UNSET
    locale: str | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET
    activation_link: bool | None = strawberry.UNSET


@strawberry.input
class AccountUpdateInput:
    address: str | None = strawberry.UNSET
    display_name: str | None = strawberry.UNSET
    employee_number: str | None = strawberry.UNSET
    mobile: str | None = strawberry.UNSET
    job_title: str | None = strawberry.UNSET
    department_ids: list[str] | None = strawberry.UNSET
    manager_id: str | None = strawberry.UNSET
    quota_bytes: strawberry.scalars.JSON | None = strawberry.UNSET
    type: str | None = strawberry.UNSET
    hidden_from_address_book: bool | None = strawberry.UNSET
    must_change_password: bool | None = strawberry.UNSET
    security_phone: str | None = strawberry.UNSET
    security_phone_verified: bool | None = strawberry.UNSET
    recovery_email: str | None = strawberry.UNSET
    locale: str | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET


@strawberry.input
class PasswordPolicyInput:
    min_length: int | None = strawberry.UNSET
    require_lowercase: bool | None = strawberry.UNSET
    require_uppercase: bool | None = strawberry.UNSET
    require_digit: bool | None = strawberry.UNSET
    require_symbol: bool | None = strawberry.UNSET
    forbid_user_name: bool | None = strawberry.UNSET
    mail_clients_allow_password: bool | None = strawberry.UNSET


def _create_fields(data: AccountCreateInput) -> dict[str, Any]:
    # Absent optional inputs take the REST defaults; explicit nulls mean the same here.
    return {k: v for k, v in set_fields(data).items() if v is not None}


async def _load(session: Any, principal: Any, ref: str) -> Any:
    return await service.get_account(
        session, principal.org_id, ref, include_deleted=sees_everything(principal)
    )


@strawberry.type
class AccountsQuery:
    @strawberry.field(
        description="An account by id, address, alias, employee_number:<n> or mobile:<n>."
    )
    async def account(self, info: Info[Context, Any], id: strawberry.ID) -> AccountType:
        principal = require(info, "directory:read")
        ref = principal.account_id if str(id) == "me" and principal.account_id else str(id)
        async with unit_of_work(info, write=False) as session:
            return AccountType.of(
                await service.to_schema(session, await _load(session, principal, ref))
            )

    @strawberry.field(description="Accounts, filtered like GET /v1/accounts.")
    async def accounts(
        self,
        info: Info[Context, Any],
        limit: int = 50,
        cursor: str | None = None,
        status: str | None = None,
        department_id: str | None = None,
        include_subdepartments: bool = False,
        recursive: Annotated[
            bool, strawberry.argument(deprecation_reason="Use includeSubdepartments.")
        ] = False,
        q: str | None = None,
        employee_number: str | None = None,
        mobile: str | None = None,
        role: str | None = None,
    ) -> AccountPage:
        principal = require(info, "directory:read")
        everything = sees_everything(principal)
        if status not in (None, "active", "frozen", "deleted"):
            raise as_graphql_error(
                ValidationFailed("status is active, frozen or deleted.", param="status")
            )
        if role not in (None, "member", "admin", "operator"):
            raise as_graphql_error(
                ValidationFailed("role is member, admin or operator.", param="role")
            )
        if status == "deleted" and not everything:
            return AccountPage(data=[], next_cursor=None)
        async with unit_of_work(info, write=False) as session:
            rows, next_cursor = await service.list_accounts(
                session,
                principal.org_id,
                checked_page(limit, cursor),
                status=status,
                department_id=department_id,
                recursive=include_subdepartments or recursive,
                q=q,
                employee_number=employee_number,
                mobile=mobile,
                role=role,
                include_hidden=everything,
            )
            data = await service.to_schemas(session, principal.org_id, rows)
        return AccountPage(data=[AccountType.of(a) for a in data], next_cursor=next_cursor)

    @strawberry.field(description="Up to 100 addresses: free, account, alias, group or invalid.")
    async def check_addresses(
        self, info: Info[Context, Any], addresses: list[str]
    ) -> list[AddressStatusType]:
        principal = require(info, "directory:read")
        body = validated(schemas.AddressCheck, {"addresses": addresses})
        async with unit_of_work(info, write=False) as session:
            results = await aliases.check_addresses(session, principal.org_id, body.addresses)
        return [AddressStatusType(**r.model_dump()) for r in results]

    @strawberry.field(description="The organisation's password rules.")
    async def password_policy(self, info: Info[Context, Any]) -> PasswordPolicyType:
        principal = require(info, "directory:read")
        async with unit_of_work(info, write=False) as session:
            return PasswordPolicyType(
                **(await passwords.get_policy(session, principal.org_id)).model_dump()
            )


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(description="Create an account; a generated password is returned once.")
    async def create_account(
        self, info: Info[Context, Any], input: AccountCreateInput
    ) -> AccountCreatedType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.AccountCreate, _create_fields(input))
        async with unit_of_work(info, write=True) as session:
            account, generated = await service.create_account(
                session, principal.org_id, data, actor=principal, ip=info.context.ip
            )
            activation = None
            if data.activation_link and data.password is None:
                issued = await links.issue_activation(
                    session, account, schemas.ActivationLinkCreate(),
                    issuer=info.context.runtime.settings.issuer, actor=principal,
                    ip=info.context.ip,
                )
                activation = ActivationLinkType(
                    url=issued.url, expires_at=issued.expires_at, sent_to=None
                )
            return AccountCreatedType(
                account=AccountType.of(await service.to_schema(session, account)),
                password=generated,
                activation=activation,
            )

    @strawberry.mutation(
        description="A one-time set-password link (as POST /v1/accounts/{account}/"
        "activation-links); the URL is returned once."
    )
    async def create_activation_link(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        expires_in: int | None = None,
        send_to_recovery_email: bool = False,
        revoke_password: bool = False,
    ) -> ActivationLinkType:
        principal = require(info, "directory:write", admin=True)
        values: dict[str, Any] = {
            "send_to_recovery_email": send_to_recovery_email, "revoke_password": revoke_password,
        }
        if expires_in is not None:
            values["expires_in"] = expires_in
        data = validated(schemas.ActivationLinkCreate, values)
        runtime = info.context.runtime
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            sent_to = (account.recovery_email or "") if data.send_to_recovery_email else None
            issued = await links.issue_activation(
                session, account, data, issuer=runtime.settings.issuer, actor=principal,
                ip=info.context.ip, sent_to=sent_to,
            )
            if data.send_to_recovery_email:
                await send_activation_mail(session, runtime, account, issued.url,
                                           issued.expires_at)
        if revoke_password:
            runtime.tokens.clear()
        return ActivationLinkType(url=issued.url, expires_at=issued.expires_at, sent_to=sent_to)

    @strawberry.mutation(
        description="A single-use sign-in URL valid 300 s (scope directory:sign_in; as POST "
        "/v1/accounts/{account}/login-links)."
    )
    async def create_login_link(
        self, info: Info[Context, Any], id: strawberry.ID, next: str = "/"
    ) -> LoginLinkType:
        principal = require(info, "directory:sign_in", admin=True)
        data = validated(schemas.LoginLinkCreate, {"next": next})
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            issued = await links.issue_login_link(
                session, account, data, issuer=info.context.runtime.settings.issuer,
                actor=principal, ip=info.context.ip,
            )
        return LoginLinkType(url=issued.url, expires_at=issued.expires_at)

    @strawberry.mutation(description="Change an account (merge-patch semantics).")
    async def update_account(
        self, info: Info[Context, Any], id: strawberry.ID, input: AccountUpdateInput
    ) -> AccountType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.AccountUpdate, set_fields(input))
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            await service.update_account(
                session, account, data, actor=principal, ip=info.context.ip
            )
            return AccountType.of(await service.to_schema(session, account))

    @strawberry.mutation(description="Move an account between departments.")
    async def move_account(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        to_department_id: str,
        from_department_id: str | None = None,
    ) -> AccountType:
        principal = require(info, "directory:write", admin=True)
        data = validated(
            schemas.AccountMove,
            {"to_department_id": to_department_id, "from_department_id": from_department_id},
        )
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            await service.move_account(session, account, data, actor=principal, ip=info.context.ip)
            return AccountType.of(await service.to_schema(session, account))

    @strawberry.mutation(
        description="Freeze: no sign-in, tokens revoked at once, mail still accepted."
    )
    async def freeze_account(self, info: Info[Context, Any], id: strawberry.ID) -> AccountType:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            await service.freeze_account(session, account, actor=principal, ip=info.context.ip)
            out = await service.to_schema(session, account)
        info.context.runtime.tokens.clear()
        return AccountType.of(out)

    @strawberry.mutation(description="Let a frozen account sign in again.")
    async def unfreeze_account(self, info: Info[Context, Any], id: strawberry.ID) -> AccountType:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            await service.unfreeze_account(session, account, actor=principal, ip=info.context.ip)
            return AccountType.of(await service.to_schema(session, account))

    @strawberry.mutation(description="Soft-delete an account (restorable until purge_after).")
    async def delete_account(self, info: Info[Context, Any], id: strawberry.ID) -> bool:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            await service.delete_account(
                session,
                account,
                actor=principal,
                ip=info.context.ip,
                restore_days=info.context.runtime.settings.account_restore_days,
            )
        info.context.runtime.tokens.clear()
        return True

    @strawberry.mutation(description="Undo a delete within the restore window.")
    async def restore_account(self, info: Info[Context, Any], id: strawberry.ID) -> AccountType:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            await service.restore_account(session, account, actor=principal, ip=info.context.ip)
            return AccountType.of(await service.to_schema(session, account))

    @strawberry.mutation(
        description="Set or generate a password; the account's tokens are revoked."
    )
    async def reset_account_password(
        self,
        info: Info[Context, Any],
        id: strawberry.ID,
        password: str | None = None,
        must_change_password: bool = True,
    ) -> str | None:
        principal = require(info, "directory:write", admin=True)
        data = validated(
            schemas.PasswordReset,
            {"password": password, "must_change_password": must_change_password},
        )
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            generated = await passwords.reset_password(
                session, account, data, actor=principal, ip=info.context.ip
            )
        info.context.runtime.tokens.clear()
        return generated

    @strawberry.mutation(description="Change your own password (needs a token acting for you).")
    async def change_own_password(
        self, info: Info[Context, Any], current_password: str, new_password: str
    ) -> bool:
        principal = require(info)
        if principal.account_id is None:
            raise as_graphql_error(
                Forbidden("Only a token acting for the person can change their password.")
            )
        data = validated(
            schemas.PasswordChange,
            {"current_password": current_password, "new_password": new_password},
        )
        failed: ValidationFailed | None = None
        async with unit_of_work(info, write=True) as session:
            account = await resolve_account(session, principal, "me")
            try:
                await passwords.change_own_password(session, account, data, ip=info.context.ip)
            except ValidationFailed as error:
                if error.param != "current_password":
                    raise
                failed = error  # commit the counted failure, then report it
        if failed is not None:
            raise as_graphql_error(failed)
        return True

    @strawberry.mutation(description="Add an alias to an account.")
    async def add_account_alias(
        self, info: Info[Context, Any], id: strawberry.ID, address: str
    ) -> AliasType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.AliasCreate, {"address": address})
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            row = await aliases.add_alias(
                session, account, data.address, actor=principal, ip=info.context.ip
            )
            return AliasType(**aliases.alias_schema(row).model_dump())

    @strawberry.mutation(description="Remove an alias from an account.")
    async def remove_account_alias(
        self, info: Info[Context, Any], id: strawberry.ID, address: str
    ) -> bool:
        principal = require(info, "directory:write", admin=True)
        async with unit_of_work(info, write=True) as session:
            account = await _load(session, principal, str(id))
            await aliases.remove_alias(
                session, account, address, actor=principal, ip=info.context.ip
            )
        return True

    @strawberry.mutation(description="Change the organisation's password rules.")
    async def update_password_policy(
        self, info: Info[Context, Any], input: PasswordPolicyInput
    ) -> PasswordPolicyType:
        principal = require(info, "directory:write", admin=True)
        data = validated(schemas.PasswordPolicyUpdate, set_fields(input))
        async with unit_of_work(info, write=True) as session:
            policy = await passwords.update_policy(
                session, principal.org_id, data, actor=principal, ip=info.context.ip
            )
        return PasswordPolicyType(**policy.model_dump())
