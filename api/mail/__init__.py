"""Mail: mailboxes, messages, search, threads, drafts, sending and huge attachments.

What other domains call (they never reach into mail's insides; an import-linter contract
in pyproject.toml fails the build on a reach-in):

    deliver(session, runtime, raw_bytes, envelope_from, recipients)   # SMTP edge, DSNs
    send_message(session, runtime, account, SendRequest(...), extra_parts=[ExtraPart(...)])
    append_message / append_many / store_batch(session, …)            # imports, migrations
    on_delivered(fn, when=...), Arrival                                # same-transaction hooks

The protocol doors (IMAP, POP3, DAV sign-in) read and change mailboxes through
`mailbox_uids` (UIDs, modseqs, flags by UID), `apply_changes`, `expunge`, `quota_of`, the
folder services and `SearchQuery`; they share the SMTP edge's `SaslVerifier` and TLS
`server_context`. Imports and migrations parse with `parse_message` and store
`NewMessage`s.

For the webmail's reading frame (the web app's backend-for-frontend), `display`:
`display.message_of`, `display.display_body`, `display.inline_image`, `display.preview`,
and `shows_images` (the person's "always show images from this sender" list).
"""

from api.mail.delivery import (
    Arrival,
    DeliveryReport,
    append_many,
    append_message,
    deliver,
    deliver_stored,
    on_delivered,
    store_batch,
    write_bytes,
)
from api.mail.delivery.blobsync import DeferredSyncBackend
from api.mail.errors import QuotaExceeded
from api.mail.folders import repository as folder_rows
from api.mail.folders.service import create_folder, delete_folder, list_folders, update_folder
from api.mail.inbound.sasl import SaslVerifier
from api.mail.inbound.tls import server_context
from api.mail.mailbox import uids as mailbox_uids
from api.mail.mailbox.service import (
    NewMessage,
    apply_changes,
    ensure_mailbox,
    expunge,
    quota_of,
    system_folder,
)
from api.mail.messages import display
from api.mail.mime import ParsedMessage, parse_message, subject_key
from api.mail.search.query import SearchQuery, Term
from api.mail.search.tokens import tokens as search_tokens
from api.mail.sending.compose import ExtraPart
from api.mail.sending.service import send_message
from api.mail.spam import shows_images

__all__ = [
    "Arrival",
    "DeferredSyncBackend",
    "DeliveryReport",
    "ExtraPart",
    "NewMessage",
    "ParsedMessage",
    "QuotaExceeded",
    "SaslVerifier",
    "SearchQuery",
    "Term",
    "append_many",
    "append_message",
    "apply_changes",
    "create_folder",
    "delete_folder",
    "deliver",
    "deliver_stored",
    "display",
    "ensure_mailbox",
    "expunge",
    "folder_rows",
    "list_folders",
    "mailbox_uids",
    "on_delivered",
    "parse_message",
    "quota_of",
    "search_tokens",
    "send_message",
    "server_context",
    "shows_images",
    "store_batch",
    "subject_key",
    "system_folder",
    "update_folder",
    "write_bytes",
]
