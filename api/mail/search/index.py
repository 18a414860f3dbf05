"""The full-text index, one document per mailbox message (key = `mail_messages.seq`).

SQLite: a contentless FTS5 table (`owner`, `subject`, `sender`, `recipients`, `body`) over
pre-made tokens; the owner column holds one token per account so a search intersects the
account's posting list instead of filtering afterwards. Contentless tables cannot delete
in this SQLite, so entries of expunged messages stay behind and are dropped by the join
(sequence numbers are never reused).
PostgreSQL: `mail_search(seq, account_id, doc tsvector)` with a GIN index; the tsvector is
written as a literal (weights A-D mark the columns), so no text-search parser or locale
is involved and both backends match the same tokens.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import cast, column, literal, literal_column, table, text
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnClause, ColumnElement
from sqlalchemy.sql.expression import TableClause

from api.mail.mime import ParsedMessage
from api.mail.search.query import SearchQuery, Term
from api.mail.search.tokens import token_text

MAX_BODY_CHARS = 64 * 1024
MAX_POSITIONS = 16000  # PostgreSQL keeps positions below 16384
WEIGHTS = {"subject": "A", "sender": "B", "recipients": "C", "body": "D"}
ALL_TEXT = ("subject", "sender", "recipients", "body")

fts_table = table("mail_search", column("rowid"))
pg_table = table("mail_search", column("seq"), column("account_id"), column("doc"))


@dataclass
class SearchDoc:
    subject: str
    sender: str
    recipients: str
    body: str
    #: the entry already made from these fields (`made_ahead`): the four columns' token
    #: text for SQLite, or the tsvector literal for PostgreSQL
    columns: tuple[str, str, str, str] | None = None
    tsvector: str | None = None


@dataclass
class IndexedMessage(ParsedMessage):
    """A parsed message that carries its index entry, made where it was parsed (a
    migration's parsing processes), so the store does not tokenise it again."""

    search: SearchDoc | None = None


def made_ahead(parsed: ParsedMessage, dialect: str) -> IndexedMessage:
    """`parsed` with its index entry for `dialect` ("sqlite" or "postgresql") made now;
    the store uses it when the message's Bcc is the parsed one (imports and migrations)."""
    doc = document(parsed)
    if dialect == "sqlite":
        doc.columns = (token_text(doc.subject), token_text(doc.sender),
                       token_text(doc.recipients), token_text(doc.body))
    else:
        doc.tsvector = tsvector_literal(doc)
    return IndexedMessage(**vars(parsed), search=doc)


def _addresses(entries: list[dict[str, str]]) -> str:
    return " ".join(f"{e.get('name', '')} {e.get('address', '')}" for e in entries)


def document(parsed: ParsedMessage, bcc: list[dict[str, str]] | None = None) -> SearchDoc:
    if (
        isinstance(parsed, IndexedMessage)
        and parsed.search is not None
        and (bcc is None or bcc == parsed.bcc)
    ):
        return parsed.search
    body = parsed.body_text[:MAX_BODY_CHARS]
    names = " ".join(a["filename"] for a in parsed.attachments if a.get("filename"))
    return SearchDoc(
        subject=parsed.subject,
        sender=f"{parsed.from_name} {parsed.from_address}",
        recipients=_addresses(parsed.to + parsed.cc + (bcc if bcc is not None else parsed.bcc)),
        body=f"{body} {names}",
    )


def owner_token(account_id: str) -> str:
    return account_id.replace("_", "").lower()


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


async def add(session: AsyncSession, seq: int, account_id: str, doc: SearchDoc) -> None:
    if _dialect(session) == "sqlite":
        await session.execute(
            text(
                "INSERT INTO mail_search(rowid, owner, subject, sender, recipients, body) "
                "VALUES (:seq, :owner, :subject, :sender, :recipients, :body)"
            ),
            {
                "seq": seq,
                "owner": owner_token(account_id),
                "subject": token_text(doc.subject),
                "sender": token_text(doc.sender),
                "recipients": token_text(doc.recipients),
                "body": token_text(doc.body),
            },
        )
        return
    await session.execute(
        text(
            "INSERT INTO mail_search(seq, account_id, doc) VALUES (:seq, :account, "
            "CAST(:doc AS tsvector))"
        ),
        {"seq": seq, "account": account_id, "doc": tsvector_literal(doc)},
    )


async def add_many(session: AsyncSession, rows: list[tuple[int, str, SearchDoc]]) -> None:
    """Index several messages in one statement (bulk ingest)."""
    if not rows:
        return
    if _dialect(session) == "sqlite":
        await session.execute(
            text(
                "INSERT INTO mail_search(rowid, owner, subject, sender, recipients, body) "
                "VALUES (:seq, :owner, :subject, :sender, :recipients, :body)"
            ),
            [_fts_row(seq, acc, d) for seq, acc, d in rows],
        )
        return
    await session.execute(
        text(
            "INSERT INTO mail_search(seq, account_id, doc) VALUES (:seq, :account, "
            "CAST(:doc AS tsvector))"
        ),
        [
            {"seq": seq, "account": acc, "doc": d.tsvector or tsvector_literal(d)}
            for seq, acc, d in rows
        ],
    )


def _fts_row(seq: int, account_id: str, doc: SearchDoc) -> dict[str, Any]:
    subject, sender, recipients, body = doc.columns or (
        token_text(doc.subject), token_text(doc.sender), token_text(doc.recipients),
        token_text(doc.body),
    )
    return {"seq": seq, "owner": owner_token(account_id), "subject": subject,
            "sender": sender, "recipients": recipients, "body": body}


async def remove(session: AsyncSession, seqs: list[int]) -> None:
    if seqs and _dialect(session) != "sqlite":
        await session.execute(
            text("DELETE FROM mail_search WHERE seq = ANY(:seqs)"), {"seqs": list(seqs)}
        )


def tsvector_literal(doc: SearchDoc) -> str:
    """Tokens with their positions and column weights, in the order they come. Tokens come
    from `token_text` (equal to `tokens()`, several times faster): a 20 KB body in about a
    third of the time of a token-at-a-time generator."""
    positions: defaultdict[str, list[str]] = defaultdict(list)
    pos = 1
    for name in ALL_TEXT:
        text = token_text(getattr(doc, name)) if pos < MAX_POSITIONS else ""
        if text:
            words = text.split(" ")[: MAX_POSITIONS - pos]
            weight = WEIGHTS[name]
            labels = [f"{i}{weight}" for i in range(pos, pos + len(words))]
            for word, label in zip(words, labels, strict=True):
                positions[word].append(label)
            pos += len(words)
        pos = min(pos + 100, MAX_POSITIONS)  # no phrase spans two columns
    return " ".join(f"'{tok}':{','.join(p)}" for tok, p in positions.items())


# --- queries ---------------------------------------------------------------------------------


def _fts_term(term: Term) -> str:
    phrase = " ".join(term.tokens)
    expr = f'"{phrase}"' + ("*" if term.prefix else "")
    columns = term.column or "{" + " ".join(ALL_TEXT) + "}"
    return f"{columns} : {expr}"


def fts_match(account_id: str, query: SearchQuery) -> str:
    """An FTS5 MATCH expression: the owner token AND every term (NOT for negated ones)."""
    expr = f'owner : "{owner_token(account_id)}"'
    for term in query.terms:
        expr += (" NOT " if term.negate else " AND ") + _fts_term(term)
    return expr


def _ts_term(term: Term) -> str:
    weight = WEIGHTS[term.column] if term.column else ""
    parts = []
    for i, tok in enumerate(term.tokens):
        suffix = ":*" if term.prefix and i == len(term.tokens) - 1 else ":"
        suffix = (suffix + weight) if (suffix != ":" or weight) else ""
        parts.append(f"'{tok}'{suffix}")
    inner = " <-> ".join(parts)
    return f"!({inner})" if term.negate else f"({inner})"


def tsquery_literal(query: SearchQuery) -> str:
    return " & ".join(_ts_term(t) for t in query.terms)


def matching_seq(session: AsyncSession, account_id: str, query: SearchQuery) -> IndexJoin:
    """What a repository needs to join the index for the session's dialect: the FROM item,
    its key column (a message's seq) and the match conditions."""
    if _dialect(session) == "sqlite":
        match: ColumnElement[bool] = literal_column("mail_search").op("MATCH")(
            fts_match(account_id, query)
        )
        return IndexJoin(fts_table, fts_table.c.rowid, [match])
    where: list[ColumnElement[bool]] = [
        pg_table.c.account_id == account_id,
        pg_table.c.doc.op("@@")(cast(literal(tsquery_literal(query)), TSQUERY)),
    ]
    return IndexJoin(pg_table, pg_table.c.seq, where)


@dataclass
class IndexJoin:
    table: TableClause
    key: ColumnClause[Any]
    where: list[ColumnElement[bool]]
