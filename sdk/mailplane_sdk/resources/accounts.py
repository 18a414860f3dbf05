"""`mp.accounts`: accounts, their aliases and passwords, the password policy, delta sync."""

from __future__ import annotations

import builtins

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing
from mailplane_sdk.endpoints import Namespace, R, endpoint, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import (
    Account,
    AccountCreated,
    ActivationLink,
    AddressCheckResult,
    Alias,
    AppPassword,
    AppPasswordCreated,
    Changes,
    LoginLink,
    PasswordPolicy,
    PasswordResetResult,
    SignInLock,
)
from mailplane_sdk.pagination import Page, page_of, single_page_of


class Aliases(Namespace[R]):
    """`mp.accounts.aliases`: extra addresses that deliver to an account."""

    @endpoint("GET", "/v1/accounts/{account}/aliases", "list_account_aliases")
    def list(self, account: str) -> Spec[builtins.list[Alias]]:
        """Every alias of the account (one page)."""
        return Spec(single_page_of(Alias.from_dict), path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/aliases", "add_account_alias")
    def add(self, account: str, /, **body: Unpack[params.AliasCreate]) -> Spec[Alias]:
        """Body: AliasCreate (`address`)."""
        return Spec(model(Alias), path={"account": account}, json=body)

    @endpoint("DELETE", "/v1/accounts/{account}/aliases/{alias}", "remove_account_alias")
    def remove(self, account: str, alias: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "alias": alias})


class AppPasswords(Namespace[R]):
    """`mp.accounts.app_passwords`: per-device passwords for SMTP submission and mail clients."""

    @paged("GET", "/v1/accounts/{account}/app-passwords", "list_app_passwords")
    def list(
        self, account: str, /, **query: Unpack[params.ListAppPasswordsQuery]
    ) -> Spec[Page[AppPassword]]:
        return Spec(page_of(AppPassword.from_dict), path={"account": account}, params=query)

    @endpoint("POST", "/v1/accounts/{account}/app-passwords", "create_app_password")
    def create(
        self, account: str, /, **body: Unpack[params.AppPasswordCreate]
    ) -> Spec[AppPasswordCreated]:
        """Body: AppPasswordCreate (`name`). The password is in this response only."""
        return Spec(model(AppPasswordCreated), path={"account": account}, json=body)

    @endpoint(
        "DELETE", "/v1/accounts/{account}/app-passwords/{app_password_id}", "revoke_app_password"
    )
    def revoke(self, account: str, app_password_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "app_password_id": app_password_id})


class PasswordPolicies(Namespace[R]):
    """`mp.accounts.password_policy`: the organisation's password rules."""

    @endpoint("GET", "/v1/directory/password-policy", "get_password_policy")
    def get(self) -> Spec[PasswordPolicy]:
        return Spec(model(PasswordPolicy))

    @endpoint("PATCH", "/v1/directory/password-policy", "update_password_policy")
    def update(self, /, **fields: Unpack[params.PasswordPolicyUpdate]) -> Spec[PasswordPolicy]:
        """Body: PasswordPolicyUpdate."""
        return Spec(model(PasswordPolicy), json=fields)


class SignInLocks(Namespace[R]):
    """`mp.accounts.sign_in_locks`: the throttle's failed sign-ins for the organisation."""

    @paged("GET", "/v1/directory/sign-in-locks", "list_sign_in_locks")
    def list(self, /, **query: Unpack[params.ListSignInLocksQuery]) -> Spec[Page[SignInLock]]:
        """Addresses and client IPs with failed sign-ins remembered (`locked_only=True`:
        only lockouts in force)."""
        return Spec(page_of(SignInLock.from_dict), params=query)

    @endpoint("DELETE", "/v1/directory/sign-in-locks/{lock_id}", "clear_sign_in_lock")
    def clear(self, lock_id: str) -> Spec[None]:
        """Unlock: `lock_id` is a lock's `lck_…` id or an address of the organisation."""
        return Spec(nothing, path={"lock_id": lock_id})


class Accounts(Namespace[R]):
    """`mp.accounts`: the organisation's mailboxes. `account` is an id, an address or `me`."""

    def __init__(self, runner: R) -> None:
        super().__init__(runner)
        self.aliases = Aliases(runner)
        self.app_passwords = AppPasswords(runner)
        self.password_policy = PasswordPolicies(runner)
        self.sign_in_locks = SignInLocks(runner)

    @paged("GET", "/v1/accounts", "list_accounts")
    def list(self, /, **query: Unpack[params.ListAccountsQuery]) -> Spec[Page[Account]]:
        """Every account, page after page. Filters: status, department_id, recursive, q, limit."""
        return Spec(page_of(Account.from_dict), params=query)

    @endpoint("POST", "/v1/accounts", "create_account")
    def create(self, /, **body: Unpack[params.AccountCreate]) -> Spec[AccountCreated]:
        """Body: AccountCreate (address, display_name, password, department_ids,
        security_phone, recovery_email, locale, time_zone, …); `activation_link=True` with no
        password returns a one-time set-password link in `.activation` instead of a
        generated password. `department_id=` is accepted for a single department."""
        if "department_id" in body:
            body["department_ids"] = [body.pop("department_id")]
        return Spec(model(AccountCreated), json=body)

    @endpoint("GET", "/v1/accounts/{account}", "get_account")
    def get(self, account: str) -> Spec[Account]:
        return Spec(model(Account), path={"account": account})

    @endpoint("PATCH", "/v1/accounts/{account}", "update_account")
    def update(self, account: str, /, **fields: Unpack[params.AccountUpdate]) -> Spec[Account]:
        """Body: AccountUpdate (merge patch); `if_match=` an ETag for a 412 if it is stale."""
        return Spec(model(Account), path={"account": account}, json=fields)

    @endpoint("DELETE", "/v1/accounts/{account}", "delete_account")
    def delete(self, account: str) -> Spec[None]:
        """Soft delete (restorable for the retention window)."""
        return Spec(nothing, path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/restore", "restore_account")
    def restore(self, account: str) -> Spec[Account]:
        return Spec(model(Account), path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/freeze", "freeze_account")
    def freeze(self, account: str) -> Spec[Account]:
        return Spec(model(Account), path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/unfreeze", "unfreeze_account")
    def unfreeze(self, account: str) -> Spec[Account]:
        return Spec(model(Account), path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/move", "move_account")
    def move(self, account: str, /, **body: Unpack[params.AccountMove]) -> Spec[Account]:
        """Body: AccountMove (`to_department_id`, optional `from_department_id`);
        `department_id=` is accepted for `to_department_id`."""
        if "department_id" in body:
            body["to_department_id"] = body.pop("department_id")
        return Spec(model(Account), path={"account": account}, json=body)

    @endpoint("POST", "/v1/accounts/{account}/reset-password", "reset_account_password")
    def reset_password(
        self, account: str, /, **body: Unpack[params.PasswordReset]
    ) -> Spec[PasswordResetResult]:
        """Body: PasswordReset (optional `password`; without one a temporary one is returned)."""
        return Spec(model(PasswordResetResult), path={"account": account}, json=body or None)

    @endpoint("POST", "/v1/accounts/{account}/change-password", "change_own_password")
    def change_password(self, account: str, /, **body: Unpack[params.PasswordChange]) -> Spec[None]:
        """Body: PasswordChange (`current_password`, `new_password`); a person's own token."""
        return Spec(nothing, path={"account": account}, json=body)

    @endpoint("POST", "/v1/accounts/{account}/activation-links", "create_activation_link")
    def activation_link(
        self, account: str, /, **body: Unpack[params.ActivationLinkCreate]
    ) -> Spec[ActivationLink]:
        """A one-time set-password link (shown once). Body: ActivationLinkCreate
        (`expires_in`, `send_to_recovery_email`, `revoke_password`)."""
        return Spec(model(ActivationLink), path={"account": account}, json=body)

    @endpoint("POST", "/v1/accounts/{account}/login-links", "create_login_link")
    def login_link(self, account: str, /, *, next: str = "/") -> Spec[LoginLink]:
        """A single-use URL (300 s) that signs the person in to Mailplane's web pages and
        lands on `next`, a path on this Mailplane. Needs the `directory:sign_in` scope."""
        return Spec(model(LoginLink), path={"account": account}, json={"next": next})

    @endpoint("POST", "/v1/accounts/check-addresses", "check_addresses")
    def check_addresses(self, /, **body: Unpack[params.AddressCheck]) -> Spec[AddressCheckResult]:
        """Body: AddressCheck (`addresses`): which are free to use."""
        return Spec(model(AddressCheckResult), json=body)

    @endpoint("GET", "/v1/accounts/changes", "list_account_changes")
    def changes(self, /, **query: Unpack[params.ListAccountChangesQuery]) -> Spec[Changes]:
        """Delta sync: `since` (the last call's `new_state`), `limit`; ResyncRequired if too old."""
        return Spec(model(Changes), params=query)
