"""The selected mailbox as one session sees it: its UIDs in order (message sequence number
= position + 1) and the modseq it was last brought up to date at."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class SelectedMailbox:
    folder_id: str
    path: str
    readonly: bool
    uid_validity: int
    uids: list[int]
    modseq: int
    silent: set[int] = field(default_factory=set)  # UIDs whose changes were just reported
    saved: list[int] = field(default_factory=list)  # SEARCHRES: the result SAVE kept, as UIDs

    def msn(self, uid: int) -> int | None:
        i = bisect.bisect_left(self.uids, uid)
        return i + 1 if i < len(self.uids) and self.uids[i] == uid else None

    @property
    def max_uid(self) -> int:
        return self.uids[-1] if self.uids else 0
