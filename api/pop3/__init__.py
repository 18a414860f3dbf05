"""The POP3 server (RFC 1939 with STLS, UIDL, TOP, CAPA and SASL PLAIN, RFC 5034) over the
inbox of Mailplane's mailbox: messages stay unless the client deletes them.

    server = Pop3Server(runtime); await server.start()
"""

from api.pop3.server import Pop3Server, run_pop3

__all__ = ["Pop3Server", "run_pop3"]
