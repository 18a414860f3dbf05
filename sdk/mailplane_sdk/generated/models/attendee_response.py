from enum import StrEnum

class AttendeeResponse(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DELEGATED = "delegated"
    NEEDS_ACTION = "needs_action"
    TENTATIVE = "tentative"

    def __str__(self) -> str:
        return str(self.value)
