"""Source folders: IMAP modified UTF-7 names (RFC 3501 §5.1.3), LIST replies, and which
folder is Sent, Drafts, Trash, Junk or Archive: SPECIAL-USE attributes (RFC 6154) first,
then names in English and Chinese, then the job's own rules.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from typing import Any

from api.kit import mutf7

ROLES = ("inbox", "sent", "drafts", "junk", "trash", "archive")

SPECIAL_USE = {
    "\\sent": "sent",
    "\\drafts": "drafts",
    "\\trash": "trash",
    "\\junk": "junk",
    "\\archive": "archive",
}
#: Virtual folders that only show messages held elsewhere (Gmail's All Mail, Starred,
#: Important): importing them would copy every message twice.
VIRTUAL = ("\\all", "\\flagged", "\\important")

_NAMES: dict[str, tuple[str, ...]] = {
    "sent": (
        "sent",
        "sent items",
        "sent messages",
        "sent mail",
        "sent-mail",
        "outbox sent",
        "已发送",
        "已发送邮件",
        "已發送",
        "已傳送",
        "寄件备份",
        "寄件備份",
        "已发邮件",
    ),
    "drafts": ("drafts", "draft", "草稿箱", "草稿", "草稿夹", "草稿匣"),
    "trash": (
        "trash",
        "deleted items",
        "deleted messages",
        "deleted",
        "bin",
        "recycle bin",
        "已删除",
        "已删除邮件",
        "已刪除",
        "已刪除郵件",
        "回收站",
        "废件箱",
    ),
    "junk": (
        "junk",
        "junk e-mail",
        "junk email",
        "junk mail",
        "spam",
        "bulk mail",
        "垃圾邮件",
        "垃圾郵件",
        "垃圾箱",
        "广告邮件",
    ),
    "archive": ("archive", "archives", "归档", "存档", "歸檔"),
}
NAME_ROLES: dict[str, str] = {name: role for role, names in _NAMES.items() for name in names}


# --- modified UTF-7 --------------------------------------------------------------------

_SHIFT = re.compile(r"&([^-]*)-")


def decode_mutf7(name: str) -> str:
    """`&XfJT0ZAB-` → `已发送`; `&-` → `&`. Invalid runs are left as they are."""

    def one(match: re.Match[str]) -> str:
        run = match.group(1)
        if not run:
            return "&"
        try:
            raw = base64.b64decode(run.replace(",", "/") + "=" * (-len(run) % 4), validate=True)
            if len(raw) % 2:
                return match.group(0)
            return raw.decode("utf-16-be")
        except (ValueError, UnicodeDecodeError):
            return match.group(0)

    return _SHIFT.sub(one, name)


def encode_mutf7(name: str) -> str:
    """The inverse of `decode_mutf7`, for names we send (tests and folder rules)."""
    return mutf7.encode(name)


# --- LIST replies ----------------------------------------------------------------------


@dataclass
class RemoteFolder:
    """A mailbox as LIST shows it: its raw name (to SELECT), decoded name and attributes."""

    raw: str
    delimiter: str | None
    attributes: tuple[str, ...] = ()

    @property
    def selectable(self) -> bool:
        return not {"\\noselect", "\\nonexistent"} & {a.lower() for a in self.attributes}

    @property
    def parts(self) -> list[str]:
        name = self.raw if self.raw.upper() != "INBOX" else "INBOX"
        pieces = name.split(self.delimiter) if self.delimiter else [name]
        return [decode_mutf7(p) for p in pieces if p != ""]

    @property
    def name(self) -> str:
        """The decoded name with `/` between levels, as people write folder rules."""
        return "/".join(p.replace("/", "∕") for p in self.parts)


_ATOM = re.compile(rb'\(([^)]*)\)\s+(NIL|"(?:[^"\\]|\\.)?")\s+(.*)$', re.S)


def _unquote(value: bytes) -> str:
    if value.startswith(b'"') and value.endswith(b'"') and len(value) >= 2:
        value = re.sub(rb"\\(.)", rb"\1", value[1:-1])
    return value.decode("utf-8", "replace")


def parse_list(lines: list[Any]) -> list[RemoteFolder]:
    """Parse imaplib's LIST data (bytes lines, or (prefix, literal) tuples for names sent
    as literals). Unparseable lines are skipped."""
    folders: list[RemoteFolder] = []
    for line in lines:
        if line is None:
            continue
        literal: bytes | None = None
        if isinstance(line, tuple):
            line, literal = line[0], line[1]
        if not isinstance(line, bytes):
            continue
        match = _ATOM.match(line.strip())
        if match is None:
            continue
        attrs = tuple(a.decode("ascii", "replace") for a in match.group(1).split())
        delim_raw = match.group(2)
        delimiter = None if delim_raw == b"NIL" else _unquote(delim_raw)
        if literal is not None:
            raw = literal.decode("utf-8", "replace")
        else:
            raw = _unquote(match.group(3).strip())
        if raw:
            folders.append(RemoteFolder(raw=raw, delimiter=delimiter or None, attributes=attrs))
    return folders


# --- mapping ---------------------------------------------------------------------------


@dataclass
class FolderPlan:
    """Where one source folder goes: a system folder (`role`), a custom folder (`path`,
    its levels under the top or under the inbox) or nowhere (`skip_reason`)."""

    folder: RemoteFolder
    role: str | None = None
    path: list[str] = field(default_factory=list)
    skip_reason: str | None = None

    @property
    def target_path(self) -> str:
        if self.skip_reason:
            return ""
        if self.role:
            return self.role
        return "/".join(self.path)


def _rule_for(rules: list[dict[str, Any]], folder: RemoteFolder) -> dict[str, Any] | None:
    names = {folder.name, folder.raw, folder.name.casefold()}
    for rule in rules:
        source = str(rule.get("source", ""))
        if source in names or source.casefold() in names:
            return rule
    return None


def _strip_prefix(parts: list[str], prefix_parts: list[str]) -> list[str]:
    if (
        prefix_parts
        and [p.casefold() for p in parts[: len(prefix_parts)]]
        == [p.casefold() for p in prefix_parts]
        and len(parts) > len(prefix_parts)
    ):
        return parts[len(prefix_parts) :]
    return parts


def plan_folders(
    folders: list[RemoteFolder],
    rules: list[dict[str, Any]] | None = None,
    *,
    personal_prefix: str = "",
) -> list[FolderPlan]:
    """Decide every folder's destination. Each role goes to one folder only: a rule, then
    a SPECIAL-USE attribute, then an exact name wins; a second candidate becomes a custom
    folder of its own name."""
    rules = rules or []
    prefix_parts = [decode_mutf7(p) for p in re.split(r"[./]", personal_prefix) if p]
    plans = [FolderPlan(folder=f) for f in folders]
    taken: set[str] = set()

    def claim(plan: FolderPlan, role: str) -> bool:
        if role in taken:
            return False
        taken.add(role)
        plan.role = role
        return True

    # 1. explicit rules
    ruled: set[int] = set()
    for i, plan in enumerate(plans):
        rule = _rule_for(rules, plan.folder)
        if rule is None:
            continue
        ruled.add(i)
        if rule.get("skip"):
            plan.skip_reason = "skipped by a folder rule"
        elif rule.get("role"):
            if not claim(plan, str(rule["role"])):
                plan.path = _strip_prefix(plan.folder.parts, prefix_parts)
        elif rule.get("target"):
            plan.path = [p for p in str(rule["target"]).split("/") if p.strip()]
    # 2. INBOX and SPECIAL-USE
    for i, plan in enumerate(plans):
        if i in ruled:
            continue
        attrs = {a.lower() for a in plan.folder.attributes}
        if plan.folder.raw.upper() == "INBOX":
            claim(plan, "inbox")
            continue
        if attrs & set(VIRTUAL):
            plan.skip_reason = "virtual folder (its messages are in other folders)"
            continue
        for attr, role in SPECIAL_USE.items():
            if attr in attrs and claim(plan, role):
                break
    # 3. names, top level only (or directly under the personal namespace prefix)
    for i, plan in enumerate(plans):
        if i in ruled or plan.role or plan.skip_reason:
            continue
        parts = _strip_prefix(plan.folder.parts, prefix_parts)
        if len(parts) == 1:
            role = NAME_ROLES.get(parts[0].strip().casefold())
            if role and claim(plan, role):
                continue
        if not plan.path:
            plan.path = parts
    for plan in plans:
        if not plan.role and not plan.skip_reason and not plan.path:
            plan.path = plan.folder.parts or [plan.folder.raw]
        if not plan.skip_reason and not plan.folder.selectable:
            plan.skip_reason = "not selectable (holds only subfolders)"
    return plans
