"""Mail: mailboxes, messages, search, threads, drafts, sending and huge attachments.

What other domains call (they never reach into mail's repositories):

    deliver(session, runtime, raw_bytes, envelope_from, recipients)   # SMTP edge, DSNs
    send_message(session, runtime, account, SendRequest(...), extra_parts=[ExtraPart(...)])
    append_message / append_many(session, runtime, account, raw…)     # imports, migrations

and, for the webmail's reading frame (the web app's backend-for-frontend), `display`:
`display.message_of`, `display.display_body`, `display.inline_image`, `display.preview`,
and `shows_images` (the person's "always show images from this sender" list).
"""

from api.mail.delivery import DeliveryReport, append_many, append_message, deliver, deliver_stored
from api.mail.messages import display
from api.mail.sending.compose import ExtraPart
from api.mail.sending.service import send_message
from api.mail.spam import shows_images

__all__ = [
    "DeliveryReport",
    "ExtraPart",
    "append_many",
    "append_message",
    "deliver",
    "deliver_stored",
    "display",
    "send_message",
    "shows_images",
]
