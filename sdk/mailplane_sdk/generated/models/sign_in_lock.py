from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sign_in_lock_kind import SignInLockKind
from typing import cast
import datetime






T = TypeVar("T", bound="SignInLock")



@_attrs_define
class SignInLock:
    """ Failed sign-ins the throttle remembers for one address of the organisation, or for a
    client address (IP) whose last failures named the organisation.

        Attributes:
            address (None | str): The sign-in address as typed (kind `address`).
            failures (int): Failures counted since the last success (or forgetting).
            id (str): The lock's id (`lck_…`), stable while failures are remembered.
            ip (None | str): The client address (kind `ip`).
            kind (SignInLockKind): `address`: failures for one sign-in address; `ip`: from one client address.
            last_failure_at (datetime.datetime): When the last failure happened (RFC 3339, UTC).
            locked (bool): Whether sign-ins are refused right now.
            locked_until (datetime.datetime | None): Until when sign-ins are refused; null when the failures have not locked
                it.
     """

    address: None | str
    failures: int
    id: str
    ip: None | str
    kind: SignInLockKind
    last_failure_at: datetime.datetime
    locked: bool
    locked_until: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        failures = self.failures

        id = self.id

        ip: None | str
        ip = self.ip

        kind = self.kind.value

        last_failure_at = self.last_failure_at.isoformat()

        locked = self.locked

        locked_until: None | str
        if isinstance(self.locked_until, datetime.datetime):
            locked_until = self.locked_until.isoformat()
        else:
            locked_until = self.locked_until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "failures": failures,
            "id": id,
            "ip": ip,
            "kind": kind,
            "last_failure_at": last_failure_at,
            "locked": locked,
            "locked_until": locked_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        failures = d.pop("failures")

        id = d.pop("id")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))


        kind = SignInLockKind(d.pop("kind"))




        last_failure_at = datetime.datetime.fromisoformat(d.pop("last_failure_at"))




        locked = d.pop("locked")

        def _parse_locked_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locked_until_type_0 = datetime.datetime.fromisoformat(data)



                return locked_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        locked_until = _parse_locked_until(d.pop("locked_until"))


        sign_in_lock = cls(
            address=address,
            failures=failures,
            id=id,
            ip=ip,
            kind=kind,
            last_failure_at=last_failure_at,
            locked=locked,
            locked_until=locked_until,
        )


        sign_in_lock.additional_properties = d
        return sign_in_lock

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
