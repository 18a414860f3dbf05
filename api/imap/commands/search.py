"""SEARCH, SORT and THREAD (and their UID forms). Text keys (TEXT, BODY, SUBJECT, FROM, TO,
CC, BCC) are answered by Mailplane's search index — the API's tokens, so two Chinese
characters find a Chinese word — never by reading messages; flags, dates, sizes and
modseqs come from the message columns. ESEARCH answers when RETURN is given or IMAP4rev2
is enabled."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row

from api.imap.errors import No
from api.imap.mailstore import DELETED
from api.imap.parser import Command, SearchKey, SeqSet
from api.imap.wire import seqset
from api.mail import SearchQuery, Term, subject_key
from api.mail import search_tokens as tokens
from api.storage.models import MailMessage

if TYPE_CHECKING:
    from api.imap.session import ImapSession

CHARSETS = {"UTF-8", "US-ASCII", "UTF8"}
TEXT_COLUMNS = {"TEXT": None, "BODY": "body", "SUBJECT": "subject", "FROM": "sender",
                "TO": "recipients", "CC": "recipients", "BCC": "recipients"}
FLAG_INDEX = {"ANSWERED": 3, "FLAGGED": 2, "DRAFT": 4, "SEEN": 1}


class _Evaluator:
    def __init__(self, session: ImapSession) -> None:
        self.session = session
        sel = session.need_selected()
        self.sel = sel
        self.account = session.need_auth()
        self._all: set[int] | None = None
        self._rows: dict[int, Row[Any]] | None = None
        self._messages: dict[int, MailMessage] | None = None
        self.used_modseq = False
        self.now = datetime.now(UTC)

    @property
    def all(self) -> set[int]:
        """Every UID of the selected mailbox, made only when a key needs it (a set of
        100,000 UIDs costs more than a two-character text search)."""
        if self._all is None:
            self._all = set(self.sel.uids)
        return self._all

    async def rows(self) -> dict[int, Row[Any]]:
        if self._rows is None:
            found = await self.session.store.flags(self.account, self.sel.folder_id,
                                                   self.sel.uids)
            self._rows = {r[0]: r for r in found}
        return self._rows

    async def messages(self) -> dict[int, MailMessage]:
        if self._messages is None:
            found = await self.session.store.messages(self.account, self.sel.folder_id,
                                                      self.sel.uids)
            self._messages = {m.uid: m for m in found}
        return self._messages

    async def where(self, test: Callable[[Row[Any]], bool]) -> set[int]:
        return {uid for uid, row in (await self.rows()).items() if test(row)}

    async def all_of(self, keys: list[SearchKey]) -> set[int]:
        if not keys:
            return set(self.all)
        result = await self.key(keys[0])
        for key in keys[1:]:
            if not result:
                break
            result &= await self.key(key)
        return result

    async def text(self, column: str | None, value: str) -> set[int]:
        words = list(tokens(value))
        if not words:
            return set(self.all)
        query = SearchQuery(terms=[Term(words, column)])
        found = await self.session.store.search_text(self.account, self.sel.folder_id, query)
        if self._all is not None:
            return found & self._all
        msn = self.sel.msn  # a few matches: look each up instead of making the whole set
        return {u for u in found if msn(u) is not None}

    async def key(self, key: SearchKey) -> set[int]:
        name = str(key[0])
        if name == "AND":
            return await self.all_of(list(key[1]))  # type: ignore[call-overload]
        if name == "ALL" or name == "OLD":
            return set(self.all)
        if name in ("NEW", "RECENT"):
            return set()
        if name == "NOT":
            return self.all - await self.key(key[1])  # type: ignore[arg-type]
        if name == "OR":
            return await self.key(key[1]) | await self.key(key[2])  # type: ignore[arg-type]
        if name in FLAG_INDEX:
            i = FLAG_INDEX[name]
            return await self.where(lambda r: bool(r[i]))
        if name.startswith("UN") and name[2:] in FLAG_INDEX:
            i = FLAG_INDEX[name[2:]]
            return await self.where(lambda r: not r[i])
        if name in ("DELETED", "UNDELETED"):
            want = name == "DELETED"
            return await self.where(lambda r: (DELETED in (r[6] or [])) == want)
        if name in ("KEYWORD", "UNKEYWORD"):
            word = str(key[1]).lower()
            want = name == "KEYWORD"
            mapping = {"$forwarded": 5}
            if word in mapping:
                return await self.where(lambda r: bool(r[mapping[word]]) == want)
            return await self.where(
                lambda r: (word in {k.lower() for k in (r[6] or [])}) == want)
        if name in TEXT_COLUMNS:
            return await self.text(TEXT_COLUMNS[name], str(key[1]))
        if name in ("BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE"):
            day: date = key[1]  # type: ignore[assignment]
            index = 9 if name.startswith("SENT") else 8
            op = name.removeprefix("SENT")

            def test(r: Row[Any]) -> bool:
                when = r[index] or r[8]
                d = when.astimezone(UTC).date() if when.tzinfo else when.date()
                return d < day if op == "BEFORE" else d == day if op == "ON" else d >= day

            return await self.where(test)
        if name in ("LARGER", "SMALLER"):
            n = int(key[1])  # type: ignore[call-overload]
            return await self.where(lambda r: r[10] > n if name == "LARGER" else r[10] < n)
        if name in ("OLDER", "YOUNGER"):
            limit = self.now - timedelta(seconds=int(key[1]))  # type: ignore[call-overload]
            return await self.where(lambda r: (_utc(r[8]) <= limit) == (name == "OLDER"))
        if name == "MODSEQ":
            self.used_modseq = True
            n = int(key[1])  # type: ignore[call-overload]
            return await self.where(lambda r: r[7] >= n)
        if name == "UID":
            numbers: SeqSet = key[1]  # type: ignore[assignment]
            if numbers.saved:
                return self.all & set(self.sel.saved)
            largest = self.sel.max_uid
            return {u for u in self.all if numbers.contains(u, largest)}
        if name == "SEQ":
            numbers = key[1]  # type: ignore[assignment]
            if numbers.saved:
                return self.all & set(self.sel.saved)
            count = len(self.sel.uids)
            return {u for i, u in enumerate(self.sel.uids, 1) if numbers.contains(i, count)}
        if name == "HEADER":
            field, value = str(key[1]).lower(), str(key[2]).lower()
            out = set()
            for uid, message in (await self.messages()).items():
                raw = await self.session.store.raw(message.blob_sha256)
                head = raw.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace").lower()
                for line in head.replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n"):
                    if line.startswith(field + ":") and value in line[len(field) + 1 :]:
                        out.add(uid)
                        break
            return out
        raise No(f"Unsupported search key {name[:20]}", "CANNOT")


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _check_charset(command: Command) -> None:
    charset = command.args.get("charset")
    if charset is not None and str(charset) not in CHARSETS:
        raise No("Unsupported charset", "BADCHARSET (UTF-8 US-ASCII)")


def _numbers(session: ImapSession, uids: list[int], uid: bool) -> list[int]:
    sel = session.need_selected()
    return uids if uid else [n for u in uids if (n := sel.msn(u)) is not None]


async def search(session: ImapSession, command: Command) -> None:
    returns: list[str] | None = command.args.get("return")  # type: ignore[assignment]
    saving = returns is not None and "SAVE" in returns
    try:
        _check_charset(command)
    except No:
        if saving:
            session.need_selected().saved = []
        raise
    await session.sync(expunges=False)
    evaluator = _Evaluator(session)
    try:
        found = sorted(await evaluator.all_of(list(command.args["keys"])))  # type: ignore[call-overload]
    except No:
        if saving:
            evaluator.sel.saved = []  # RFC 5182: a failed SAVE leaves $ empty
        raise
    numbers = _numbers(session, found, command.uid)
    if saving:
        assert returns is not None
        # RFC 5182 2.1: with MIN and/or MAX only those are saved, else the whole result
        if found and ({"MIN", "MAX"} & set(returns)) and not ({"ALL", "COUNT"} & set(returns)):
            evaluator.sel.saved = sorted({found[0] if "MIN" in returns else found[-1],
                                          found[-1] if "MAX" in returns else found[0]})
        else:
            evaluator.sel.saved = list(found)
        returns = [r for r in returns if r != "SAVE"]
        if not returns:
            session.ok(command.tag, "Saved")
            return
    modseq = ""
    if evaluator.used_modseq and found:
        rows = await evaluator.rows()
        modseq = str(max(rows[u][7] for u in found))
    if returns is not None or "IMAP4REV2" in session.enabled:
        options = returns or ["ALL"]
        parts = [f'(TAG "{command.tag}")'] + (["UID"] if command.uid else [])
        if numbers:
            if "MIN" in options:
                parts.append(f"MIN {numbers[0]}")
            if "MAX" in options:
                parts.append(f"MAX {numbers[-1]}")
            if "ALL" in options:
                parts.append(f"ALL {seqset(numbers)}")
        if "COUNT" in options:
            parts.append(f"COUNT {len(numbers)}")
        if modseq:
            parts.append(f"MODSEQ {modseq}")
        session.untagged("ESEARCH " + " ".join(parts))
    else:
        tail = f" (MODSEQ {modseq})" if modseq else ""
        session.untagged(("SEARCH " + " ".join(str(n) for n in numbers)).rstrip() + tail)
    session.ok(command.tag, "Searched")


def _first_address(entries: list[dict[str, str]]) -> str:
    return (entries[0].get("address", "") if entries else "").lower()


def _sort_value(message: MailMessage, criterion: str) -> Any:
    if criterion == "ARRIVAL":
        return _utc(message.received_at)
    if criterion == "DATE":
        return _utc(message.sent_at or message.received_at)
    if criterion == "SIZE":
        return message.size
    if criterion == "SUBJECT":
        return subject_key(message.subject)
    if criterion == "FROM":
        return message.from_address.lower()
    if criterion == "TO":
        return _first_address(message.to_addresses)
    if criterion == "CC":
        return _first_address(message.cc_addresses)
    return 0


async def sort(session: ImapSession, command: Command) -> None:
    _check_charset(command)
    await session.sync(expunges=False)
    evaluator = _Evaluator(session)
    found = await evaluator.all_of(list(command.args["keys"]))  # type: ignore[call-overload]
    messages = await evaluator.messages()
    ordered = sorted(found, key=lambda u: u)
    criteria: list[str] = list(command.args["criteria"])  # type: ignore[call-overload]
    keys: list[tuple[str, bool]] = []
    reverse = False
    for c in criteria:
        if c == "REVERSE":
            reverse = True
            continue
        keys.append((c, reverse))
        reverse = False
    for criterion, rev in reversed(keys):
        ordered.sort(key=lambda u, c=criterion: _sort_value(messages[u], c)
                     if u in messages else 0, reverse=rev)
    numbers = _numbers(session, ordered, command.uid) if command.uid else [
        n for u in ordered if (n := session.need_selected().msn(u)) is not None]
    session.untagged(("SORT " + " ".join(str(n) for n in numbers)).rstrip())
    session.ok(command.tag, "Sorted")


async def thread(session: ImapSession, command: Command) -> None:
    """Threads are Mailplane's own conversations (References/In-Reply-To and subject, as
    the API shows them), each rendered as one chain in date order."""
    _check_charset(command)
    await session.sync(expunges=False)
    evaluator = _Evaluator(session)
    found = await evaluator.all_of(list(command.args["keys"]))  # type: ignore[call-overload]
    messages = await evaluator.messages()
    groups: dict[str, list[MailMessage]] = {}
    for uid in found:
        if uid in messages:
            m = messages[uid]
            groups.setdefault(m.thread_id if command.args["algorithm"] == "REFERENCES"
                              else subject_key(m.subject), []).append(m)
    sel = session.need_selected()
    chains = []
    for members in groups.values():
        members.sort(key=lambda m: (_utc(m.sent_at or m.received_at), m.uid))
        chains.append(members)
    chains.sort(key=lambda ms: (_utc(ms[0].sent_at or ms[0].received_at), ms[0].uid))
    text = "".join(
        "(" + " ".join(str(m.uid if command.uid else sel.msn(m.uid)) for m in chain) + ")"
        for chain in chains)
    session.untagged(("THREAD " + text).rstrip())
    session.ok(command.tag, "Threaded")

