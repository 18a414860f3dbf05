"""IMAP command parser: one complete command's bytes (its lines and literals, as the reader
collected them) into a typed `Command`. Pure and total: anything it cannot read is a
`ParseError` (answered with a tagged BAD), never another exception.

Grammar from RFC 9051 section 9 and RFC 3501, with the extensions the server announces
(CONDSTORE/QRESYNC modifiers, LIST-EXTENDED options, ESEARCH return options, LITERAL+).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

MAX_DEPTH = 32  # nested parentheses
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SPECIALS = b' ()"{\r\n'
_LITERAL = re.compile(rb"\{(\d{1,10})(\+?)\}\r\n")


class ParseError(Exception):
    """The command is malformed; `tag` is set when it was readable."""

    def __init__(self, message: str, tag: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.tag = tag


class Atom(str):
    """A bare word as sent (flags, fetch items, keys), as opposed to a quoted string."""


Token = Atom | bytes | list["Token"]


# --- typed pieces --------------------------------------------------------------------------


@dataclass(frozen=True)
class SeqSet:
    """A sequence set: ranges with None for `*`; `saved` is `$` (SEARCHRES)."""

    ranges: tuple[tuple[int | None, int | None], ...]
    saved: bool = False

    def resolve(self, largest: int) -> set[int]:
        out: set[int] = set()
        for lo, hi in self.ranges:
            a = largest if lo is None else lo
            b = largest if hi is None else hi
            if a > b:
                a, b = b, a
            if b - a > 10_000_000:
                b = a + 10_000_000
            out.update(range(a, b + 1))
        return out

    def contains(self, value: int, largest: int) -> bool:
        for lo, hi in self.ranges:
            a = largest if lo is None else lo
            b = largest if hi is None else hi
            if min(a, b) <= value <= max(a, b):
                return True
        return False


@dataclass(frozen=True)
class FetchItem:
    """One FETCH data item. `section` like "", "HEADER", "1.2.MIME", "HEADER.FIELDS";
    `partial` is (offset, length)."""

    name: str  # FLAGS UID ... BODY BODY.PEEK BINARY BINARY.PEEK BINARY.SIZE
    section: str | None = None
    part: tuple[int, ...] = ()
    fields: tuple[str, ...] = ()
    partial: tuple[int, int] | None = None
    raw: str = ""  # how the client wrote it (echoed in the response)


@dataclass
class Command:
    tag: str
    name: str
    uid: bool = False
    args: dict[str, object] = field(default_factory=dict)


SearchKey = tuple[object, ...]


# --- tokenizer ----------------------------------------------------------------------------


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def peek(self) -> int | None:
        return self.data[self.pos] if self.pos < len(self.data) else None

    def at_end(self) -> bool:
        rest = self.data[self.pos :]
        return rest in (b"", b"\r\n", b"\n")

    def space(self) -> None:
        if self.peek() != 0x20:
            raise ParseError("expected a space")
        self.pos += 1

    def maybe_space(self) -> bool:
        if self.peek() == 0x20:
            self.pos += 1
            return True
        return False

    def atom(self) -> Atom:
        start = self.pos
        data = self.data
        bracket = False
        while self.pos < len(data):
            ch = data[self.pos]
            if ch == 0x5B:  # [
                bracket = True
            elif ch == 0x5D:  # ]
                bracket = False
                self.pos += 1
                if self.peek() == 0x3C:  # <partial>
                    end = data.find(b">", self.pos)
                    if end < 0:
                        raise ParseError("unterminated partial")
                    self.pos = end + 1
                continue
            elif ch < 0x20 or ch == 0x7F or (not bracket and ch in _SPECIALS):
                break
            elif bracket and ch in b"\r\n":
                break
            self.pos += 1
        if bracket:
            raise ParseError("unterminated [")
        if self.pos == start:
            raise ParseError("expected an atom")
        try:
            return Atom(data[start : self.pos].decode("utf-8"))
        except UnicodeDecodeError:
            raise ParseError("atom is not UTF-8") from None

    def quoted(self) -> bytes:
        self.pos += 1
        out = bytearray()
        data = self.data
        while True:
            if self.pos >= len(data):
                raise ParseError("unterminated quoted string")
            ch = data[self.pos]
            if ch == 0x22:
                self.pos += 1
                return bytes(out)
            if ch == 0x5C:
                self.pos += 1
                if self.pos >= len(data) or data[self.pos] not in b'"\\':
                    raise ParseError("bad escape in quoted string")
                ch = data[self.pos]
            elif ch in b"\r\n":
                raise ParseError("line break in quoted string")
            out.append(ch)
            self.pos += 1

    def literal(self) -> bytes:
        match = _LITERAL.match(self.data, self.pos)
        if match is None:
            raise ParseError("bad literal")
        size = int(match.group(1))
        start = match.end()
        if start + size > len(self.data):
            raise ParseError("literal shorter than announced")
        self.pos = start + size
        return self.data[start : self.pos]

    def string(self) -> bytes:
        ch = self.peek()
        if ch == 0x22:
            return self.quoted()
        if ch == 0x7B:
            return self.literal()
        raise ParseError("expected a string")

    def astring(self) -> bytes:
        ch = self.peek()
        if ch in (0x22, 0x7B):
            return self.string()
        return self.atom().encode()

    def token(self, depth: int = 0) -> Token:
        ch = self.peek()
        if ch is None:
            raise ParseError("unexpected end of command")
        if ch == 0x28:
            return self.parens(depth + 1)
        if ch in (0x22, 0x7B):
            return self.string()
        return self.atom()

    def parens(self, depth: int = 0) -> list[Token]:
        if depth > MAX_DEPTH:
            raise ParseError("too deeply nested")
        if self.peek() != 0x28:
            raise ParseError("expected (")
        self.pos += 1
        out: list[Token] = []
        while True:
            ch = self.peek()
            if ch is None:
                raise ParseError("unterminated (")
            if ch == 0x29:
                self.pos += 1
                return out
            if out:
                self.space()
                if self.peek() == 0x29:
                    raise ParseError("space before )")
            out.append(self.token(depth))

    def rest(self) -> list[Token]:
        out: list[Token] = []
        while not self.at_end():
            self.space()
            out.append(self.token())
        return out


# --- helpers ------------------------------------------------------------------------------


def _text(token: Token, what: str) -> str:
    if isinstance(token, list):
        raise ParseError(f"{what}: expected a string")
    raw = token.encode() if isinstance(token, str) else token
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ParseError(f"{what}: not UTF-8") from None


def _number(token: Token, what: str, *, nz: bool = False) -> int:
    if not isinstance(token, Atom) or not token.isdigit() or len(token) > 20:
        raise ParseError(f"{what}: expected a number")
    value = int(token)
    if nz and value == 0:
        raise ParseError(f"{what}: zero is not allowed")
    return value


def parse_seqset(text: str) -> SeqSet:
    if text == "$":
        return SeqSet((), saved=True)
    if not text or len(text) > 100_000:
        raise ParseError("bad sequence set")
    ranges: list[tuple[int | None, int | None]] = []

    def one(part: str) -> int | None:
        if part == "*":
            return None
        if not part.isdigit() or part.startswith("0") or len(part) > 10:
            raise ParseError("bad sequence number")
        value = int(part)
        if value > 0xFFFFFFFF:
            raise ParseError("sequence number too large")
        return value

    for piece in text.split(","):
        if ":" in piece:
            lo, _, hi = piece.partition(":")
            ranges.append((one(lo), one(hi)))
        else:
            value = one(piece)
            ranges.append((value, value))
    return SeqSet(tuple(ranges))


def _seqset(token: Token) -> SeqSet:
    if not isinstance(token, Atom):
        raise ParseError("expected a sequence set")
    return parse_seqset(token)


def parse_date(text: str) -> date:
    """`1-Feb-1994` / `01-Feb-1994`."""
    parts = text.split("-")
    if len(parts) != 3 or parts[1].lower() not in MONTHS:
        raise ParseError("bad date")
    try:
        return date(int(parts[2]), MONTHS.index(parts[1].lower()) + 1, int(parts[0]))
    except ValueError:
        raise ParseError("bad date") from None


def parse_datetime(text: str) -> datetime:
    """`17-Jul-1996 02:44:25 -0700` (INTERNALDATE of APPEND)."""
    try:
        day, clock, zone = text.strip().split(" ")
        d = parse_date(day)
        hh, mm, ss = (int(x) for x in clock.split(":"))
        sign = -1 if zone[0] == "-" else 1
        if zone[0] not in "+-" or len(zone) != 5:
            raise ValueError
        offset = sign * (int(zone[1:3]) * 60 + int(zone[3:5]))
        local = datetime(d.year, d.month, d.day, hh, mm, ss,
                         tzinfo=timezone(timedelta(minutes=offset)))
        return local.astimezone(UTC)
    except (ValueError, IndexError, ParseError):
        raise ParseError("bad date-time") from None


_SECTION = re.compile(
    r"^((?:\d+\.)*\d+)?\.?(HEADER\.FIELDS\.NOT|HEADER\.FIELDS|HEADER|TEXT|MIME)?$"
)
_ITEM = re.compile(
    r"^(BODY\.PEEK|BODY|BINARY\.PEEK|BINARY\.SIZE|BINARY)\[([^\]]*)\](?:<(\d+)(?:\.(\d+))?>)?$",
    re.IGNORECASE,
)
SIMPLE_FETCH = {
    "FLAGS", "UID", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODYSTRUCTURE", "BODY",
    "RFC822", "RFC822.HEADER", "RFC822.TEXT", "MODSEQ", "EMAILID", "THREADID", "SAVEDATE",
}
MACROS = {
    "ALL": ["FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE"],
    "FAST": ["FLAGS", "INTERNALDATE", "RFC822.SIZE"],
    "FULL": ["FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY"],
}


def parse_fetch_item(text: str, fields: tuple[str, ...] = ()) -> FetchItem:
    upper = text.upper()
    if upper in SIMPLE_FETCH:
        return FetchItem(upper, raw=upper)
    match = _ITEM.match(text)
    if match is None:
        raise ParseError(f"unknown fetch item {text[:40]}")
    name = match.group(1).upper()
    section_text = match.group(2).strip().upper()
    part: tuple[int, ...] = ()
    section = ""
    if " " in section_text:
        section_text = section_text.split(" ", 1)[0]
    if section_text:
        sm = _SECTION.match(section_text)
        if sm is None or (sm.group(1) is None and sm.group(2) == "MIME"):
            raise ParseError("bad section")
        if sm.group(1):
            part = tuple(int(x) for x in sm.group(1).split("."))
            if any(p == 0 for p in part) or len(part) > 32:
                raise ParseError("bad section part")
        section = sm.group(2) or ""
    if name.startswith("BINARY") and section:
        raise ParseError("BINARY takes a part number only")
    if section.startswith("HEADER.FIELDS") and not fields:
        raise ParseError("HEADER.FIELDS needs a list of fields")
    partial = None
    if match.group(3) is not None:
        if name == "BINARY.SIZE":
            raise ParseError("BINARY.SIZE takes no partial")
        length = int(match.group(4)) if match.group(4) is not None else 0xFFFFFFFF
        partial = (int(match.group(3)), length)
    shown = text.split("<", 1)[0] if "<" in text else text
    return FetchItem(name, section, part, fields, partial, raw=shown)


def _fetch_items(tokens: list[Token]) -> list[FetchItem]:
    """Items after the sequence set; `BODY[HEADER.FIELDS (A B)]` arrives as an atom ending
    in `(A` ... — the reader keeps bracketed text whole, so fields are inside the atom."""
    out: list[FetchItem] = []
    for tok in tokens:
        if isinstance(tok, list):
            raise ParseError("nested list in fetch items")
        text = _text(tok, "fetch item")
        if not isinstance(tok, Atom):
            raise ParseError("fetch items are atoms")
        upper = text.upper()
        if upper in MACROS:
            if len(tokens) != 1:
                raise ParseError("a macro stands alone")
            out.extend(FetchItem(n, raw=n) for n in MACROS[upper])
            continue
        fields: tuple[str, ...] = ()
        inner = re.search(r"\[[^\]]*\(([^)]*)\)\s*\]", text)
        if inner:
            fields = tuple(f.upper() for f in inner.group(1).split() if f)
            if not fields:
                raise ParseError("empty header field list")
            head = re.sub(r"\s*\([^)]*\)\s*\]", "]", text)
            item = parse_fetch_item(head, fields)
            raw = text.split("<", 1)[0] if text.rstrip().endswith(">") else text
            out.append(FetchItem(item.name, item.section, item.part, fields, item.partial,
                                 raw=raw.upper()))
            continue
        out.append(parse_fetch_item(text))
    return out


# --- search keys --------------------------------------------------------------------------

_NOARG = {"ALL", "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "NEW", "OLD", "RECENT", "SEEN",
          "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN"}
_STRARG = {"BCC", "BODY", "CC", "FROM", "SUBJECT", "TEXT", "TO"}
_DATEARG = {"BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE"}
_NUMARG = {"LARGER", "SMALLER", "OLDER", "YOUNGER"}


def _search_key(tokens: list[Token], pos: int, depth: int = 0) -> tuple[SearchKey, int]:
    if depth > MAX_DEPTH:
        raise ParseError("search too deeply nested")
    if pos >= len(tokens):
        raise ParseError("missing search key")
    tok = tokens[pos]
    if isinstance(tok, list):
        if not tok:
            raise ParseError("empty search list")
        keys, _ = _search_keys(tok, depth + 1)
        return ("AND", keys), pos + 1
    if not isinstance(tok, Atom):
        raise ParseError("expected a search key")
    name = tok.upper()

    def arg(i: int) -> Token:
        if pos + i >= len(tokens):
            raise ParseError(f"{name} needs an argument")
        return tokens[pos + i]

    if name in _NOARG:
        return (name,), pos + 1
    if name in _STRARG:
        return (name, _text(arg(1), name)), pos + 2
    if name in ("KEYWORD", "UNKEYWORD"):
        return (name, _text(arg(1), name)), pos + 2
    if name in _DATEARG:
        return (name, parse_date(_text(arg(1), name))), pos + 2
    if name in _NUMARG:
        return (name, _number(arg(1), name)), pos + 2
    if name == "HEADER":
        return (name, _text(arg(1), name), _text(arg(2), name)), pos + 3
    if name == "UID":
        return (name, _seqset(arg(1))), pos + 2
    if name == "NOT":
        inner, nxt = _search_key(tokens, pos + 1, depth + 1)
        return ("NOT", inner), nxt
    if name == "OR":
        left, nxt = _search_key(tokens, pos + 1, depth + 1)
        right, nxt = _search_key(tokens, nxt, depth + 1)
        return ("OR", left, right), nxt
    if name == "MODSEQ":
        nxt = pos + 1
        if nxt + 2 < len(tokens) + 1 and isinstance(arg(1), bytes):
            nxt += 2  # entry name and type, which we ignore
        return ("MODSEQ", _number(tokens[nxt] if nxt < len(tokens) else Atom(""), name)), nxt + 1
    if name and (name[0].isdigit() or name[0] == "*" or name == "$"):
        return ("SEQ", parse_seqset(tok)), pos + 1
    raise ParseError(f"unknown search key {name[:30]}")


def _search_keys(tokens: list[Token], depth: int = 0) -> tuple[list[SearchKey], int]:
    keys: list[SearchKey] = []
    pos = 0
    while pos < len(tokens):
        key, pos = _search_key(tokens, pos, depth)
        keys.append(key)
    if not keys:
        raise ParseError("no search keys")
    return keys, pos


def _search_program(tokens: list[Token], args: dict[str, object], *, returns: bool) -> None:
    pos = 0
    if returns and tokens and isinstance(tokens[0], Atom) and tokens[0].upper() == "RETURN":
        if len(tokens) < 2 or not isinstance(tokens[1], list):
            raise ParseError("RETURN needs a list")
        options = [_text(t, "return option").upper() for t in tokens[1]]
        for opt in options:
            if opt not in ("MIN", "MAX", "ALL", "COUNT", "SAVE"):
                raise ParseError(f"unknown RETURN option {opt[:20]}")
        args["return"] = options or ["ALL"]
        pos = 2
    if (
        pos < len(tokens) and isinstance(tokens[pos], Atom)
        and str(tokens[pos]).upper() == "CHARSET"
    ):
        if pos + 1 >= len(tokens):
            raise ParseError("CHARSET needs a name")
        args["charset"] = _text(tokens[pos + 1], "charset").upper()
        pos += 2
    args["keys"] = _search_keys(tokens[pos:])[0]


# --- commands -----------------------------------------------------------------------------

NO_ARGS = {"CAPABILITY", "NOOP", "LOGOUT", "STARTTLS", "CHECK", "CLOSE", "UNSELECT", "EXPUNGE",
           "IDLE", "NAMESPACE", "COMPRESS"}
ONE_MAILBOX = {"CREATE", "DELETE", "SUBSCRIBE", "UNSUBSCRIBE", "GETQUOTAROOT"}


def _mailbox(token: Token) -> str:
    name = _text(token, "mailbox")
    if not name or len(name) > 1000:
        raise ParseError("bad mailbox name")
    return name


def _select(tokens: list[Token], args: dict[str, object]) -> None:
    if not tokens:
        raise ParseError("SELECT needs a mailbox")
    args["mailbox"] = _mailbox(tokens[0])
    if len(tokens) > 2 or (len(tokens) == 2 and not isinstance(tokens[1], list)):
        raise ParseError("bad SELECT parameters")
    params = tokens[1] if len(tokens) == 2 else []
    assert isinstance(params, list)
    i = 0
    while i < len(params):
        name = _text(params[i], "select parameter").upper()
        if name == "CONDSTORE":
            args["condstore"] = True
            i += 1
        elif name == "QRESYNC":
            if i + 1 >= len(params) or not isinstance(params[i + 1], list):
                raise ParseError("QRESYNC needs parameters")
            q = params[i + 1]
            assert isinstance(q, list)
            if len(q) < 2:
                raise ParseError("QRESYNC needs uidvalidity and modseq")
            known = _seqset(q[2]) if len(q) > 2 and isinstance(q[2], Atom) else None
            args["qresync"] = (_number(q[0], "uidvalidity", nz=True), _number(q[1], "modseq"),
                               known)
            i += 2
        else:
            raise ParseError(f"unknown SELECT parameter {name[:20]}")


def _list(tokens: list[Token], args: dict[str, object]) -> None:
    pos = 0
    select: list[str] = []
    if tokens and isinstance(tokens[0], list):
        select = [_text(t, "selection option").upper() for t in tokens[0]]
        pos = 1
    if len(tokens) < pos + 2:
        raise ParseError("LIST needs a reference and a pattern")
    args["reference"] = _text(tokens[pos], "reference")
    pattern = tokens[pos + 1]
    patterns = [_text(p, "pattern") for p in pattern] if isinstance(pattern, list) else [
        _text(pattern, "pattern")]
    if not patterns:
        raise ParseError("LIST needs a pattern")
    args["patterns"] = patterns
    returns: list[str] = []
    rest = tokens[pos + 2 :]
    if rest:
        if len(rest) != 2 or not isinstance(rest[0], Atom) or rest[0].upper() != "RETURN" \
                or not isinstance(rest[1], list):
            raise ParseError("bad LIST return options")
        i = 0
        items = rest[1]
        while i < len(items):
            opt = _text(items[i], "return option").upper()
            if opt == "STATUS":
                if i + 1 >= len(items) or not isinstance(items[i + 1], list):
                    raise ParseError("STATUS needs items")
                args["status"] = [_text(t, "status item").upper() for t in items[i + 1]]  # type: ignore[union-attr]
                i += 2
                continue
            returns.append(opt)
            i += 1
    args["select"] = select
    args["returns"] = returns


def _store(tokens: list[Token], args: dict[str, object]) -> None:
    if len(tokens) < 3:
        raise ParseError("STORE needs a set, an item and flags")
    args["set"] = _seqset(tokens[0])
    pos = 1
    if isinstance(tokens[1], list):
        mods = tokens[1]
        if len(mods) != 2 or _text(mods[0], "modifier").upper() != "UNCHANGEDSINCE":
            raise ParseError("bad STORE modifier")
        args["unchangedsince"] = _number(mods[1], "unchangedsince")
        pos = 2
    if len(tokens) < pos + 2:
        raise ParseError("STORE needs an item and flags")
    item = _text(tokens[pos], "store item").upper()
    match = re.fullmatch(r"([+-]?)FLAGS(\.SILENT)?", item)
    if match is None:
        raise ParseError("bad STORE item")
    args["mode"] = match.group(1)
    args["silent"] = bool(match.group(2))
    flags = tokens[pos + 1 :]
    if len(flags) == 1 and isinstance(flags[0], list):
        flags = flags[0]
    args["flags"] = [_flag(f) for f in flags]


def _flag(token: Token) -> str:
    if not isinstance(token, Atom):
        raise ParseError("flags are atoms")
    text = str(token)
    if text.startswith("\\"):
        if text[1:].lower() not in ("seen", "answered", "flagged", "deleted", "draft", "recent"):
            raise ParseError("unknown system flag")
        return "\\" + text[1:].capitalize()
    if any(ch in text for ch in "%*]\\") or len(text) > 100:
        raise ParseError("bad keyword")
    return text


def _append(reader: _Reader, args: dict[str, object]) -> None:
    reader.space()
    args["mailbox"] = _mailbox(reader.astring())
    messages: list[tuple[list[str], datetime | None, bytes]] = []
    while not reader.at_end():
        reader.space()
        flags: list[str] = []
        when: datetime | None = None
        if reader.peek() == 0x28:
            flags = [_flag(t) for t in reader.parens()]
            reader.space()
        if reader.peek() == 0x22:
            when = parse_datetime(reader.quoted().decode("ascii", "replace"))
            reader.space()
        if reader.data[reader.pos : reader.pos + 1] == b"~":
            reader.pos += 1  # literal8 (BINARY): the same bytes here
        messages.append((flags, when, reader.literal()))
    if not messages:
        raise ParseError("APPEND needs a message literal")
    args["messages"] = messages


def parse_command(data: bytes) -> Command:
    """Parse one whole command (ending in CRLF, literals inline)."""
    reader = _Reader(data)
    try:
        tag = reader.atom()
    except ParseError:
        raise ParseError("missing tag") from None
    if "+" in tag or "[" in tag or "]" in tag:
        raise ParseError("bad tag")
    try:
        reader.space()
        name = reader.atom().upper()
        cmd = Command(tag=tag, name=name)
        if name == "UID":
            reader.space()
            cmd.uid = True
            cmd.name = name = reader.atom().upper()
            if name not in ("FETCH", "STORE", "COPY", "MOVE", "SEARCH", "EXPUNGE", "SORT",
                            "THREAD"):
                raise ParseError(f"UID {name[:20]} is not a command")
        if name == "APPEND":
            _append(reader, cmd.args)
            return cmd
        if name == "AUTHENTICATE":
            reader.space()
            cmd.args["mechanism"] = reader.atom().upper()
            if reader.maybe_space():
                initial = reader.atom()
                cmd.args["initial"] = initial
            if not reader.at_end():
                raise ParseError("junk after AUTHENTICATE")
            return cmd
        tokens = reader.rest()
        _arguments(cmd, tokens)
        return cmd
    except ParseError as error:
        error.tag = tag
        raise


def _arguments(cmd: Command, tokens: list[Token]) -> None:
    name, args = cmd.name, cmd.args
    if name in NO_ARGS:
        if name == "COMPRESS":
            if len(tokens) != 1 or _text(tokens[0], "algorithm").upper() != "DEFLATE":
                raise ParseError("COMPRESS DEFLATE only")
            return
        if name == "EXPUNGE" and cmd.uid:
            if len(tokens) != 1:
                raise ParseError("UID EXPUNGE needs a set")
            args["set"] = _seqset(tokens[0])
            return
        if tokens:
            raise ParseError(f"{name} takes no arguments")
        return
    if name == "LOGIN":
        if len(tokens) != 2 or any(isinstance(t, list) for t in tokens):
            raise ParseError("LOGIN needs a user name and a password")
        args["user"] = _text(tokens[0], "user")
        args["password"] = _text(tokens[1], "password")
    elif name in ("SELECT", "EXAMINE"):
        _select(tokens, args)
    elif name in ONE_MAILBOX:
        if len(tokens) != 1:
            raise ParseError(f"{name} needs a mailbox")
        args["mailbox"] = _mailbox(tokens[0])
    elif name == "GETQUOTA":
        if len(tokens) != 1:
            raise ParseError("GETQUOTA needs a root")
        args["root"] = _text(tokens[0], "root")
    elif name == "RENAME":
        if len(tokens) != 2:
            raise ParseError("RENAME needs two mailboxes")
        args["old"], args["new"] = _mailbox(tokens[0]), _mailbox(tokens[1])
    elif name in ("LIST", "LSUB"):
        _list(tokens, args)
    elif name == "STATUS":
        if len(tokens) != 2 or not isinstance(tokens[1], list) or not tokens[1]:
            raise ParseError("STATUS needs a mailbox and items")
        args["mailbox"] = _mailbox(tokens[0])
        items = [_text(t, "status item").upper() for t in tokens[1]]
        for item in items:
            if item not in ("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "SIZE",
                            "HIGHESTMODSEQ", "DELETED", "APPENDLIMIT"):
                raise ParseError(f"unknown STATUS item {item[:20]}")
        args["items"] = items
    elif name == "FETCH":
        if len(tokens) < 2:
            raise ParseError("FETCH needs a set and items")
        args["set"] = _seqset(tokens[0])
        spec = tokens[1]
        items = _fetch_items(spec if isinstance(spec, list) else [spec])
        if not items:
            raise ParseError("FETCH needs items")
        args["items"] = items
        rest = tokens[2:]
        if rest:
            if len(rest) != 1 or not isinstance(rest[0], list):
                raise ParseError("bad FETCH modifiers")
            mods = rest[0]
            i = 0
            while i < len(mods):
                mod = _text(mods[i], "modifier").upper()
                if mod == "CHANGEDSINCE" and i + 1 < len(mods):
                    args["changedsince"] = _number(mods[i + 1], "changedsince")
                    i += 2
                elif mod == "VANISHED":
                    args["vanished"] = True
                    i += 1
                else:
                    raise ParseError(f"unknown FETCH modifier {mod[:20]}")
    elif name == "STORE":
        _store(tokens, args)
    elif name in ("COPY", "MOVE"):
        if len(tokens) != 2:
            raise ParseError(f"{name} needs a set and a mailbox")
        args["set"] = _seqset(tokens[0])
        args["mailbox"] = _mailbox(tokens[1])
    elif name == "SEARCH":
        _search_program(tokens, args, returns=True)
    elif name == "SORT":
        if len(tokens) < 3 or not isinstance(tokens[0], list):
            raise ParseError("SORT needs criteria, a charset and keys")
        criteria = [_text(t, "sort key").upper() for t in tokens[0]]
        allowed = {"ARRIVAL", "CC", "DATE", "FROM", "REVERSE", "SIZE", "SUBJECT", "TO"}
        if not criteria or any(c not in allowed for c in criteria) or criteria[-1] == "REVERSE":
            raise ParseError("bad SORT criteria")
        args["criteria"] = criteria
        args["charset"] = _text(tokens[1], "charset").upper()
        args["keys"] = _search_keys(tokens[2:])[0]
    elif name == "THREAD":
        if len(tokens) < 3:
            raise ParseError("THREAD needs an algorithm, a charset and keys")
        algorithm = _text(tokens[0], "algorithm").upper()
        if algorithm not in ("REFERENCES", "ORDEREDSUBJECT"):
            raise ParseError("unknown THREAD algorithm")
        args["algorithm"] = algorithm
        args["charset"] = _text(tokens[1], "charset").upper()
        args["keys"] = _search_keys(tokens[2:])[0]
    elif name == "ENABLE":
        if not tokens:
            raise ParseError("ENABLE needs capabilities")
        args["capabilities"] = [_text(t, "capability").upper() for t in tokens]
    elif name == "ID":
        if len(tokens) != 1:
            raise ParseError("ID needs a list or NIL")
        params: dict[str, str] = {}
        if isinstance(tokens[0], list):
            pairs = tokens[0]
            if len(pairs) % 2 or len(pairs) > 60:
                raise ParseError("ID needs field/value pairs")
            for i in range(0, len(pairs), 2):
                params[_text(pairs[i], "id field")[:30]] = _text(pairs[i + 1], "id value")[:1024]
        args["params"] = params
    else:
        raise ParseError(f"unknown command {name[:30]}")
