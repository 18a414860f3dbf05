"""The delivery core: the one path every message takes into a mailbox.

    deliver(session, runtime, raw, envelope_from, recipients)      SMTP intake, DSNs, notices
    deliver_stored(session, runtime, StoredRaw(...), ...)           API sends (bytes stored)
    append_message / append_many / store_batch(...)                 imports, migrations, APPEND
    on_delivered(fn, when=...)                                      same-transaction subscribers

A message is parsed once and that `ParsedMessage` is what spam scoring, the store, the
search index and the subscribers read. Recipients are resolved once (callers that resolved
them pass the `Resolution`). Remote recipients go to the outbound queue
(`api.mail.outbound.enqueue`). Group-committed callers (the SMTP edge) gather the copies in
`batch.PendingStores` and store them with set-based statements per batch.
"""

from api.mail.delivery.append import append_many, append_message, store_batch
from api.mail.delivery.batch import PendingStores, begin, pending
from api.mail.delivery.committer import GroupCommitter
from api.mail.delivery.deliver import StoredRaw, deliver, deliver_stored, write_bytes, write_stream
from api.mail.delivery.hooks import Arrival, on_delivered
from api.mail.delivery.report import RECEIVED, Delivered, DeliveryReport

__all__ = [
    "RECEIVED",
    "Arrival",
    "Delivered",
    "DeliveryReport",
    "GroupCommitter",
    "PendingStores",
    "StoredRaw",
    "append_many",
    "append_message",
    "begin",
    "deliver",
    "deliver_stored",
    "on_delivered",
    "pending",
    "store_batch",
    "write_bytes",
    "write_stream",
]
