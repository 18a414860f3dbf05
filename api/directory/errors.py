"""Directory's own error codes, each a subclass of the one error tree in `api.errors`
(titles are the parent's, already in both languages)."""

from __future__ import annotations

from api.errors import Conflict, Gone, PayloadTooLarge, ValidationFailed


class AccountDeleted(Conflict):
    code = "account_deleted"


class AccountFrozen(Conflict):
    code = "account_frozen"


class AccountNotDeleted(Conflict):
    code = "account_not_deleted"


class AliasDomainAddress(ValidationFailed):
    code = "alias_domain_address"


class AppPasswordLimit(Conflict):
    code = "app_password_limit"


class DepartmentCycle(ValidationFailed):
    code = "department_cycle"


class DepartmentNotEmpty(Conflict):
    code = "department_not_empty"


class DomainNotInOrganization(ValidationFailed):
    code = "domain_not_in_organization"


class GroupCycle(ValidationFailed):
    code = "group_cycle"


class ImportColumns(ValidationFailed):
    code = "import_columns"


class ImportEncoding(ValidationFailed):
    code = "import_encoding"


class ImportMalformed(ValidationFailed):
    code = "import_malformed"


class ImportTooManyRows(ValidationFailed):
    code = "import_too_many_rows"


class ImportZipBomb(PayloadTooLarge):
    code = "import_zip_bomb"


class InvalidNext(ValidationFailed):
    code = "invalid_next"


class LastAdmin(Conflict):
    code = "last_admin"


class ManagerCycle(ValidationFailed):
    code = "manager_cycle"


class NoRecoveryEmail(ValidationFailed):
    code = "no_recovery_email"


class PasswordPolicyViolated(ValidationFailed):
    code = "password_policy"


class RestoreWindowPassed(Gone):
    code = "restore_window_passed"


class UnknownDepartment(ValidationFailed):
    code = "unknown_department"
