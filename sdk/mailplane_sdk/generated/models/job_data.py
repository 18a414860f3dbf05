from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.job_data_counts_type_0 import JobDataCountsType0





T = TypeVar("T", bound="JobData")



@_attrs_define
class JobData:
    """ 
        Attributes:
            id (str): The id of the resource the event is about.
            counts (JobDataCountsType0 | None | Unset): Totals by state.
            status (None | str | Unset): Its current state (the values are listed by the schema).
     """

    id: str
    counts: JobDataCountsType0 | None | Unset = UNSET
    status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.job_data_counts_type_0 import JobDataCountsType0 # noqa: PLC0415
        id = self.id

        counts: dict[str, Any] | None | Unset
        if isinstance(self.counts, Unset):
            counts = UNSET
        elif isinstance(self.counts, JobDataCountsType0):
            counts = self.counts.to_dict()
        else:
            counts = self.counts

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
        })
        if counts is not UNSET:
            field_dict["counts"] = counts
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_data_counts_type_0 import JobDataCountsType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_counts(data: object) -> JobDataCountsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counts_type_0 = JobDataCountsType0.from_dict(data)



                return counts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobDataCountsType0 | None | Unset, data)

        counts = _parse_counts(d.pop("counts", UNSET))


        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        job_data = cls(
            id=id,
            counts=counts,
            status=status,
        )


        job_data.additional_properties = d
        return job_data

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
