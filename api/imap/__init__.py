"""The IMAP4rev2/IMAP4rev1 server over Mailplane's mailbox (issue 17): mail clients and
the API see one mailbox, live.

    server = ImapServer(runtime); await server.start()     # tests, `serve --role imap`
    await run_imap(runtime, stop)                            # until `stop` is set
"""

from api.imap.server import ImapServer, run_imap

__all__ = ["ImapServer", "run_imap"]
