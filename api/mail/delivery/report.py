"""What a delivery reports back: per recipient, delivered (with the stored message's id),
queued for remote delivery, unknown, or over quota."""

from __future__ import annotations

from dataclasses import dataclass, field

RECEIVED = "mail.message.received"  # the event of a message delivered into a mailbox


@dataclass
class Delivered:
    address: str  # as addressed: the account's address, an alias, or a group's address
    account_id: str
    org_id: str
    message_id: str
    mailbox: str = ""  # the account's own address
    group: str | None = None  # the group address this copy was expanded from


@dataclass
class DeliveryReport:
    delivered: list[Delivered] = field(default_factory=list)
    queued: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    over_quota: list[str] = field(default_factory=list)

    def merge(self, other: DeliveryReport) -> None:
        self.delivered += other.delivered
        self.queued += other.queued
        self.unknown += other.unknown
        self.over_quota += other.over_quota
