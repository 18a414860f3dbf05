from enum import StrEnum

class EventUpdateStatusType0(StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"

    def __str__(self) -> str:
        return str(self.value)
