from enum import StrEnum

class RoomCreateBookingPolicy(StrEnum):
    APPROVAL = "approval"
    AUTO_ACCEPT = "auto_accept"

    def __str__(self) -> str:
        return str(self.value)
