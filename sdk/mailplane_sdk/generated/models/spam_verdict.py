from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.spam_verdict_action_type_0 import SpamVerdictActionType0
from ..models.spam_verdict_feedback_type_0 import SpamVerdictFeedbackType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SpamVerdict")



@_attrs_define
class SpamVerdict:
    """ 
        Attributes:
            message_id (str): The `Message-ID` header, or a message's id where the schema says so.
            scored (bool): False when the message never went through the filter
            action (None | SpamVerdictActionType0 | Unset): What was done (`domain.resource.verb`).
            feedback (None | SpamVerdictFeedbackType0 | Unset): What a person reported the message as, if anything
            report (None | str | Unset): The X-Spam-Report text
            score (float | None | Unset): Spam score.
            tests (list[str] | Unset): Names of the rules that fired
     """

    message_id: str
    scored: bool
    action: None | SpamVerdictActionType0 | Unset = UNSET
    feedback: None | SpamVerdictFeedbackType0 | Unset = UNSET
    report: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    tests: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id

        scored = self.scored

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, SpamVerdictActionType0):
            action = self.action.value
        else:
            action = self.action

        feedback: None | str | Unset
        if isinstance(self.feedback, Unset):
            feedback = UNSET
        elif isinstance(self.feedback, SpamVerdictFeedbackType0):
            feedback = self.feedback.value
        else:
            feedback = self.feedback

        report: None | str | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        else:
            report = self.report

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        tests: list[str] | Unset = UNSET
        if not isinstance(self.tests, Unset):
            tests = self.tests




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "message_id": message_id,
            "scored": scored,
        })
        if action is not UNSET:
            field_dict["action"] = action
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if report is not UNSET:
            field_dict["report"] = report
        if score is not UNSET:
            field_dict["score"] = score
        if tests is not UNSET:
            field_dict["tests"] = tests

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_id = d.pop("message_id")

        scored = d.pop("scored")

        def _parse_action(data: object) -> None | SpamVerdictActionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_type_0 = SpamVerdictActionType0(data)



                return action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpamVerdictActionType0 | Unset, data)

        action = _parse_action(d.pop("action", UNSET))


        def _parse_feedback(data: object) -> None | SpamVerdictFeedbackType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                feedback_type_0 = SpamVerdictFeedbackType0(data)



                return feedback_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpamVerdictFeedbackType0 | Unset, data)

        feedback = _parse_feedback(d.pop("feedback", UNSET))


        def _parse_report(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report = _parse_report(d.pop("report", UNSET))


        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))


        tests = cast(list[str], d.pop("tests", UNSET))


        spam_verdict = cls(
            message_id=message_id,
            scored=scored,
            action=action,
            feedback=feedback,
            report=report,
            score=score,
            tests=tests,
        )


        spam_verdict.additional_properties = d
        return spam_verdict

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
