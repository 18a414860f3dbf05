from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.find_time_result_reason_type_0 import FindTimeResultReasonType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.time_suggestion import TimeSuggestion
  from ..models.working_hours_used import WorkingHoursUsed





T = TypeVar("T", bound="FindTimeResult")



@_attrs_define
class FindTimeResult:
    """ 
        Attributes:
            suggestions (list[TimeSuggestion]): Free slots, earliest first.
            unavailable (list[str]): Attendees whose schedule could not be read.
            working_hours (WorkingHoursUsed):
            reason (FindTimeResultReasonType0 | None | Unset): Why `suggestions` is empty (null when it is not):
                `outside_working_hours` (the window holds no working-hours slot of that length in `working_hours.time_zone`),
                `attendees_busy` (someone is busy in every slot), `rooms_busy` (people are free but no room is),
                `no_attendee_found` (no attendee's schedule could be read).
     """

    suggestions: list[TimeSuggestion]
    unavailable: list[str]
    working_hours: WorkingHoursUsed
    reason: FindTimeResultReasonType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.time_suggestion import TimeSuggestion # noqa: PLC0415
        from ..models.working_hours_used import WorkingHoursUsed # noqa: PLC0415
        suggestions = []
        for suggestions_item_data in self.suggestions:
            suggestions_item = suggestions_item_data.to_dict()
            suggestions.append(suggestions_item)



        unavailable = self.unavailable



        working_hours = self.working_hours.to_dict()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        elif isinstance(self.reason, FindTimeResultReasonType0):
            reason = self.reason.value
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "suggestions": suggestions,
            "unavailable": unavailable,
            "working_hours": working_hours,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.time_suggestion import TimeSuggestion # noqa: PLC0415
        from ..models.working_hours_used import WorkingHoursUsed # noqa: PLC0415
        d = dict(src_dict)
        suggestions = []
        _suggestions = d.pop("suggestions")
        for suggestions_item_data in (_suggestions):
            suggestions_item = TimeSuggestion.from_dict(suggestions_item_data)



            suggestions.append(suggestions_item)


        unavailable = cast(list[str], d.pop("unavailable"))


        working_hours = WorkingHoursUsed.from_dict(d.pop("working_hours"))




        def _parse_reason(data: object) -> FindTimeResultReasonType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = FindTimeResultReasonType0(data)



                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindTimeResultReasonType0 | None | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        find_time_result = cls(
            suggestions=suggestions,
            unavailable=unavailable,
            working_hours=working_hours,
            reason=reason,
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
