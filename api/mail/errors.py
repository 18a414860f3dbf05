"""Mail's own error codes, each a subclass of the one error tree in `api.errors`."""

from __future__ import annotations

from api.errors import AppError, Conflict, ValidationFailed


class QuotaExceeded(Conflict):
    code, title = "quota_exceeded", "Mailbox quota exceeded"


class HeaderInjection(ValidationFailed):
    code, title = "header_injection", "Line breaks are not allowed in headers"


class TooManyRecipients(ValidationFailed):
    code, title = "too_many_recipients", "Too many recipients"


class UnknownRecipient(ValidationFailed):
    code, title = "unknown_recipient", "No such recipient"


class SendAsDenied(AppError):
    status, code, title = 403, "send_as_denied", "You may not send as this address"


class RangeNotSatisfiable(AppError):
    status, code, title = 416, "range_not_satisfiable", "Range not satisfiable"


class UploadIncomplete(ValidationFailed):
    code, title = "upload_incomplete", "The upload is not complete"


class UploadSizeMismatch(ValidationFailed):
    code, title = "size_mismatch", "The upload's size is not the declared one"


class UploadCommitted(ValidationFailed):
    code, title = "upload_committed", "The upload is already committed"


class RangeOverlap(ValidationFailed):
    code, title = "range_overlap", "The range overlaps bytes already received"


class ChecksumMismatch(ValidationFailed):
    code, title = "checksum_mismatch", "The content does not match its checksum"


class ForwardingNotAllowed(AppError):
    status, code, title = 403, "forwarding_not_allowed", "Forwarding is not allowed here"


class NotScheduled(Conflict):
    code, title = "not_scheduled", "The message is not waiting to be sent"
