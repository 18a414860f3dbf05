from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.message_summary_parse_status import MessageSummaryParseStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attachment import Attachment
  from ..models.email_address import EmailAddress





T = TypeVar("T", bound="MessageSummary")



@_attrs_define
class MessageSummary:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            answered (bool): Replied to.
            attachments (list[Attachment]): The attachments.
            bcc (list[EmailAddress]): `Bcc` recipients (not shown to the others).
            cc (list[EmailAddress]): `Cc` recipients.
            draft (bool): A draft, not yet sent.
            flagged (bool): Flagged (starred).
            folder_id (str): The folder it is in.
            forwarded (bool): Forwarded.
            has_attachments (bool): Whether it hass attachments.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            in_reply_to (str): The `In-Reply-To` header.
            keywords (list[str]): IMAP keywords set on the message.
            message_id (str): The Message-ID header
            parse_problems (list[str]): What was wrong with the MIME, if anything.
            parse_status (MessageSummaryParseStatus): Whether the MIME parsed cleanly.
            priority (str): Delivery priority (the values are listed by the schema).
            received_at (datetime.datetime): When it arrived (RFC 3339, UTC).
            references (list[str]): The `References` header, oldest first.
            reply_to (list[EmailAddress]): `Reply-To` addresses.
            seen (bool): Read (the IMAP \\\\Seen flag).
            sent_at (datetime.datetime | None): When it was sent (RFC 3339, UTC).
            size (int): Size in bytes.
            snippet (str): The first characters of the text.
            subject (str): The message's subject.
            thread_id (str): The conversation it belongs to.
            to (list[EmailAddress]): `To` recipients.
            from_ (EmailAddress | None | Unset): The `From` address.
            send_at (datetime.datetime | None | Unset): When send (RFC 3339, UTC); null if not (yet).
            thread_count (int | None | Unset): Messages in its conversation (filled in lists; null elsewhere)
     """

    account_id: str
    answered: bool
    attachments: list[Attachment]
    bcc: list[EmailAddress]
    cc: list[EmailAddress]
    draft: bool
    flagged: bool
    folder_id: str
    forwarded: bool
    has_attachments: bool
    id: str
    in_reply_to: str
    keywords: list[str]
    message_id: str
    parse_problems: list[str]
    parse_status: MessageSummaryParseStatus
    priority: str
    received_at: datetime.datetime
    references: list[str]
    reply_to: list[EmailAddress]
    seen: bool
    sent_at: datetime.datetime | None
    size: int
    snippet: str
    subject: str
    thread_id: str
    to: list[EmailAddress]
    from_: EmailAddress | None | Unset = UNSET
    send_at: datetime.datetime | None | Unset = UNSET
    thread_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment import Attachment # noqa: PLC0415
        from ..models.email_address import EmailAddress # noqa: PLC0415
        account_id = self.account_id

        answered = self.answered

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)



        bcc = []
        for bcc_item_data in self.bcc:
            bcc_item = bcc_item_data.to_dict()
            bcc.append(bcc_item)



        cc = []
        for cc_item_data in self.cc:
            cc_item = cc_item_data.to_dict()
            cc.append(cc_item)



        draft = self.draft

        flagged = self.flagged

        folder_id = self.folder_id

        forwarded = self.forwarded

        has_attachments = self.has_attachments

        id = self.id

        in_reply_to = self.in_reply_to

        keywords = self.keywords



        message_id = self.message_id

        parse_problems = self.parse_problems



        parse_status = self.parse_status.value

        priority = self.priority

        received_at = self.received_at.isoformat()

        references = self.references



        reply_to = []
        for reply_to_item_data in self.reply_to:
            reply_to_item = reply_to_item_data.to_dict()
            reply_to.append(reply_to_item)



        seen = self.seen

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        size = self.size

        snippet = self.snippet

        subject = self.subject

        thread_id = self.thread_id

        to = []
        for to_item_data in self.to:
            to_item = to_item_data.to_dict()
            to.append(to_item)



        from_: dict[str, Any] | None | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, EmailAddress):
            from_ = self.from_.to_dict()
        else:
            from_ = self.from_

        send_at: None | str | Unset
        if isinstance(self.send_at, Unset):
            send_at = UNSET
        elif isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at

        thread_count: int | None | Unset
        if isinstance(self.thread_count, Unset):
            thread_count = UNSET
        else:
            thread_count = self.thread_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "answered": answered,
            "attachments": attachments,
            "bcc": bcc,
            "cc": cc,
            "draft": draft,
            "flagged": flagged,
            "folder_id": folder_id,
            "forwarded": forwarded,
            "has_attachments": has_attachments,
            "id": id,
            "in_reply_to": in_reply_to,
            "keywords": keywords,
            "message_id": message_id,
            "parse_problems": parse_problems,
            "parse_status": parse_status,
            "priority": priority,
            "received_at": received_at,
            "references": references,
            "reply_to": reply_to,
            "seen": seen,
            "sent_at": sent_at,
            "size": size,
            "snippet": snippet,
            "subject": subject,
            "thread_id": thread_id,
            "to": to,
        })
        if from_ is not UNSET:
            field_dict["from"] = from_
        if send_at is not UNSET:
            field_dict["send_at"] = send_at
        if thread_count is not UNSET:
            field_dict["thread_count"] = thread_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment # noqa: PLC0415
        from ..models.email_address import EmailAddress # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        answered = d.pop("answered")

        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in (_attachments):
            attachments_item = Attachment.from_dict(attachments_item_data)



            attachments.append(attachments_item)


        bcc = []
        _bcc = d.pop("bcc")
        for bcc_item_data in (_bcc):
            bcc_item = EmailAddress.from_dict(bcc_item_data)



            bcc.append(bcc_item)


        cc = []
        _cc = d.pop("cc")
        for cc_item_data in (_cc):
            cc_item = EmailAddress.from_dict(cc_item_data)



            cc.append(cc_item)


        draft = d.pop("draft")

        flagged = d.pop("flagged")

        folder_id = d.pop("folder_id")

        forwarded = d.pop("forwarded")

        has_attachments = d.pop("has_attachments")

        id = d.pop("id")

        in_reply_to = d.pop("in_reply_to")

        keywords = cast(list[str], d.pop("keywords"))


        message_id = d.pop("message_id")

        parse_problems = cast(list[str], d.pop("parse_problems"))


        parse_status = MessageSummaryParseStatus(d.pop("parse_status"))




        priority = d.pop("priority")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))




        references = cast(list[str], d.pop("references"))


        reply_to = []
        _reply_to = d.pop("reply_to")
        for reply_to_item_data in (_reply_to):
            reply_to_item = EmailAddress.from_dict(reply_to_item_data)



            reply_to.append(reply_to_item)


        seen = d.pop("seen")

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)



                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))


        size = d.pop("size")

        snippet = d.pop("snippet")

        subject = d.pop("subject")

        thread_id = d.pop("thread_id")

        to = []
        _to = d.pop("to")
        for to_item_data in (_to):
            to_item = EmailAddress.from_dict(to_item_data)



            to.append(to_item)


        def _parse_from_(data: object) -> EmailAddress | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from_type_0 = EmailAddress.from_dict(data)



                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailAddress | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))


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


        def _parse_thread_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        thread_count = _parse_thread_count(d.pop("thread_count", UNSET))


        message_summary = cls(
            account_id=account_id,
            answered=answered,
            attachments=attachments,
            bcc=bcc,
            cc=cc,
            draft=draft,
            flagged=flagged,
            folder_id=folder_id,
            forwarded=forwarded,
            has_attachments=has_attachments,
            id=id,
            in_reply_to=in_reply_to,
            keywords=keywords,
            message_id=message_id,
            parse_problems=parse_problems,
            parse_status=parse_status,
            priority=priority,
            received_at=received_at,
            references=references,
            reply_to=reply_to,
            seen=seen,
            sent_at=sent_at,
            size=size,
            snippet=snippet,
            subject=subject,
            thread_id=thread_id,
            to=to,
            from_=from_,
            send_at=send_at,
            thread_count=thread_count,
        )


        message_summary.additional_properties = d
        return message_summary

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
