"""Imports every domain's tasks module so their @handler registrations take effect.

One import line per domain; the worker imports this module before it claims jobs."""

from __future__ import annotations

import api.calendar.tasks  # noqa: F401
import api.directory.accounts.tasks  # noqa: F401
import api.directory.domains.tasks  # noqa: F401
import api.mail.outbound.tasks  # noqa: F401
import api.mail.spam.tasks  # noqa: F401
import api.mail.tasks  # noqa: F401
import api.migration.tasks  # noqa: F401
import api.platform.webhooks.tasks  # noqa: F401
