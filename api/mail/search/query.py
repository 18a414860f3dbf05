"""Parse a search string (`q=`) into text terms and structured filters.

Operators: `from:` `to:` (to, cc and bcc) `subject:` `has:attachment` `is:unread|read|
flagged|answered|draft` `before:` `after:` (dates, YYYY-MM-DD, before is exclusive)
`in:<folder role>`; "quoted phrases"; a leading `-` negates a text term; a trailing `*`
makes the last word a prefix. Unknown operators are searched as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from api.errors import ValidationFailed
from api.i18n import _
from api.mail.search.tokens import tokens

MAX_QUERY = 500
MAX_TERMS = 20
_PART = re.compile(r'(-?)(?:([a-zA-Z_]+):)?(?:"([^"]*)"?|(\S+))')

COLUMNS = {
    "from": "sender",
    "to": "recipients",
    "cc": "recipients",
    "bcc": "recipients",
    "subject": "subject",
}
ROLES = {"inbox", "sent", "drafts", "trash", "junk", "archive", "outbox"}


@dataclass
class Term:
    tokens: list[str]
    column: str | None = None  # None: subject, addresses and text
    negate: bool = False
    prefix: bool = False


@dataclass
class SearchQuery:
    terms: list[Term] = field(default_factory=list)
    has_attachment: bool | None = None
    seen: bool | None = None
    flagged: bool | None = None
    answered: bool | None = None
    draft: bool | None = None
    before: datetime | None = None
    after: datetime | None = None
    folder_role: str | None = None

    @property
    def has_text(self) -> bool:
        return any(not t.negate for t in self.terms)


def _date(value: str, param: str) -> datetime:
    try:
        day = date.fromisoformat(value.replace("/", "-"))
    except ValueError:
        raise ValidationFailed(_(
            "`{param}:` needs a date like 2024-05-31.", param=param
        ), param="q") from None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def parse_query(q: str) -> SearchQuery:
    if len(q) > MAX_QUERY:
        raise ValidationFailed(
            _(
                "The search query is longer than {MAX_QUERY} characters.", MAX_QUERY=MAX_QUERY
            ), param="q"
        )
    result = SearchQuery()
    for match in _PART.finditer(q):
        negate, op, quoted, bare = (
            match.group(1) == "-",
            (match.group(2) or "").lower(),
            match.group(3),
            match.group(4),
        )
        value = quoted if quoted is not None else (bare or "")
        if op == "has" and value.lower() in ("attachment", "attachments"):
            result.has_attachment = not negate
            continue
        if op == "is":
            flag = value.lower()
            mapping = {
                "unread": ("seen", False),
                "read": ("seen", True),
                "seen": ("seen", True),
                "flagged": ("flagged", True),
                "starred": ("flagged", True),
                "answered": ("answered", True),
                "draft": ("draft", True),
            }
            if flag in mapping:
                name, wanted = mapping[flag]
                setattr(result, name, wanted != negate)
                continue
        if op in ("before", "after"):
            setattr(result, op, _date(value, op))
            continue
        if op == "in" and value.lower() in ROLES:
            result.folder_role = value.lower()
            continue
        column = COLUMNS.get(op)
        text = value if column or not op else f"{op} {value}"
        prefix = quoted is None and text.endswith("*")
        words = list(tokens(text.rstrip("*")))
        if not words:
            continue
        result.terms.append(Term(words, column, negate, prefix))
        if len(result.terms) > MAX_TERMS:
            raise ValidationFailed(_(
                "At most {MAX_TERMS} search terms.", MAX_TERMS=MAX_TERMS
            ), param="q")
    return result
