"""The selected mailbox as one session sees it: its UIDs in order (message sequence number
= position + 1) and the modseq it was last brought up to date at.

The UIDs are an array of 32-bit numbers (RFC 9051's nz-number), 4 bytes each instead of a
list of int objects (about 36): a client idling on a 10,000-message folder holds 40 KB
instead of 360 KB, and thousands of them idle at once."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable

UidArray = array  # array("I")


def uid_array(values: Iterable[int] = ()) -> array[int]:
    return array("I", values)


class SelectedMailbox:
    __slots__ = ("_uids", "folder_id", "modseq", "path", "readonly", "saved", "silent",
                 "uid_validity")

    def __init__(self, folder_id: str, path: str, readonly: bool, uid_validity: int,
                 uids: Iterable[int], modseq: int) -> None:
        self.folder_id = folder_id
        self.path = path
        self.readonly = readonly
        self.uid_validity = uid_validity
        self._uids = uid_array(uids)
        self.modseq = modseq
        self.silent: set[int] = set()  # UIDs whose changes were just reported
        self.saved: list[int] = []  # SEARCHRES: the result SAVE kept, as UIDs

    @property
    def uids(self) -> array[int]:
        return self._uids

    @uids.setter
    def uids(self, values: Iterable[int]) -> None:
        self._uids = values if isinstance(values, array) else uid_array(values)

    def msn(self, uid: int) -> int | None:
        i = bisect.bisect_left(self._uids, uid)
        return i + 1 if i < len(self._uids) and self._uids[i] == uid else None

    def between(self, lo: int, hi: int) -> array[int]:
        """The UIDs from lo to hi inclusive, in order."""
        uids = self._uids
        return uids[bisect.bisect_left(uids, lo) : bisect.bisect_right(uids, hi)]

    @property
    def max_uid(self) -> int:
        return self._uids[-1] if self._uids else 0
