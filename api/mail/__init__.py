"""Mail: mailboxes, messages, search, threads, drafts, sending and huge attachments.

What other domains call (they never reach into mail's repositories):

    deliver(session, runtime, raw_bytes, envelope_from, recipients)   # SMTP edge, DSNs
    send_message(session, runtime, account, SendRequest(...), extra_parts=[ExtraPart(...)])
    append_message / append_many(session, runtime, account, raw…)     # imports, migrations
"""

from api.mail.delivery import DeliveryReport, append_many, append_message, deliver, deliver_stored
from api.mail.sending.compose import ExtraPart
from api.mail.sending.service import send_message

__all__ = [
    "DeliveryReport",
    "ExtraPart",
    "append_many",
    "append_message",
    "deliver",
    "deliver_stored",
    "send_message",
]
