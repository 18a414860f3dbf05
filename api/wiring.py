"""Wiring: the top layer connects each domain to the registries of the layers below it.

The worker's job table (`api.worker.runner.handler`) and the delivery core's hooks
(`api.mail.delivery.hooks`) are registries: a domain registers into them, and nothing low
imports every domain. `wire()` is called by whatever starts a process (the app factory,
`mailplane serve`, tests); it is idempotent.
"""

from __future__ import annotations

import api.calendar.tasks  # noqa: F401  (each tasks module registers its @handler jobs)
import api.directory.accounts.tasks  # noqa: F401
import api.directory.domains.tasks  # noqa: F401
import api.mail.outbound.tasks  # noqa: F401
import api.mail.spam.tasks  # noqa: F401
import api.mail.tasks  # noqa: F401
import api.migration.tasks  # noqa: F401
import api.platform.webhooks.tasks  # noqa: F401
from api.calendar.subscriptions import subscribe as subscribe_calendar
from api.directory.notices import register_activation_mailer
from api.mail.notices.activation import send_activation_mail
from api.mail.responders import subscribe as subscribe_mail_responders
from api.mail.spam import file_personally


def wire() -> None:
    """Register every domain's jobs, delivery subscribers and notice senders (once per process)."""
    subscribe_calendar()
    file_personally()
    subscribe_mail_responders()
    register_activation_mailer(send_activation_mail)
