from enum import StrEnum

class SendResultStatus(StrEnum):
    SCHEDULED = "scheduled"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
