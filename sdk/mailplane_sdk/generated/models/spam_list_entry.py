from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.spam_list_entry_kind import SpamListEntryKind
from ..models.spam_list_entry_scope import SpamListEntryScope
from typing import cast
import datetime






T = TypeVar("T", bound="SpamListEntry")



@_attrs_define
class SpamListEntry:
    """ 
        Attributes:
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            created_by (None | str): Who created it.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            kind (SpamListEntryKind): Which list the entry is on
            note (str): A note.
            scope (SpamListEntryScope): OAuth scope(s), space-separated, or the part of a series a change applies to.
            value (str): Normalised: lower case, domains in ASCII (punycode)
     """

    created_at: datetime.datetime
    created_by: None | str
    id: str
    kind: SpamListEntryKind
    note: str
    scope: SpamListEntryScope
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by: None | str
        created_by = self.created_by

        id = self.id

        kind = self.kind.value

        note = self.note

        scope = self.scope.value

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "created_by": created_by,
            "id": id,
            "kind": kind,
            "note": note,
            "scope": scope,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))


        id = d.pop("id")

        kind = SpamListEntryKind(d.pop("kind"))




        note = d.pop("note")

        scope = SpamListEntryScope(d.pop("scope"))




        value = d.pop("value")

        spam_list_entry = cls(
            created_at=created_at,
            created_by=created_by,
            id=id,
            kind=kind,
            note=note,
            scope=scope,
            value=value,
        )


        spam_list_entry.additional_properties = d
        return spam_list_entry

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
