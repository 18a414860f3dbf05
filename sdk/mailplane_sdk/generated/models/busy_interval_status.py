from enum import StrEnum

class BusyIntervalStatus(StrEnum):
    BUSY = "busy"
    TENTATIVE = "tentative"

    def __str__(self) -> str:
        return str(self.value)
