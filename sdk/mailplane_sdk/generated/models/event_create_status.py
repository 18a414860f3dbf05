from enum import StrEnum

class EventCreateStatus(StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"

    def __str__(self) -> str:
        return str(self.value)
