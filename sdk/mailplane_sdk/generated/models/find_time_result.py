from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.time_suggestion import TimeSuggestion





T = TypeVar("T", bound="FindTimeResult")



@_attrs_define
class FindTimeResult:
    """ 
        Attributes:
            suggestions (list[TimeSuggestion]):
            unavailable (list[str]): Attendees whose schedule could not be read.
     """

    suggestions: list[TimeSuggestion]
    unavailable: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.time_suggestion import TimeSuggestion # noqa: PLC0415
        suggestions = []
        for suggestions_item_data in self.suggestions:
            suggestions_item = suggestions_item_data.to_dict()
            suggestions.append(suggestions_item)



        unavailable = self.unavailable




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "suggestions": suggestions,
            "unavailable": unavailable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.time_suggestion import TimeSuggestion # noqa: PLC0415
        d = dict(src_dict)
        suggestions = []
        _suggestions = d.pop("suggestions")
        for suggestions_item_data in (_suggestions):
            suggestions_item = TimeSuggestion.from_dict(suggestions_item_data)



            suggestions.append(suggestions_item)


        unavailable = cast(list[str], d.pop("unavailable"))


        find_time_result = cls(
            suggestions=suggestions,
            unavailable=unavailable,
        )


        find_time_result.additional_properties = d
        return find_time_result

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
