"""The SMTP edge's inbound side: the MX and submission servers (aiosmtpd) with group commit.

`SmtpEdge(runtime)` holds the listeners; `run_edge(runtime, stop)` serves until stopped.
"""

from api.mail.inbound.server import SmtpEdge, run_edge

__all__ = ["SmtpEdge", "run_edge"]
