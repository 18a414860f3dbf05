from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.directory_import_row_status import DirectoryImportRowStatus
from typing import cast






T = TypeVar("T", bound="DirectoryImportRow")



@_attrs_define
class DirectoryImportRow:
    """ 
        Attributes:
            account_id (None | str): The account it belongs to or acts on.
            address (None | str): An email address.
            changed (list[str]): The fields that changed.
            reason (None | str): Why.
            row (int): The data row's number in the file (the header is row 1).
            status (DirectoryImportRowStatus): Its current state (the values are listed by the schema).
     """

    account_id: None | str
    address: None | str
    changed: list[str]
    reason: None | str
    row: int
    status: DirectoryImportRowStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        address: None | str
        address = self.address

        changed = self.changed



        reason: None | str
        reason = self.reason

        row = self.row

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "address": address,
            "changed": changed,
            "reason": reason,
            "row": row,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        changed = cast(list[str], d.pop("changed"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        row = d.pop("row")

        status = DirectoryImportRowStatus(d.pop("status"))




        directory_import_row = cls(
            account_id=account_id,
            address=address,
            changed=changed,
            reason=reason,
            row=row,
            status=status,
        )


        directory_import_row.additional_properties = d
        return directory_import_row

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
