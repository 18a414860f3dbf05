from enum import StrEnum

class RecipientDeliveryStatus(StrEnum):
    DEFERRED = "deferred"
    FAILED = "failed"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
