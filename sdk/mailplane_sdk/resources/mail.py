"""`mp.mail`: a person's mailbox (messages, folders, drafts, threads), sending, and uploads."""

from __future__ import annotations

import builtins
import os
from typing import BinaryIO

from typing_extensions import Unpack

from mailplane_sdk.calls import Spec, model, nothing, raw
from mailplane_sdk.endpoints import Namespace, R, endpoint, flow, paged
from mailplane_sdk.generated import params
from mailplane_sdk.generated.models import (
    BulkResult,
    Changes,
    Folder,
    MailCounts,
    MailSettings,
    Message,
    MessageDelivery,
    MessageSummary,
    SendResult,
    SenderEntry,
    SpamFeedback,
    SpamVerdict,
    Thread,
    ThreadDetail,
    Upload,
)
from mailplane_sdk.pagination import Page, page_of, single_page_of
from mailplane_sdk.runners import Flow
from mailplane_sdk.uploads import DEFAULT_CHUNK, upload_flow

MESSAGE = "/v1/accounts/{account}/mail/messages/{message_id}"


def sender(body: dict[str, object]) -> dict[str, object]:
    """`from` is a Python keyword: callers pass `from_`."""
    if "from_" in body:
        body["from"] = body.pop("from_")
    return body


class Messages(Namespace[R]):
    """`mp.mail.messages`."""

    @paged("GET", "/v1/accounts/{account}/mail/messages", "list_mail_messages")
    def list(
        self, account: str, /, **query: Unpack[params.ListMailMessagesQuery]
    ) -> Spec[Page[MessageSummary]]:
        """Filters: folder_id, q (search operators), unread, flagged, from_ (`from`), to, since,
        before, has_attachments, thread_id, limit."""
        if "from_" in query:
            query["from"] = query.pop("from_")
        return Spec(page_of(MessageSummary.from_dict), path={"account": account}, params=query)

    @endpoint("GET", MESSAGE, "get_mail_message")
    def get(self, account: str, message_id: str) -> Spec[Message]:
        return Spec(model(Message), path={"account": account, "message_id": message_id})

    @endpoint("PATCH", MESSAGE, "update_mail_message")
    def update(
        self, account: str, message_id: str, /, **fields: Unpack[params.MessageUpdate]
    ) -> Spec[MessageSummary]:
        """Body: MessageUpdate (unread, flagged, folder_id, …)."""
        return Spec(
            model(MessageSummary), path={"account": account, "message_id": message_id}, json=fields
        )

    @endpoint("DELETE", MESSAGE, "delete_mail_message")
    def delete(self, account: str, message_id: str, *, permanent: bool = False) -> Spec[None]:
        """Move to Trash, or delete for good with `permanent=True`."""
        return Spec(
            nothing,
            path={"account": account, "message_id": message_id},
            params={"permanent": permanent or None},
        )

    @endpoint("POST", "/v1/accounts/{account}/mail/messages/bulk-update", "update_mail_messages")
    def bulk_update(
        self, account: str, /, **body: Unpack[params.MessagesBulkUpdate]
    ) -> Spec[BulkResult]:
        """Body: MessagesBulkUpdate (ids and the fields to set)."""
        return Spec(model(BulkResult), path={"account": account}, json=body)

    @endpoint("POST", "/v1/accounts/{account}/mail/messages/bulk-delete", "delete_mail_messages")
    def bulk_delete(
        self, account: str, /, **body: Unpack[params.MessagesBulkDelete]
    ) -> Spec[BulkResult]:
        """Body: MessagesBulkDelete (ids, permanent)."""
        return Spec(model(BulkResult), path={"account": account}, json=body)

    @endpoint("GET", "/v1/accounts/{account}/mail/messages/changes", "list_mail_message_changes")
    def changes(
        self, account: str, /, **query: Unpack[params.ListMailMessageChangesQuery]
    ) -> Spec[Changes]:
        return Spec(model(Changes), path={"account": account}, params=query)

    @endpoint("GET", MESSAGE + "/raw", "get_mail_message_raw")
    def raw(self, account: str, message_id: str) -> Spec[bytes]:
        """The message as received (RFC 5322 bytes)."""
        return Spec(raw, path={"account": account, "message_id": message_id})

    @endpoint("GET", MESSAGE + "/attachments/{attachment_id}", "get_mail_attachment")
    def attachment(self, account: str, message_id: str, attachment_id: str) -> Spec[bytes]:
        return Spec(
            raw, path={"account": account, "message_id": message_id, "attachment_id": attachment_id}
        )

    @endpoint("GET", MESSAGE + "/spam", "get_message_spam_verdict")
    def spam_verdict(self, account: str, message_id: str) -> Spec[SpamVerdict]:
        return Spec(model(SpamVerdict), path={"account": account, "message_id": message_id})

    @endpoint("POST", MESSAGE + "/report_spam", "report_message_spam")
    def report_spam(self, account: str, message_id: str) -> Spec[SpamFeedback]:
        return Spec(model(SpamFeedback), path={"account": account, "message_id": message_id})

    @endpoint("POST", MESSAGE + "/report_not_spam", "report_message_not_spam")
    def report_not_spam(self, account: str, message_id: str) -> Spec[SpamFeedback]:
        return Spec(model(SpamFeedback), path={"account": account, "message_id": message_id})


class Folders(Namespace[R]):
    """`mp.mail.folders`."""

    @endpoint("GET", "/v1/accounts/{account}/mail/folders", "list_mail_folders")
    def list(self, account: str) -> Spec[builtins.list[Folder]]:
        """Every folder of the mailbox, system folders first (one page)."""
        return Spec(single_page_of(Folder.from_dict), path={"account": account})

    @endpoint("POST", "/v1/accounts/{account}/mail/folders", "create_mail_folder")
    def create(self, account: str, /, **body: Unpack[params.FolderCreate]) -> Spec[Folder]:
        """Body: FolderCreate (name, parent_id, rules)."""
        return Spec(model(Folder), path={"account": account}, json=body)

    @endpoint("GET", "/v1/accounts/{account}/mail/folders/{folder_id}", "get_mail_folder")
    def get(self, account: str, folder_id: str) -> Spec[Folder]:
        return Spec(model(Folder), path={"account": account, "folder_id": folder_id})

    @endpoint("PATCH", "/v1/accounts/{account}/mail/folders/{folder_id}", "update_mail_folder")
    def update(
        self, account: str, folder_id: str, /, **fields: Unpack[params.FolderUpdate]
    ) -> Spec[Folder]:
        return Spec(model(Folder), path={"account": account, "folder_id": folder_id}, json=fields)

    @endpoint("DELETE", "/v1/accounts/{account}/mail/folders/{folder_id}", "delete_mail_folder")
    def delete(self, account: str, folder_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "folder_id": folder_id})


class Drafts(Namespace[R]):
    """`mp.mail.drafts`."""

    @endpoint("POST", "/v1/accounts/{account}/mail/drafts", "create_mail_draft")
    def create(self, account: str, /, **body: Unpack[params.SendRequest]) -> Spec[Message]:
        """Body: SendRequest (to, subject, text, html, attachments, …), all optional."""
        return Spec(model(Message), path={"account": account}, json=sender(body))

    @endpoint("PATCH", "/v1/accounts/{account}/mail/drafts/{draft_id}", "update_mail_draft")
    def update(
        self, account: str, draft_id: str, /, **fields: Unpack[params.DraftUpdate]
    ) -> Spec[Message]:
        return Spec(
            model(Message), path={"account": account, "draft_id": draft_id}, json=sender(fields)
        )

    @endpoint(
        "POST",
        "/v1/accounts/{account}/mail/drafts/{draft_id}/attachments",
        "add_mail_draft_attachment",
    )
    def add_attachment(
        self, account: str, draft_id: str, /, **body: Unpack[params.AttachmentIn]
    ) -> Spec[Message]:
        """Body: AttachmentIn (`upload_id` of a committed upload, or small `content_base64`)."""
        return Spec(model(Message), path={"account": account, "draft_id": draft_id}, json=body)

    @endpoint("POST", "/v1/accounts/{account}/mail/drafts/{draft_id}/send", "send_mail_draft")
    def send(
        self, account: str, draft_id: str, /, **body: Unpack[params.DraftSend]
    ) -> Spec[SendResult]:
        """`send_at=` more than 5 seconds ahead schedules it (undo-send is a few seconds)."""
        return Spec(
            model(SendResult),
            path={"account": account, "draft_id": draft_id},
            json=dict(body) if body else None,
        )


class Scheduled(Namespace[R]):
    """`mp.mail.scheduled`: sends waiting in Outbox for their `send_at`."""

    @paged("GET", "/v1/accounts/{account}/mail/scheduled", "list_scheduled_messages")
    def list(
        self, account: str, /, **query: Unpack[params.ListScheduledMessagesQuery]
    ) -> Spec[Page[MessageSummary]]:
        return Spec(page_of(MessageSummary.from_dict), path={"account": account}, params=query)

    @endpoint(
        "POST",
        "/v1/accounts/{account}/mail/scheduled/{message_id}/cancel",
        "cancel_scheduled_message",
    )
    def cancel(self, account: str, message_id: str) -> Spec[MessageSummary]:
        """Stop the send; the message goes back to Drafts (409 `not_scheduled` once sent)."""
        return Spec(
            model(MessageSummary), path={"account": account, "message_id": message_id}
        )


class Settings(Namespace[R]):
    """`mp.mail.settings`: signature, auto-reply (vacation) and forwarding."""

    @endpoint("GET", "/v1/accounts/{account}/mail/settings", "get_mail_settings")
    def get(self, account: str) -> Spec[MailSettings]:
        return Spec(model(MailSettings), path={"account": account})

    @endpoint("PATCH", "/v1/accounts/{account}/mail/settings", "update_mail_settings")
    def update(
        self, account: str, /, **fields: Unpack[params.MailSettingsUpdate]
    ) -> Spec[MailSettings]:
        """Merge patch: `auto_reply={"enabled": True, "text": …}`, `forwarding={…}`."""
        return Spec(model(MailSettings), path={"account": account}, json=fields)


class Threads(Namespace[R]):
    """`mp.mail.threads`."""

    @paged("GET", "/v1/accounts/{account}/mail/threads", "list_mail_threads")
    def list(
        self, account: str, /, **query: Unpack[params.ListMailThreadsQuery]
    ) -> Spec[Page[Thread]]:
        return Spec(page_of(Thread.from_dict), path={"account": account}, params=query)

    @endpoint("GET", "/v1/accounts/{account}/mail/threads/{thread_id}", "get_mail_thread")
    def get(self, account: str, thread_id: str) -> Spec[ThreadDetail]:
        return Spec(model(ThreadDetail), path={"account": account, "thread_id": thread_id})


SENDERS = "/v1/accounts/{account}/mail/sender_lists/{list}"


class Senders(Namespace[R]):
    """`mp.mail.senders`: a person's own sender lists, `list` = "allow", "block" (filed in
    Junk or Trash, `action=`) or "images" (remote images shown without asking)."""

    @paged("GET", SENDERS, "list_mail_sender_entries")
    def list(
        self, account: str, list: str, /, **query: Unpack[params.ListMailSenderEntriesQuery]
    ) -> Spec[Page[SenderEntry]]:
        return Spec(page_of(SenderEntry.from_dict), path={"account": account, "list": list},
                    params=query)

    @endpoint("POST", SENDERS, "create_mail_sender_entry")
    def add(
        self, account: str, list: str, /, **body: Unpack[params.SenderEntryCreate]
    ) -> Spec[SenderEntry]:
        """Body: SenderEntryCreate (value, action)."""
        return Spec(model(SenderEntry), path={"account": account, "list": list}, json=body)

    @endpoint("DELETE", SENDERS + "/{entry_id}", "delete_mail_sender_entry")
    def delete(self, account: str, list: str, entry_id: str) -> Spec[None]:
        return Spec(nothing, path={"account": account, "list": list, "entry_id": entry_id})


class Uploads(Namespace[R]):
    """`mp.mail.uploads`: the upload-session steps one by one (`mp.mail.upload` does them all)."""

    @endpoint("POST", "/v1/accounts/{account}/mail/uploads", "create_mail_upload")
    def create(self, account: str, /, **body: Unpack[params.UploadCreate]) -> Spec[Upload]:
        """Body: UploadCreate (filename, content_type, size)."""
        return Spec(model(Upload), path={"account": account}, json=body)

    @endpoint("GET", "/v1/uploads/{upload_id}", "get_mail_upload")
    def get(self, upload_id: str) -> Spec[Upload]:
        """The session and the byte ranges it holds."""
        return Spec(model(Upload), path={"upload_id": upload_id})

    @endpoint("PUT", "/v1/uploads/{upload_id}", "put_mail_upload_chunk")
    def put(self, upload_id: str, chunk: bytes, *, start: int, total: int) -> Spec[Upload]:
        """Send bytes `start … start+len(chunk)-1` of a `total`-byte file."""
        end = start + len(chunk) - 1
        return Spec(
            model(Upload),
            path={"upload_id": upload_id},
            content=chunk,
            headers={
                "Content-Range": f"bytes {start}-{end}/{total}",
                "Content-Type": "application/octet-stream",
            },
        )

    @endpoint("POST", "/v1/uploads/{upload_id}/commit", "commit_mail_upload")
    def commit(self, upload_id: str, *, sha256: str | None = None) -> Spec[Upload]:
        """Finish the upload; with `sha256` the server verifies the content."""
        return Spec(model(Upload), path={"upload_id": upload_id}, params={"sha256": sha256})

    @endpoint("DELETE", "/v1/uploads/{upload_id}", "delete_mail_upload")
    def delete(self, upload_id: str) -> Spec[None]:
        return Spec(nothing, path={"upload_id": upload_id})


class Mail(Namespace[R]):
    """`mp.mail`. `account` is an id, an address or `me`."""

    def __init__(self, runner: R) -> None:
        super().__init__(runner)
        self.messages = Messages(runner)
        self.folders = Folders(runner)
        self.drafts = Drafts(runner)
        self.threads = Threads(runner)
        self.senders = Senders(runner)
        self.uploads = Uploads(runner)
        self.scheduled = Scheduled(runner)
        self.settings = Settings(runner)

    @endpoint("POST", "/v1/accounts/{account}/mail/send", "send_message")
    def send(self, account: str, /, **body: Unpack[params.SendRequest]) -> Spec[SendResult]:
        """Body: SendRequest (to, cc, bcc, subject, text, html, attachments, transactional, …);
        the sender field `from` is `from_=`."""
        return Spec(model(SendResult), path={"account": account}, json=sender(body))

    @endpoint("POST", "/v1/accounts/{account}/mail/send/raw", "send_raw_message")
    def send_raw(self, account: str, message: bytes) -> Spec[SendResult]:
        """Send a complete RFC 5322 message as it is (recipients from its headers)."""
        return Spec(
            model(SendResult),
            path={"account": account},
            content=message,
            headers={"Content-Type": "message/rfc822"},
        )

    @endpoint("GET", "/v1/accounts/{account}/mail/messages/{id}/delivery", "get_message_delivery")
    def delivery(self, account: str, message_id: str) -> Spec[MessageDelivery]:
        """Per-recipient delivery status of a sent message."""
        return Spec(model(MessageDelivery), path={"account": account, "id": message_id})

    @endpoint("GET", "/v1/accounts/{account}/mail/counts", "get_mail_counts")
    def counts(self, account: str) -> Spec[MailCounts]:
        """Unread and total counts per folder."""
        return Spec(model(MailCounts), path={"account": account})

    @endpoint("GET", "/v1/accounts/{account}/mail/client_profile", "get_mail_client_profile")
    def client_profile(self, account: str) -> Spec[bytes]:
        """An Apple configuration profile (.mobileconfig) that sets up IMAP and SMTP
        submission for the account in Mail on iOS and macOS."""
        return Spec(raw, path={"account": account})

    @endpoint("GET", "/v1/mail/links/{token}", "download_mail_link")
    def download_link(self, token: str) -> Spec[bytes]:
        """The file behind a large-attachment download link."""
        return Spec(raw, path={"token": token})

    @flow
    def upload(
        self,
        account: str,
        file: str | os.PathLike[str] | BinaryIO,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        chunk_size: int = DEFAULT_CHUNK,
        upload_id: str | None = None,
        max_resumes: int = 5,
    ) -> Flow[Upload]:
        """Upload a file of any size in chunks and commit it; returns the committed upload.

        Reads one chunk at a time. After a failed chunk it asks the server which bytes it
        holds and continues from there; pass `upload_id` to resume an earlier session.
        Attach the result with `attachments=[{"upload_id": upload.id}]`.
        """
        return upload_flow(
            self,
            account,
            file,
            filename=filename,
            content_type=content_type,
            chunk_size=chunk_size,
            upload_id=upload_id,
            max_resumes=max_resumes,
        )
