from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.draft_update_priority_type_0 import DraftUpdatePriorityType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.address_in import AddressIn
  from ..models.attachment_in import AttachmentIn
  from ..models.draft_update_headers_type_0 import DraftUpdateHeadersType0





T = TypeVar("T", bound="DraftUpdate")



@_attrs_define
class DraftUpdate:
    """ Merge patch of a draft's content.

        Attributes:
            attachments (list[AttachmentIn] | None | Unset): The attachments.
            bcc (list[AddressIn | str] | None | Unset): `Bcc` recipients (not shown to the others).
            cc (list[AddressIn | str] | None | Unset): `Cc` recipients.
            from_ (AddressIn | None | str | Unset): The `From` address.
            headers (DraftUpdateHeadersType0 | None | Unset): Message headers, name and value.
            html (None | str | Unset): The HTML body (sanitised when shown).
            priority (DraftUpdatePriorityType0 | None | Unset): Delivery priority (the values are listed by the schema).
            reply_to (list[AddressIn | str] | None | Unset): `Reply-To` addresses.
            subject (None | str | Unset): The message's subject.
            text (None | str | Unset): The plain-text body.
            to (list[AddressIn | str] | None | Unset): `To` recipients.
            transactional (bool | None | Unset): A transactional message (kept out of bulk throttling).
     """

    attachments: list[AttachmentIn] | None | Unset = UNSET
    bcc: list[AddressIn | str] | None | Unset = UNSET
    cc: list[AddressIn | str] | None | Unset = UNSET
    from_: AddressIn | None | str | Unset = UNSET
    headers: DraftUpdateHeadersType0 | None | Unset = UNSET
    html: None | str | Unset = UNSET
    priority: DraftUpdatePriorityType0 | None | Unset = UNSET
    reply_to: list[AddressIn | str] | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    text: None | str | Unset = UNSET
    to: list[AddressIn | str] | None | Unset = UNSET
    transactional: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.address_in import AddressIn # noqa: PLC0415
        from ..models.attachment_in import AttachmentIn # noqa: PLC0415
        from ..models.draft_update_headers_type_0 import DraftUpdateHeadersType0 # noqa: PLC0415
        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)


        else:
            attachments = self.attachments

        bcc: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.bcc, Unset):
            bcc = UNSET
        elif isinstance(self.bcc, list):
            bcc = []
            for bcc_type_0_item_data in self.bcc:
                bcc_type_0_item: dict[str, Any] | str
                if isinstance(bcc_type_0_item_data, AddressIn):
                    bcc_type_0_item = bcc_type_0_item_data.to_dict()
                else:
                    bcc_type_0_item = bcc_type_0_item_data
                bcc.append(bcc_type_0_item)


        else:
            bcc = self.bcc

        cc: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.cc, Unset):
            cc = UNSET
        elif isinstance(self.cc, list):
            cc = []
            for cc_type_0_item_data in self.cc:
                cc_type_0_item: dict[str, Any] | str
                if isinstance(cc_type_0_item_data, AddressIn):
                    cc_type_0_item = cc_type_0_item_data.to_dict()
                else:
                    cc_type_0_item = cc_type_0_item_data
                cc.append(cc_type_0_item)


        else:
            cc = self.cc

        from_: dict[str, Any] | None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, AddressIn):
            from_ = self.from_.to_dict()
        else:
            from_ = self.from_

        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, DraftUpdateHeadersType0):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, DraftUpdatePriorityType0):
            priority = self.priority.value
        else:
            priority = self.priority

        reply_to: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.reply_to, Unset):
            reply_to = UNSET
        elif isinstance(self.reply_to, list):
            reply_to = []
            for reply_to_type_0_item_data in self.reply_to:
                reply_to_type_0_item: dict[str, Any] | str
                if isinstance(reply_to_type_0_item_data, AddressIn):
                    reply_to_type_0_item = reply_to_type_0_item_data.to_dict()
                else:
                    reply_to_type_0_item = reply_to_type_0_item_data
                reply_to.append(reply_to_type_0_item)


        else:
            reply_to = self.reply_to

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        to: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, list):
            to = []
            for to_type_0_item_data in self.to:
                to_type_0_item: dict[str, Any] | str
                if isinstance(to_type_0_item_data, AddressIn):
                    to_type_0_item = to_type_0_item_data.to_dict()
                else:
                    to_type_0_item = to_type_0_item_data
                to.append(to_type_0_item)


        else:
            to = self.to

        transactional: bool | None | Unset
        if isinstance(self.transactional, Unset):
            transactional = UNSET
        else:
            transactional = self.transactional


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if bcc is not UNSET:
            field_dict["bcc"] = bcc
        if cc is not UNSET:
            field_dict["cc"] = cc
        if from_ is not UNSET:
            field_dict["from"] = from_
        if headers is not UNSET:
            field_dict["headers"] = headers
        if html is not UNSET:
            field_dict["html"] = html
        if priority is not UNSET:
            field_dict["priority"] = priority
        if reply_to is not UNSET:
            field_dict["reply_to"] = reply_to
        if subject is not UNSET:
            field_dict["subject"] = subject
        if text is not UNSET:
            field_dict["text"] = text
        if to is not UNSET:
            field_dict["to"] = to
        if transactional is not UNSET:
            field_dict["transactional"] = transactional

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_in import AddressIn # noqa: PLC0415
        from ..models.attachment_in import AttachmentIn # noqa: PLC0415
        from ..models.draft_update_headers_type_0 import DraftUpdateHeadersType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_attachments(data: object) -> list[AttachmentIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in (_attachments_type_0):
                    attachments_type_0_item = AttachmentIn.from_dict(attachments_type_0_item_data)



                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AttachmentIn] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))


        def _parse_bcc(data: object) -> list[AddressIn | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                bcc_type_0 = []
                _bcc_type_0 = data
                for bcc_type_0_item_data in (_bcc_type_0):
                    def _parse_bcc_type_0_item(data: object) -> AddressIn | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            bcc_type_0_item_type_1 = AddressIn.from_dict(data)



                            return bcc_type_0_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(AddressIn | str, data)

                    bcc_type_0_item = _parse_bcc_type_0_item(bcc_type_0_item_data)

                    bcc_type_0.append(bcc_type_0_item)

                return bcc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AddressIn | str] | None | Unset, data)

        bcc = _parse_bcc(d.pop("bcc", UNSET))


        def _parse_cc(data: object) -> list[AddressIn | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                cc_type_0 = []
                _cc_type_0 = data
                for cc_type_0_item_data in (_cc_type_0):
                    def _parse_cc_type_0_item(data: object) -> AddressIn | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            cc_type_0_item_type_1 = AddressIn.from_dict(data)



                            return cc_type_0_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(AddressIn | str, data)

                    cc_type_0_item = _parse_cc_type_0_item(cc_type_0_item_data)

                    cc_type_0.append(cc_type_0_item)

                return cc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AddressIn | str] | None | Unset, data)

        cc = _parse_cc(d.pop("cc", UNSET))


        def _parse_from_(data: object) -> AddressIn | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from_type_1 = AddressIn.from_dict(data)



                return from_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressIn | None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))


        def _parse_headers(data: object) -> DraftUpdateHeadersType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = DraftUpdateHeadersType0.from_dict(data)



                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DraftUpdateHeadersType0 | None | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))


        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))


        def _parse_priority(data: object) -> DraftUpdatePriorityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = DraftUpdatePriorityType0(data)



                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DraftUpdatePriorityType0 | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))


        def _parse_reply_to(data: object) -> list[AddressIn | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reply_to_type_0 = []
                _reply_to_type_0 = data
                for reply_to_type_0_item_data in (_reply_to_type_0):
                    def _parse_reply_to_type_0_item(data: object) -> AddressIn | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            reply_to_type_0_item_type_1 = AddressIn.from_dict(data)



                            return reply_to_type_0_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(AddressIn | str, data)

                    reply_to_type_0_item = _parse_reply_to_type_0_item(reply_to_type_0_item_data)

                    reply_to_type_0.append(reply_to_type_0_item)

                return reply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AddressIn | str] | None | Unset, data)

        reply_to = _parse_reply_to(d.pop("reply_to", UNSET))


        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))


        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        def _parse_to(data: object) -> list[AddressIn | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                to_type_0 = []
                _to_type_0 = data
                for to_type_0_item_data in (_to_type_0):
                    def _parse_to_type_0_item(data: object) -> AddressIn | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            to_type_0_item_type_1 = AddressIn.from_dict(data)



                            return to_type_0_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(AddressIn | str, data)

                    to_type_0_item = _parse_to_type_0_item(to_type_0_item_data)

                    to_type_0.append(to_type_0_item)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AddressIn | str] | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))


        def _parse_transactional(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        transactional = _parse_transactional(d.pop("transactional", UNSET))


        draft_update = cls(
            attachments=attachments,
            bcc=bcc,
            cc=cc,
            from_=from_,
            headers=headers,
            html=html,
            priority=priority,
            reply_to=reply_to,
            subject=subject,
            text=text,
            to=to,
            transactional=transactional,
        )

        return draft_update

