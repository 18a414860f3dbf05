from enum import StrEnum

class RoomUpdateBookingPolicyType0(StrEnum):
    APPROVAL = "approval"
    AUTO_ACCEPT = "auto_accept"

    def __str__(self) -> str:
        return str(self.value)
