"""The accounts CSV: one row per mailbox to move, `account,host,port,security,username,
password` (plus optional `protocol`, `verify_tls`), English or Chinese header names."""

from __future__ import annotations

import csv
import io

from pydantic import ValidationError

from api.errors import ValidationFailed
from api.migration.errors import MigrationCsvInvalid
from schemas.migration import MigrationAccountCreate

COLUMNS: dict[str, tuple[str, ...]] = {
    "account": (
        "account",
        "target",
        "target_account",
        "mailplane_account",
        "email",
        "address",
        "目标账号",
        "目标帐号",
        "账号",
        "帐号",
        "邮箱",
    ),
    "host": ("host", "source_host", "server", "imap_host", "服务器", "主机"),
    "port": ("port", "source_port", "端口"),
    "security": ("security", "tls", "encryption", "加密", "安全"),
    "username": ("username", "user", "login", "source_username", "source_user", "用户名"),
    "password": ("password", "source_password", "pass", "密码"),
    "protocol": ("protocol", "协议"),
    "verify_tls": ("verify_tls", "verify", "验证证书"),
}
_LOOKUP = {alias: key for key, aliases in COLUMNS.items() for alias in aliases}
REQUIRED = ("account", "host", "username", "password")
_TRUE = {"1", "true", "yes", "y", "on", "是"}
_FALSE = {"0", "false", "no", "n", "off", "否"}


def _fail(message: str, errors: list[dict[str, str]] | None = None) -> ValidationFailed:
    return MigrationCsvInvalid(message, param="csv", extra={"errors": errors or []})


def parse_accounts(text: str, *, max_rows: int) -> list[MigrationAccountCreate]:
    """Rows → validated account entries; every bad row is reported (up to 50) and nothing
    is created when any row is bad."""
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # from the header, which holds no secrets
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise _fail("The CSV is empty.") from None
    except csv.Error as exc:
        raise _fail(f"The CSV cannot be read: {exc}.") from None
    keys: list[str | None] = []
    unknown: list[str] = []
    for name in header:
        key = _LOOKUP.get(name.strip().lower().replace(" ", "_"))
        if key is None and name.strip():
            unknown.append(name.strip())
        keys.append(key)
    missing = [k for k in REQUIRED if k not in keys]
    if missing:
        raise _fail(
            f"The CSV header lacks the column(s): {', '.join(missing)} "
            "(expected account,host,port,security,username,password)."
        )
    if unknown:
        raise _fail(f"Unknown CSV column(s): {', '.join(unknown[:10])}.")
    rows: list[MigrationAccountCreate] = []
    errors: list[dict[str, str]] = []
    line = 1
    try:
        for values in reader:
            line += 1
            if not any(v.strip() for v in values):
                continue
            if len(rows) + len(errors) >= max_rows:
                raise _fail(f"At most {max_rows} accounts per migration.")
            record = {k: v.strip() for k, v in zip(keys, values, strict=False) if k}
            try:
                rows.append(_entry(record))
            except (ValidationError, ValueError) as exc:
                if len(errors) < 50:
                    errors.append({"param": f"csv[row {line}]", "message": _message(exc)})
    except csv.Error as exc:
        raise _fail(f"Row {line} of the CSV cannot be read: {exc}.") from None
    if errors:
        raise _fail(
            f"{len(errors)} row(s) of the CSV are invalid; first: row "
            f"{errors[0]['param'][8:-1]}: {errors[0]['message']}",
            errors,
        )
    if not rows:
        raise _fail("The CSV has a header but no accounts.")
    return rows


def _entry(record: dict[str, str]) -> MigrationAccountCreate:
    source: dict[str, object] = {
        "host": record.get("host", ""),
        "username": record.get("username", ""),
        "password": record.get("password", ""),
    }
    if record.get("port"):
        if not record["port"].isdigit():
            raise ValueError(f"port {record['port']!r} is not a number")
        source["port"] = int(record["port"])
    if record.get("security"):
        source["security"] = record["security"].lower()
    if record.get("protocol"):
        source["protocol"] = record["protocol"].lower()
    if record.get("verify_tls"):
        flag = record["verify_tls"].lower()
        if flag not in _TRUE | _FALSE:
            raise ValueError(f"verify_tls {record['verify_tls']!r} is not true or false")
        source["verify_tls"] = flag in _TRUE
    return MigrationAccountCreate.model_validate(
        {"account": record.get("account", ""), "source": source}
    )


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg"))
    return str(exc)
