"""Account files: reading CSV (UTF-8, UTF-16 or GB18030/GBK) and XLSX safely, the column
set with its English and Chinese header names, the template, and export writers that
neutralise spreadsheet formulas."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# defusedxml is installed, so openpyxl parses the XML defensively
import openpyxl  # type: ignore[import-untyped]

from api.directory.errors import (
    ImportColumns,
    ImportEncoding,
    ImportMalformed,
    ImportTooManyRows,
    ImportZipBomb,
)
from api.i18n import Msg

COLUMNS = [
    "address",
    "display_name",
    "password",
    "must_change_password",
    "employee_number",
    "mobile",
    "job_title",
    "departments",
    "manager",
    "quota_mb",
    "type",
    "hidden_from_address_book",
    "aliases",
    "security_phone",
    "recovery_email",
    "locale",
]
EXPORT_COLUMNS = [c for c in COLUMNS if c not in ("password", "must_change_password")]

SYNONYMS = {
    "email": "address",
    "e-mail": "address",
    "mail": "address",
    "邮箱": "address",
    "邮箱地址": "address",
    "电子邮件": "address",
    "邮件地址": "address",
    "name": "display_name",
    "姓名": "display_name",
    "显示名": "display_name",
    "名称": "display_name",
    "密码": "password",
    "初始密码": "password",
    "首次登录修改密码": "must_change_password",
    "工号": "employee_number",
    "员工编号": "employee_number",
    "employee_id": "employee_number",
    "phone": "mobile",
    "手机": "mobile",
    "手机号": "mobile",
    "手机号码": "mobile",
    "title": "job_title",
    "职位": "job_title",
    "职务": "job_title",
    "department": "departments",
    "部门": "departments",
    "上级": "manager",
    "直属上级": "manager",
    "manager_address": "manager",
    "quota": "quota_mb",
    "容量": "quota_mb",
    "邮箱容量": "quota_mb",
    "邮箱容量(mb)": "quota_mb",
    "类型": "type",
    "账号类型": "type",
    "hidden": "hidden_from_address_book",
    "隐藏": "hidden_from_address_book",
    "别名": "aliases",
    "alias": "aliases",
    "初次登录修改密码": "must_change_password",
    "首次登录需修改密码": "must_change_password",
    "安全手机": "security_phone",
    "密保手机": "security_phone",
    "备用邮箱": "recovery_email",
    "找回邮箱": "recovery_email",
    "语言": "locale",
    "language": "locale",
}

#: The template's and export's header in Chinese: the names Alibaba Mail and Exmail admins
#: know (each maps back to its column through SYNONYMS, so the file imports as it is).
CHINESE_HEADERS = {
    "address": "邮箱地址",
    "display_name": "姓名",
    "password": "初始密码",
    "must_change_password": "初次登录修改密码",
    "employee_number": "工号",
    "mobile": "手机",
    "job_title": "职位",
    "departments": "部门",
    "manager": "直属上级",
    "quota_mb": "邮箱容量(MB)",
    "type": "账号类型",
    "hidden_from_address_book": "隐藏",
    "aliases": "别名",
    "security_phone": "安全手机",
    "recovery_email": "备用邮箱",
    "locale": "语言",
}

EXAMPLE_ZH = {
    "type": "员工",
    "must_change_password": "是",
    "hidden_from_address_book": "否",
    "job_title": "销售经理",
    "departments": "销售部/华东区",
}


def header(columns: list[str], lang: str) -> list[str]:
    """Column names for a file in `lang` (`zh-CN` or `en`)."""
    return [CHINESE_HEADERS[c] for c in columns] if lang == "zh-CN" else list(columns)


EXAMPLE = {
    "address": "zhang.wei@example.com",
    "display_name": "张伟",
    "password": "",
    "must_change_password": "true",
    "employee_number": "E1001",
    "mobile": "+8613800138000",
    "job_title": "Sales manager",
    "departments": "Sales/East",
    "manager": "",
    "quota_mb": "10240",
    "type": "employee",
    "hidden_from_address_book": "false",
    "aliases": "wei.zhang@example.com",
    "security_phone": "+8613800138000",
    "recovery_email": "zhangwei@home.example",
    "locale": "zh-CN",
}

# XLSX is a zip: refuse archives that would inflate beyond these before parsing any XML.
XLSX_MAX_UNCOMPRESSED = 200 * 1024 * 1024
XLSX_MAX_RATIO = 100
XLSX_MAX_ENTRIES = 2000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Sheet:
    """A readable file: canonical column names, and its data rows read lazily (each pass
    re-reads the file, so memory stays flat however many rows there are)."""

    columns: list[str]
    records: Callable[[], Iterator[list[str]]]  # data records after the header, as strings
    max_rows: int

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number in the file, values by column) for every non-empty row."""
        return _rows(self.columns, self.records(), self.max_rows)


def detect_format(data: bytes, declared: str | None = None) -> str:
    if declared in ("csv", "xlsx"):
        return declared
    return "xlsx" if data[:4] == b"PK\x03\x04" else "csv"


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportEncoding(
        "The file is neither UTF-8, UTF-16 nor GB18030/GBK text.",
        param="file",
    )


def canonical_columns(header: list[str]) -> list[str]:
    out: list[str] = []
    unknown: list[str] = []
    for raw in header:
        name = raw.strip().lstrip("\ufeff").strip().lower().replace(" ", "_")
        name = SYNONYMS.get(name, SYNONYMS.get(raw.strip(), name))
        if name not in COLUMNS:
            unknown.append(raw.strip() or "(empty)")
        out.append(name)
    if unknown:
        raise ImportColumns(
            Msg(
                "Unknown column(s): {values}. Expected: {expected}.",
                values=', '.join(unknown),
                expected=', '.join(COLUMNS),
            ),
            param="file",
        )
    dupes = sorted({c for c in out if out.count(c) > 1})
    if dupes:
        raise ImportColumns(
            Msg("Column(s) given twice: {values}.", values=', '.join(dupes)), param="file"
        )
    if "address" not in out:
        raise ImportColumns(
            "The file needs an `address` column.", param="file"
        )
    return out


def _rows(
    columns: list[str], records: Iterator[list[str]], max_rows: int
) -> Iterator[tuple[int, dict[str, str]]]:
    width = len(columns)
    count = 0
    for number, record in enumerate(records, start=2):
        cells = [c.strip() for c in record]
        while len(cells) > width and not cells[-1]:
            cells.pop()
        if not any(cells):
            continue
        if len(cells) > width:
            raise ImportMalformed(
                Msg(
                    "Row {number} has {count} cells but the header has {width}.",
                    number=number,
                    count=len(cells),
                    width=width,
                ),
                param="file",
            )
        count += 1
        if count > max_rows:
            raise ImportTooManyRows(
                Msg("The file has more than {max_rows} rows.", max_rows=max_rows),
                param="file",
            )
        cells += [""] * (width - len(cells))
        yield number, dict(zip(columns, cells, strict=True))


def read_csv(data: bytes, max_rows: int) -> Sheet:
    text = decode_text(data)
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)

    def records() -> Iterator[list[str]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            yield from reader
        except csv.Error as exc:
            raise ImportMalformed(
                Msg(
                    "The CSV is malformed near line {line_num}: {exc}.",
                    line_num=reader.line_num,
                    exc=exc,
                ),
                param="file",
            ) from None

    all_records = records()
    header = next(all_records, None)
    if not header:
        raise ImportMalformed("The file is empty.", param="file")
    columns = canonical_columns(header)

    def data_records() -> Iterator[list[str]]:
        it = records()
        next(it, None)
        yield from it

    return Sheet(columns, data_records, max_rows)


def check_zip(data: bytes) -> None:
    """Refuse zip bombs: too many entries, too much inflated data, or absurd ratios."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportMalformed(
            "The file is not a valid XLSX workbook.", param="file"
        ) from None
    if len(infos) > XLSX_MAX_ENTRIES:
        raise ImportZipBomb(
            "The workbook has too many parts.", param="file"
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > XLSX_MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ImportZipBomb(
                Msg(
                    "The workbook part {filename} inflates {XLSX_MAX_RATIO}x beyond its size.",
                    filename=info.filename,
                    XLSX_MAX_RATIO=XLSX_MAX_RATIO,
                ),
                param="file",
            )
    if total > XLSX_MAX_UNCOMPRESSED:
        raise ImportZipBomb(
            "The workbook inflates beyond the limit.", param="file"
        )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _xlsx_records(data: bytes) -> Generator[list[str], None, None]:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for broken workbooks
        raise ImportMalformed(
            "The file is not a readable XLSX workbook.", param="file"
        ) from None
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield [_cell(v) for v in row]
    finally:
        book.close()


def read_xlsx(data: bytes, max_rows: int) -> Sheet:
    check_zip(data)
    records = _xlsx_records(data)
    skipped = 0
    header = next(records, None)
    while header is not None and not any(h.strip() for h in header):
        skipped += 1
        header = next(records, None)
    records.close()
    if not header:
        raise ImportMalformed("The workbook is empty.", param="file")
    while header and not header[-1].strip():
        header.pop()
    columns = canonical_columns(header)

    def data_records() -> Iterator[list[str]]:
        it = _xlsx_records(data)
        for _ in range(skipped + 1):
            next(it, None)
        yield from it

    return Sheet(columns, data_records, max_rows)


def read_sheet(data: bytes, fmt: str, max_rows: int) -> Sheet:
    return read_xlsx(data, max_rows) if fmt == "xlsx" else read_csv(data, max_rows)


def escape_formula(value: str) -> str:
    """Make a cell inert in spreadsheets (OWASP CSV injection): prefix a quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unescape_formula(value: str) -> str:
    """Undo `escape_formula` when a file we exported is imported again."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def template(fmt: str, lang: str = "en") -> bytes:
    example = {**EXAMPLE, **(EXAMPLE_ZH if lang == "zh-CN" else {})}
    rows = [header(COLUMNS, lang), [example[c] for c in COLUMNS]]
    if fmt == "xlsx":
        return xlsx_bytes(rows)
    return csv_bytes(rows, "utf-8-sig")


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([escape_formula(v) for v in row])
    return buf.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("accounts")
    for row in rows:
        sheet.append([escape_formula(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
