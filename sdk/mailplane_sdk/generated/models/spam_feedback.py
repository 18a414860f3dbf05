from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.spam_feedback_label import SpamFeedbackLabel






T = TypeVar("T", bound="SpamFeedback")



@_attrs_define
class SpamFeedback:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            folder_id (str): Where the message is now
            label (SpamFeedbackLabel): A label.
            learned (bool): False when the message was already learned this way
            message_id (str): The `Message-ID` header, or a message's id where the schema says so.
     """

    account_id: str
    folder_id: str
    label: SpamFeedbackLabel
    learned: bool
    message_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        folder_id = self.folder_id

        label = self.label.value

        learned = self.learned

        message_id = self.message_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "folder_id": folder_id,
            "label": label,
            "learned": learned,
            "message_id": message_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        folder_id = d.pop("folder_id")

        label = SpamFeedbackLabel(d.pop("label"))




        learned = d.pop("learned")

        message_id = d.pop("message_id")

        spam_feedback = cls(
            account_id=account_id,
            folder_id=folder_id,
            label=label,
            learned=learned,
            message_id=message_id,
        )


        spam_feedback.additional_properties = d
        return spam_feedback

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
