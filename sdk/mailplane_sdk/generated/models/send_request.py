from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.send_request_priority import SendRequestPriority
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.address_in import AddressIn
  from ..models.attachment_in import AttachmentIn
  from ..models.send_request_headers import SendRequestHeaders





T = TypeVar("T", bound="SendRequest")



@_attrs_define
class SendRequest:
    """ A message to send (or a draft's content). Header fields reject line breaks.

        Attributes:
            attachments (list[AttachmentIn] | Unset): The attachments.
            bcc (list[AddressIn | str] | Unset): `Bcc` recipients (not shown to the others).
            cc (list[AddressIn | str] | Unset): `Cc` recipients.
            forward_message_id (None | str | Unset): Forward this message of the mailbox (attached as message/rfc822)
            from_ (AddressIn | None | str | Unset): Defaults to the account's own address
            headers (SendRequestHeaders | Unset): Extra `X-` headers
            html (None | str | Unset): The HTML body (sanitised when shown).
            priority (SendRequestPriority | Unset): Delivery priority (the values are listed by the schema). Default:
                SendRequestPriority.NORMAL.
            reply_to (list[AddressIn | str] | Unset): `Reply-To` addresses.
            reply_to_message_id (None | str | Unset): Reply to this message of the mailbox: In-Reply-To and References are
                set
            save_to_sent (bool | Unset): Keep a copy in Sent. Default: True.
            send_at (datetime.datetime | None | Unset): Schedule the send
            subject (str | Unset): The message's subject. Default: ''.
            text (None | str | Unset): The plain-text body.
            to (list[AddressIn | str] | Unset): `To` recipients.
            transactional (bool | Unset): System notification mail: marked Auto-Submitted, queued ahead of other mail
                Default: False.
     """

    attachments: list[AttachmentIn] | Unset = UNSET
    bcc: list[AddressIn | str] | Unset = UNSET
    cc: list[AddressIn | str] | Unset = UNSET
    forward_message_id: None | str | Unset = UNSET
    from_: AddressIn | None | str | Unset = UNSET
    headers: SendRequestHeaders | Unset = UNSET
    html: None | str | Unset = UNSET
    priority: SendRequestPriority | Unset = SendRequestPriority.NORMAL
    reply_to: list[AddressIn | str] | Unset = UNSET
    reply_to_message_id: None | str | Unset = UNSET
    save_to_sent: bool | Unset = True
    send_at: datetime.datetime | None | Unset = UNSET
    subject: str | Unset = ''
    text: None | str | Unset = UNSET
    to: list[AddressIn | str] | Unset = UNSET
    transactional: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        from ..models.address_in import AddressIn # noqa: PLC0415
        from ..models.attachment_in import AttachmentIn # noqa: PLC0415
        from ..models.send_request_headers import SendRequestHeaders # noqa: PLC0415
        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)



        bcc: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.bcc, Unset):
            bcc = []
            for bcc_item_data in self.bcc:
                bcc_item: dict[str, Any] | str
                if isinstance(bcc_item_data, AddressIn):
                    bcc_item = bcc_item_data.to_dict()
                else:
                    bcc_item = bcc_item_data
                bcc.append(bcc_item)



        cc: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.cc, Unset):
            cc = []
            for cc_item_data in self.cc:
                cc_item: dict[str, Any] | str
                if isinstance(cc_item_data, AddressIn):
                    cc_item = cc_item_data.to_dict()
                else:
                    cc_item = cc_item_data
                cc.append(cc_item)



        forward_message_id: None | str | Unset
        if isinstance(self.forward_message_id, Unset):
            forward_message_id = UNSET
        else:
            forward_message_id = self.forward_message_id

        from_: dict[str, Any] | None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, AddressIn):
            from_ = self.from_.to_dict()
        else:
            from_ = self.from_

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value


        reply_to: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.reply_to, Unset):
            reply_to = []
            for reply_to_item_data in self.reply_to:
                reply_to_item: dict[str, Any] | str
                if isinstance(reply_to_item_data, AddressIn):
                    reply_to_item = reply_to_item_data.to_dict()
                else:
                    reply_to_item = reply_to_item_data
                reply_to.append(reply_to_item)



        reply_to_message_id: None | str | Unset
        if isinstance(self.reply_to_message_id, Unset):
            reply_to_message_id = UNSET
        else:
            reply_to_message_id = self.reply_to_message_id

        save_to_sent = self.save_to_sent

        send_at: None | str | Unset
        if isinstance(self.send_at, Unset):
            send_at = UNSET
        elif isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at

        subject = self.subject

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        to: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = []
            for to_item_data in self.to:
                to_item: dict[str, Any] | str
                if isinstance(to_item_data, AddressIn):
                    to_item = to_item_data.to_dict()
                else:
                    to_item = to_item_data
                to.append(to_item)



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
        if forward_message_id is not UNSET:
            field_dict["forward_message_id"] = forward_message_id
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
        if reply_to_message_id is not UNSET:
            field_dict["reply_to_message_id"] = reply_to_message_id
        if save_to_sent is not UNSET:
            field_dict["save_to_sent"] = save_to_sent
        if send_at is not UNSET:
            field_dict["send_at"] = send_at
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
        from ..models.send_request_headers import SendRequestHeaders # noqa: PLC0415
        d = dict(src_dict)
        _attachments = d.pop("attachments", UNSET)
        attachments: list[AttachmentIn] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = AttachmentIn.from_dict(attachments_item_data)



                attachments.append(attachments_item)


        _bcc = d.pop("bcc", UNSET)
        bcc: list[AddressIn | str] | Unset = UNSET
        if _bcc is not UNSET:
            bcc = []
            for bcc_item_data in _bcc:
                def _parse_bcc_item(data: object) -> AddressIn | str:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        bcc_item_type_1 = AddressIn.from_dict(data)



                        return bcc_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(AddressIn | str, data)

                bcc_item = _parse_bcc_item(bcc_item_data)

                bcc.append(bcc_item)


        _cc = d.pop("cc", UNSET)
        cc: list[AddressIn | str] | Unset = UNSET
        if _cc is not UNSET:
            cc = []
            for cc_item_data in _cc:
                def _parse_cc_item(data: object) -> AddressIn | str:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        cc_item_type_1 = AddressIn.from_dict(data)



                        return cc_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(AddressIn | str, data)

                cc_item = _parse_cc_item(cc_item_data)

                cc.append(cc_item)


        def _parse_forward_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forward_message_id = _parse_forward_message_id(d.pop("forward_message_id", UNSET))


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


        _headers = d.pop("headers", UNSET)
        headers: SendRequestHeaders | Unset
        if isinstance(_headers,  Unset):
            headers = UNSET
        else:
            headers = SendRequestHeaders.from_dict(_headers)




        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))


        _priority = d.pop("priority", UNSET)
        priority: SendRequestPriority | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = SendRequestPriority(_priority)




        _reply_to = d.pop("reply_to", UNSET)
        reply_to: list[AddressIn | str] | Unset = UNSET
        if _reply_to is not UNSET:
            reply_to = []
            for reply_to_item_data in _reply_to:
                def _parse_reply_to_item(data: object) -> AddressIn | str:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        reply_to_item_type_1 = AddressIn.from_dict(data)



                        return reply_to_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(AddressIn | str, data)

                reply_to_item = _parse_reply_to_item(reply_to_item_data)

                reply_to.append(reply_to_item)


        def _parse_reply_to_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reply_to_message_id = _parse_reply_to_message_id(d.pop("reply_to_message_id", UNSET))


        save_to_sent = d.pop("save_to_sent", UNSET)

        def _parse_send_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_at_type_0 = datetime.datetime.fromisoformat(data)



                return send_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        send_at = _parse_send_at(d.pop("send_at", UNSET))


        subject = d.pop("subject", UNSET)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        _to = d.pop("to", UNSET)
        to: list[AddressIn | str] | Unset = UNSET
        if _to is not UNSET:
            to = []
            for to_item_data in _to:
                def _parse_to_item(data: object) -> AddressIn | str:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        to_item_type_1 = AddressIn.from_dict(data)



                        return to_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(AddressIn | str, data)

                to_item = _parse_to_item(to_item_data)

                to.append(to_item)


        transactional = d.pop("transactional", UNSET)

        send_request = cls(
            attachments=attachments,
            bcc=bcc,
            cc=cc,
            forward_message_id=forward_message_id,
            from_=from_,
            headers=headers,
            html=html,
            priority=priority,
            reply_to=reply_to,
            reply_to_message_id=reply_to_message_id,
            save_to_sent=save_to_sent,
            send_at=send_at,
            subject=subject,
            text=text,
            to=to,
            transactional=transactional,
        )

        return send_request

