"""FETCH and UID FETCH: flags and modseqs from columns, sizes and dates from the message
row, everything else (ENVELOPE, BODYSTRUCTURE, BODY[section]<partial>, BINARY) from the
stored bytes, byte-exact. CHANGEDSINCE and VANISHED (CONDSTORE/QRESYNC); a non-PEEK body
fetch marks the message seen through the same flag change as the API."""

from __future__ import annotations

import base64
import binascii
import quopri
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row

from api.imap import mime_tree
from api.imap.commands.sets import resolve
from api.imap.envelope import bodystructure, envelope
from api.imap.errors import Bad, No
from api.imap.mailstore import flag_text, flags_of
from api.imap.parser import Command, FetchItem, SeqSet
from api.imap.selected import SelectedMailbox
from api.imap.wire import internal_date, literal, seqset

if TYPE_CHECKING:
    from api.imap.session import ImapSession

BATCH = 500  # messages read (bytes and all) and written at a time
FLAGS_BATCH = 5000  # when only columns are asked for
FLAG_ITEMS = {"UID", "FLAGS", "MODSEQ"}  # served from numbers alone, see _flags_only
FLAG_PIECES = {"UID": (b"UID %d", 0), "FLAGS": (b"FLAGS (%s)", 1), "MODSEQ": (b"MODSEQ (%d)", 2)}
WRITE_LINES = 20000  # FETCH FLAGS lines written at a time
NO_TREE = {"UID", "FLAGS", "MODSEQ", "RFC822", "RFC822.SIZE", "INTERNALDATE", "EMAILID",
           "THREADID", "SAVEDATE"}
NEEDS_ROW = {"INTERNALDATE", "RFC822.SIZE", "EMAILID", "THREADID", "SAVEDATE"}
NEEDS_RAW = {"ENVELOPE", "BODYSTRUCTURE", "BODY", "BODY.PEEK", "BINARY", "BINARY.PEEK",
             "BINARY.SIZE", "RFC822", "RFC822.HEADER", "RFC822.TEXT"}


def need_row_of(names: set[str]) -> bool:
    """Whether the items need more of a message than its flags (its stored columns)."""
    return bool(names & (NEEDS_ROW | NEEDS_RAW))


def _whole(item: FetchItem) -> bool:
    """BODY[] or BODY.PEEK[]: the stored bytes as they are, no MIME parsing needed."""
    return item.name in ("BODY", "BODY.PEEK") and item.section == "" and not item.part


def _section_bytes(raw: bytes, root: mime_tree.Part | None, item: FetchItem) -> bytes | None:
    """The bytes a BODY[...] item names, or None when the part does not exist."""
    if not item.part and not item.section:
        return raw
    assert root is not None
    part = mime_tree.find(root, item.part) if item.part else root
    if part is None:
        return None
    section = item.section or ""
    if item.part and not section:
        return part.body
    if section == "MIME":
        return part.header
    if item.part:
        if part.message is None:
            return None  # HEADER and TEXT of a part exist only for an attached message
        target = part.message
    else:
        target = root
    if section == "HEADER":
        return target.header
    if section == "TEXT":
        return target.body
    if section == "HEADER.FIELDS":
        return mime_tree.header_fields(target.header, item.fields, exclude=False)
    if section == "HEADER.FIELDS.NOT":
        return mime_tree.header_fields(target.header, item.fields, exclude=True)
    return None


def _decoded(part: mime_tree.Part) -> bytes:
    """BINARY: a leaf part's content with its transfer encoding undone."""
    encoding = (part.get("content-transfer-encoding") or "").strip().lower()
    if encoding == "base64":
        try:
            return base64.b64decode(b"".join(part.body.split()), validate=False)
        except (binascii.Error, ValueError):
            raise No("The part's base64 cannot be decoded", "UNKNOWN-CTE") from None
    if encoding == "quoted-printable":
        return quopri.decodestring(part.body)
    return part.body


def _partial(data: bytes, item: FetchItem) -> tuple[bytes, str]:
    if item.partial is None:
        return data, ""
    offset, length = item.partial
    return data[offset : offset + length], f"<{offset}>"


def _render(item: FetchItem, message: Row[Any] | None, raw: bytes | None,
            root: mime_tree.Part | None, flags: str, modseq: int) -> bytes | list[bytes]:
    """One item's response bytes; a body as [label and literal header, the bytes], so the
    message is never copied on its way to the socket."""
    name = item.name
    if name == "FLAGS":
        return f"FLAGS ({flags})".encode()
    if name == "MODSEQ":
        return f"MODSEQ ({modseq})".encode()
    if name == "INTERNALDATE":
        assert message is not None
        return b"INTERNALDATE " + internal_date(message.received_at)
    if name == "RFC822.SIZE":
        assert message is not None
        return f"RFC822.SIZE {len(raw) if raw is not None else message.size}".encode()
    if name == "EMAILID":
        assert message is not None
        return f"EMAILID ({message.id})".encode()
    if name == "THREADID":
        assert message is not None
        return f"THREADID ({message.thread_id})".encode()
    if name == "SAVEDATE":
        assert message is not None
        return b"SAVEDATE " + internal_date(message.created_at)
    assert raw is not None
    if name == "RFC822":
        return [b"RFC822 {%d}\r\n" % len(raw), raw]
    if _whole(item):
        data, origin = _partial(raw, item)
        return [b"%s%s {%d}\r\n" % (item.raw.replace("BODY.PEEK", "BODY").encode(),
                                     origin.encode(), len(data)), data]
    assert root is not None
    if name == "ENVELOPE":
        return b"ENVELOPE " + envelope(root)
    if name == "BODYSTRUCTURE":
        return b"BODYSTRUCTURE " + bodystructure(root, True)
    if name == "BODY" and item.section is None:
        return b"BODY " + bodystructure(root, False)
    if name == "RFC822":
        return b"RFC822 " + literal(raw)
    if name == "RFC822.HEADER":
        return b"RFC822.HEADER " + literal(root.header)
    if name == "RFC822.TEXT":
        return b"RFC822.TEXT " + literal(root.body)
    if name.startswith("BINARY"):
        part = mime_tree.find(root, item.part) if item.part else root
        if part is None or part.is_multipart:
            raise No("No such leaf part", "NONEXISTENT")
        data = _decoded(part)
        label = "BINARY[" + ".".join(str(p) for p in item.part) + "]"
        if name == "BINARY.SIZE":
            return f"BINARY.SIZE[{'.'.join(str(p) for p in item.part)}] {len(data)}".encode()
        data, origin = _partial(data, item)
        prefix = b"~" if b"\x00" in data else b""
        return f"{label}{origin} ".encode() + prefix + literal(data)
    data = _section_bytes(raw, root, item)
    label = item.raw.replace("BODY.PEEK", "BODY")
    if data is None:
        data = b""
    data, origin = _partial(data, item)
    return f"{label}{origin} ".encode() + literal(data)


async def fetch(session: ImapSession, command: Command) -> None:
    sel = session.need_selected()
    account = session.need_auth()
    numbers = command.args["set"]
    assert isinstance(numbers, SeqSet)
    items: list[FetchItem] = list(command.args["items"])  # type: ignore[call-overload]
    changedsince = command.args.get("changedsince")
    vanished = bool(command.args.get("vanished"))
    if vanished and (not command.uid or changedsince is None or "QRESYNC" not in session.enabled):
        raise Bad("VANISHED needs UID FETCH, CHANGEDSINCE and QRESYNC")
    if changedsince is not None:
        session.enabled.add("CONDSTORE")
    names = {i.name for i in items}
    if session.condstore and "MODSEQ" not in names and changedsince is not None:
        items.append(FetchItem("MODSEQ", raw="MODSEQ"))
        names.add("MODSEQ")
    if command.uid and "UID" not in names:
        items.insert(0, FetchItem("UID", raw="UID"))
        names.add("UID")
    if names <= FLAG_ITEMS:
        await _flags_only(session, command, sel, account, items, changedsince, vanished)
        return
    batch = BATCH if names & NEEDS_RAW else FLAGS_BATCH
    uids = resolve(sel, numbers, uid=command.uid)
    # the first batch's rows come with the mailbox's modseq: when it moved on, what changed
    # is reported first (and the set resolved again), else no other read is needed
    marks_seen = not sel.readonly and any(
        i.name in ("BODY", "BINARY") and i.section is not None or i.name in
        ("RFC822", "RFC822.TEXT") for i in items)
    pre = session.prefetched  # read with the pipelined commands around this one
    if pre is not None and not marks_seen and len(uids) <= batch and \
            pre.covers(sel.folder_id, sel.modseq, uids):
        modseq, first = pre.modseq, [pre.rows[u] for u in uids if u in pre.rows]
    else:
        pre = None
        modseq, first = await session.store.fetch_rows(
            account, sel.folder_id, uids[:batch], stored=need_row_of(names))
    prefetched: dict[int, Row[Any]] | None = {r[0]: r for r in first}
    if modseq != sel.modseq:
        await session.sync(expunges=False, changed=True)
        uids = resolve(sel, numbers, uid=command.uid)
        prefetched = None
    if vanished and isinstance(changedsince, int):
        _vanished(session, sel, numbers)
    need_row = need_row_of(names)
    need_raw = bool(names & NEEDS_RAW)
    need_tree = any(not (i.name in NO_TREE or _whole(i)) for i in items)
    out: list[bytes] = []
    for start in range(0, len(uids), batch):
        chunk = uids[start : start + batch]
        # one read of the columns this FETCH needs (flags, and the blob key, dates and ids
        # when asked for), never whole message rows
        if start == 0 and prefetched is not None:
            flag_rows = prefetched
        else:
            flag_rows = {r[0]: r for r in await session.store.flags(
                account, sel.folder_id, chunk, stored=need_row, brief=not need_row)}
        if changedsince is not None:
            chunk = [u for u in chunk if u in flag_rows and flag_rows[u][7] > changedsince]
        if marks_seen:
            unseen = [u for u in chunk if u in flag_rows and not flag_rows[u][1]]
            if unseen:
                await session.store.store_flags(account, sel.folder_id, unseen, "+",
                                                ["\\Seen"], None)
                flag_rows.update({r[0]: r for r in await session.store.flags(
                    account, sel.folder_id, unseen, stored=need_row, brief=not need_row)})
                sel.silent.update(unseen)
                if "FLAGS" not in names:
                    items.append(FetchItem("FLAGS", raw="FLAGS"))
                    names.add("FLAGS")
        raws: dict[int, bytes] = {}
        if need_raw:
            order = [u for u in chunk if u in flag_rows]
            if pre is not None:
                raws = {u: pre.raws[u] for u in order if u in pre.raws}
                order = [u for u in order if u not in raws]
            if order:
                raws.update(zip(order, await session.store.raws(
                    [flag_rows[u].blob_sha256 for u in order]), strict=True))
        for uid in chunk:
            row = flag_rows.get(uid)
            if row is None:
                continue  # expunged by someone else meanwhile
            message = row if need_row else None
            raw = raws.get(uid)
            root = mime_tree.parse(raw) if raw is not None and need_tree else None
            flags = " ".join(flags_of(row)) if "FLAGS" in names else ""
            out.append(b"* %d FETCH (" % sel.msn(uid))  # type: ignore[str-format]
            first = True
            for item in items:
                if item.name == "UID":
                    piece: bytes | list[bytes] = b"UID %d" % uid
                else:
                    piece = _render(item, message, raw, root, flags, int(row[7]))
                if not first:
                    out.append(b" ")
                first = False
                if isinstance(piece, list):
                    out.extend(piece)
                else:
                    out.append(piece)
            out.append(b")\r\n")
        session.send_parts(out)
        out = []
        await session.flush()
    session.ok(command.tag, "Fetched")


def _vanished(session: ImapSession, sel: SelectedMailbox, numbers: SeqSet) -> None:
    present = set(sel.uids)
    gone = [u for u in numbers.resolve(sel.max_uid) if u not in present] if \
        len(numbers.ranges) < 1000 else []
    if gone:
        session.untagged(f"VANISHED (EARLIER) {seqset(gone)}")


async def _flags_only(session: ImapSession, command: Command, sel: SelectedMailbox,
                      account: str, items: list[FetchItem], changedsince: object,
                      vanished: bool) -> None:
    """FETCH of UID, FLAGS and MODSEQ only (a client's flag sync, `1:* FLAGS` of a whole
    folder): one range read of (uid, flag bits, keywords text, modseq) numbers, each line
    rendered by one bytes format with the folder's few flag sets rendered once, written
    in large chunks."""
    numbers = command.args["set"]
    assert isinstance(numbers, SeqSet)
    uids = resolve(sel, numbers, uid=command.uid)
    lo, hi = (uids[0], uids[-1]) if uids else (1, 0)
    modseq, rows = await session.store.flag_bits(account, sel.folder_id, lo, hi)
    if modseq != sel.modseq:
        await session.sync(expunges=False, changed=True)
        uids = resolve(sel, numbers, uid=command.uid)
        lo, hi = (uids[0], uids[-1]) if uids else (1, 0)
        rows = (await session.store.flag_bits(account, sel.folder_id, lo, hi))[1] \
            if uids else []
    if vanished and isinstance(changedsince, int):
        _vanished(session, sel, numbers)
    wanted = None if not uids or len(uids) == len(sel.between(lo, hi)) else set(uids)
    since = changedsince if isinstance(changedsince, int) else None
    template = b"* %d FETCH (" + b" ".join(FLAG_PIECES[i.name][0] for i in items) + b")\r\n"
    pick = itemgetter(*(FLAG_PIECES[i.name][1] for i in items))
    single = len(items) == 1
    msn = sel.msn
    out: list[bytes] = []
    for uid, bits, keywords, mod in rows:
        if wanted is not None and uid not in wanted or since is not None and mod <= since:
            continue
        n = msn(uid)
        if n is None:
            continue  # not (or no longer) in this session's view of the mailbox
        values = (uid, flag_text(bits, keywords), mod)
        out.append(template % ((n, pick(values)) if single else (n, *pick(values))))
        if len(out) >= WRITE_LINES:
            session.writer.write(b"".join(out))
            out = []
            await session.flush()
    if out:
        session.writer.write(b"".join(out))
    session.ok(command.tag, "Fetched")
