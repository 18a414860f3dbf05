"""The selected mailbox as one session sees it: its UIDs in order (message sequence number
= position + 1) and the modseq it was last brought up to date at.

The UIDs are a range while they run without a gap, else an array of 32-bit numbers (RFC
9051's nz-number), 4 bytes each instead of a list of int objects (about 36): a client
idling on a 10,000-message folder holds a few dozen bytes (at most 40 KB) instead of
360 KB, and thousands of them idle at once."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable


def compact(values: Iterable[int]) -> array[int] | range:
    """UIDs in ascending order as a range when they run without a gap (the usual mailbox:
    a few dozen bytes whatever its size), else as an array of 32-bit numbers."""
    packed = values if isinstance(values, array | range) else array("I", values)
    if isinstance(packed, array) and packed and packed[-1] - packed[0] + 1 == len(packed):
        return range(packed[0], packed[-1] + 1)
    return packed


class SelectedMailbox:
    __slots__ = ("_uids", "folder_id", "modseq", "path", "readonly", "saved", "silent",
                 "uid_validity")

    def __init__(self, folder_id: str, path: str, readonly: bool, uid_validity: int,
                 uids: Iterable[int], modseq: int) -> None:
        self.folder_id = folder_id
        self.path = path
        self.readonly = readonly
        self.uid_validity = uid_validity
        self._uids = compact(uids)
        self.modseq = modseq
        self.silent: set[int] = set()  # UIDs whose changes were just reported
        self.saved: list[int] = []  # SEARCHRES: the result SAVE kept, as UIDs

    @property
    def uids(self) -> array[int] | range:
        """The UIDs in order, read-only (change them with `uids = `, `append`, `remove_at`)."""
        return self._uids

    @uids.setter
    def uids(self, values: Iterable[int]) -> None:
        self._uids = compact(values)

    def append(self, added: list[int]) -> None:
        """New UIDs, ascending and above every present one."""
        uids = self._uids
        if isinstance(uids, range) and uids and added == list(
                range(uids.stop, uids.stop + len(added))):
            self._uids = range(uids.start, uids.stop + len(added))
            return
        grown = array("I", uids)
        grown.extend(added)
        self._uids = compact(grown)

    def remove_at(self, index: int) -> None:
        """Drop the UID at a 0-based position (an EXPUNGE)."""
        uids = self._uids
        if isinstance(uids, range) and index in (0, len(uids) - 1):
            self._uids = uids[1:] if index == 0 else uids[:-1]
            return
        shrunk = array("I", uids)
        del shrunk[index]
        self._uids = compact(shrunk)

    def msn(self, uid: int) -> int | None:
        uids = self._uids
        if isinstance(uids, range):
            return uid - uids.start + 1 if uid in uids else None
        i = bisect.bisect_left(uids, uid)
        return i + 1 if i < len(uids) and uids[i] == uid else None

    def between(self, lo: int, hi: int) -> array[int] | range:
        """The UIDs from lo to hi inclusive, in order."""
        uids = self._uids
        return uids[bisect.bisect_left(uids, lo) : bisect.bisect_right(uids, hi)]

    @property
    def max_uid(self) -> int:
        return self._uids[-1] if self._uids else 0
