from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Changes")



@_attrs_define
class Changes:
    """ What changed in a collection since a state: ids only; fetch the resources you need.

        Attributes:
            created (list[str]): Ids created since the given state.
            deleted (list[str]): Ids deleted since the given state.
            has_more (bool): More changes wait: call again with `new_state` at once.
            new_state (str): Pass as `since` next time.
            since_state (None | str): The state you asked from (null: none given).
            updated (list[str]): Ids changed since the given state.
     """

    created: list[str]
    deleted: list[str]
    has_more: bool
    new_state: str
    since_state: None | str
    updated: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created



        deleted = self.deleted



        has_more = self.has_more

        new_state = self.new_state

        since_state: None | str
        since_state = self.since_state

        updated = self.updated




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "deleted": deleted,
            "has_more": has_more,
            "new_state": new_state,
            "since_state": since_state,
            "updated": updated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = cast(list[str], d.pop("created"))


        deleted = cast(list[str], d.pop("deleted"))


        has_more = d.pop("has_more")

        new_state = d.pop("new_state")

        def _parse_since_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        since_state = _parse_since_state(d.pop("since_state"))


        updated = cast(list[str], d.pop("updated"))


        changes = cls(
            created=created,
            deleted=deleted,
            has_more=has_more,
            new_state=new_state,
            since_state=since_state,
            updated=updated,
        )


        changes.additional_properties = d
        return changes

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
