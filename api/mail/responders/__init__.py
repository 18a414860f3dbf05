"""What the delivery core does for a person after a message reaches their inbox: the
auto-reply (vacation, RFC 3834) and forwarding. Registered with `subscribe()` at wiring."""

from __future__ import annotations

from api.mail.delivery import hooks
from api.mail.responders.forwarding import forward
from api.mail.responders.vacation import auto_reply


def _responders_on(arrival: hooks.Arrival) -> bool:
    return (
        arrival.account.mail_responders
        and arrival.folder_role == "inbox"
        and arrival.envelope_from is not None
    )


def subscribe() -> None:
    hooks.on_delivered(auto_reply, when=_responders_on)
    hooks.on_delivered(forward, when=_responders_on)


__all__ = ["subscribe"]
