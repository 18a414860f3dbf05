"""Turning a command's sequence set into the selected mailbox's UIDs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.imap.parser import SeqSet

if TYPE_CHECKING:
    from api.imap.selected import SelectedMailbox


def resolve(sel: SelectedMailbox, numbers: SeqSet, *, uid: bool) -> list[int]:
    """UIDs the set names, ascending: UIDs present in the mailbox (`*` is the largest), or
    message sequence numbers (1..count) mapped to their UIDs. `$` (SEARCHRES) is the
    last saved search result, less what has been expunged since, in either form."""
    if numbers.saved:
        saved = set(sel.saved)
        return [u for u in sel.uids if u in saved]
    if uid:
        largest = sel.max_uid
        if len(numbers.ranges) == 1:  # 1:*, a client's batch: a slice, no set
            lo, hi = numbers.ranges[0]
            a = largest if lo is None else lo
            b = largest if hi is None else hi
            return list(sel.between(min(a, b), max(a, b)))
        found: set[int] = set()
        for lo, hi in numbers.ranges:
            a = largest if lo is None else lo
            b = largest if hi is None else hi
            found.update(sel.between(min(a, b), max(a, b)))
        return sorted(found)
    count = len(sel.uids)
    if not count:
        return []
    out: list[int] = []
    for lo, hi in numbers.ranges:
        a = count if lo is None else lo
        b = count if hi is None else hi
        a, b = max(1, min(a, b)), min(count, max(a, b))
        if a <= b:
            out.extend(sel.uids[a - 1 : b])
    return sorted(set(out))
